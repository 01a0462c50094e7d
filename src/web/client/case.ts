import { api, errorMessage } from './api';
import { announce, h, humanize, replaceChildren, when } from './dom';
import { requireSession, type SessionUser } from './session';

/**
 * One case: its stage, deadlines (with rule ids), notices and timeline, and the actions the person's
 * role may take — each asks for confirmation, and a refusal says which stage or rule refused it.
 */
let me: SessionUser | undefined;
const caseId = decodeURIComponent(location.pathname.split('/').pop() ?? '');

type Field = { name: string; label: string; type: 'text' | 'textarea' | 'select' | 'datetime' | 'checkboxes' | 'boolean'; options?: Array<[string, string]>; required?: boolean };
interface ActionSpec {
  path: string;
  label: string;
  roles: SessionUser['role'][];
  stages?: string[];
  types?: string[];
  fields?: Field[];
  danger?: boolean;
}

const EXIT_REASONS: Array<[string, string]> = [['CONSENT_RESCINDED', 'Consent rescinded'], ['NO_CLINICAL_BENEFIT', 'No clinical benefit'], ['TRANSITIONED_OUT', 'Transitioned out (self-sufficient)'], ['DECEASED', 'Deceased'], ['MOVED_AWAY', 'Moved away']];
const GOALS = ['HOUSING', 'TREATMENT', 'EDUCATION', 'JOB_TRAINING', 'JOB_PLACEMENT', 'LICENSING', 'SMALL_BUSINESS', 'CHILD_CARE', 'BENEFITS', 'OTHER'].map((g): [string, string] => [g, humanize(g)]);
const decision = (approve: string, deny: string): Field => ({ name: 'decision', label: 'Decision', type: 'select', options: [[approve, humanize(approve)], [deny, humanize(deny)]], required: true });

const ACTIONS: ActionSpec[] = [
  { path: 'screening', label: 'Record screening', roles: ['case_manager'], stages: ['AWAITING_SCREENING'], fields: [{ name: 'intakeScheduledFor', label: 'Intake booked for', type: 'datetime' }] },
  { path: 'left-before-screening', label: 'Left before screening', roles: ['case_manager'], stages: ['AWAITING_SCREENING'], types: ['ARREST_DIVERSION'], fields: [{ name: 'note', label: 'Note', type: 'textarea' }], danger: true },
  { path: 'consent', label: 'Record consent', roles: ['case_manager'], stages: ['AWAITING_INTAKE'], fields: [{ name: 'method', label: 'How', type: 'select', options: [['WRITTEN', 'Signed release of information'], ['VERBAL_MEMORIALIZED', 'Verbal, memorialized by the agency']], required: true }, { name: 'memorializedBy', label: 'Memorialized by (for verbal consent)', type: 'text' }] },
  { path: 'intake', label: 'Record intake', roles: ['case_manager'], stages: ['AWAITING_INTAKE'] },
  { path: 'iip', label: 'Record IIP goals', roles: ['case_manager'], stages: ['ENROLLED'], fields: [{ name: 'goals', label: 'Goals the participant chose', type: 'checkboxes', options: GOALS, required: true }] },
  { path: 'service-withdrawals', label: 'Withdraw a service', roles: ['case_manager'], stages: ['ENROLLED'], fields: [{ name: 'service', label: 'Service', type: 'text', required: true }, { name: 'reason', label: 'Why (not an exit)', type: 'textarea', required: true }] },
  { path: 'consent/rescind', label: 'Consent rescinded', roles: ['case_manager'], stages: ['AWAITING_INTAKE', 'ENROLLED'], danger: true },
  { path: 'exit', label: 'Record exit', roles: ['case_manager'], stages: ['ENROLLED'], fields: [{ name: 'reason', label: 'Reason', type: 'select', options: EXIT_REASONS, required: true }, { name: 'note', label: 'Note', type: 'textarea' }], danger: true },
  { path: 'contacts', label: 'Record contact', roles: ['officer', 'sergeant', 'case_manager'], stages: ['AWAITING_CONTACT'], fields: [{ name: 'willing', label: 'Found and willing to meet case management', type: 'boolean' }] },
  { path: 'returns-to-scene', label: 'Report return to scene', roles: ['officer', 'sergeant'], types: ['ARREST_DIVERSION'], fields: [{ name: 'observedAt', label: 'Seen at', type: 'datetime' }] },
  { path: 'intake-deadline/extensions', label: 'Extend intake deadline', roles: ['officer', 'sergeant'], stages: ['AWAITING_SCREENING', 'AWAITING_INTAKE'], types: ['ARREST_DIVERSION'], fields: [{ name: 'newDueAt', label: 'New deadline', type: 'datetime', required: true }, { name: 'reason', label: 'Why', type: 'textarea', required: true }] },
  { path: 'override-decision', label: 'Decide override', roles: ['sergeant'], stages: ['OVERRIDE_REQUESTED'], fields: [decision('APPROVE', 'DENY'), { name: 'reason', label: 'Reason', type: 'textarea', required: true }] },
  { path: 'approval-decision', label: 'Approve or deny', roles: ['sergeant'], stages: ['AWAITING_APPROVAL'], fields: [decision('APPROVE', 'DENY'), { name: 'reason', label: 'Reason (required to deny)', type: 'textarea' }] },
  { path: 'reassessment-decision', label: 'Re-assess', roles: ['sergeant'], types: ['SOCIAL_CONTACT'], fields: [decision('RENEW', 'CLOSE'), { name: 'reason', label: 'Reason', type: 'textarea', required: true }] },
  { path: 'victim-objection', label: 'Record victim objection', roles: ['prosecutor'], types: ['ARREST_DIVERSION'], fields: [{ name: 'note', label: 'Note', type: 'textarea' }] },
  { path: 'filing-decision', label: 'Record filing decision', roles: ['prosecutor'], types: ['ARREST_DIVERSION'], fields: [{ name: 'decision', label: 'Decision', type: 'select', options: [['FILED', 'Charges filed'], ['DECLINED', 'Declined']], required: true }] },
];

const TERMINAL = ['HANDED_OFF', 'EXITED', 'CLOSED', 'DENIED'];

function fieldControl(action: ActionSpec, f: Field): HTMLElement {
  const id = `a-${action.path.replace(/\W/g, '-')}-${f.name}`;
  if (f.type === 'checkboxes') {
    return h('fieldset', {}, h('legend', {}, f.label), f.options!.map(([v, t]) => h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: f.name, value: v }), t)));
  }
  if (f.type === 'boolean') return h('label', { class: 'inline', for: id }, h('input', { type: 'checkbox', id, name: f.name, 'data-bool': true }), f.label);
  const control =
    f.type === 'select' ? h('select', { id, name: f.name, required: f.required }, f.options!.map(([v, t]) => h('option', { value: v }, t)))
      : f.type === 'textarea' ? h('textarea', { id, name: f.name, rows: '2', required: f.required })
        : h('input', { id, name: f.name, type: f.type === 'datetime' ? 'datetime-local' : 'text', required: f.required });
  return h('div', {}, h('label', { for: id }, f.label), control);
}

function readAction(form: HTMLFormElement, action: ActionSpec): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of action.fields ?? []) {
    if (f.type === 'checkboxes') body[f.name] = Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${f.name}"]:checked`)).map((i) => i.value);
    else if (f.type === 'boolean') body[f.name] = (form.elements.namedItem(f.name) as HTMLInputElement).checked;
    else {
      const value = (form.elements.namedItem(f.name) as HTMLInputElement).value.trim();
      if (value) body[f.name] = f.type === 'datetime' ? new Date(value).toISOString() : value;
    }
  }
  return body;
}

function actionPanel(view: any): HTMLElement | null {
  const role = me?.role;
  if (!role) return null;
  const allowed = ACTIONS.filter((a) => a.roles.includes(role) && (!a.types || a.types.includes(view.type)) && (!a.stages || a.stages.includes(view.stage)) && !TERMINAL.includes(view.stage));
  if (allowed.length === 0) return null;
  const area = h('div', { id: 'action-area' });
  const buttons = allowed.map((action) =>
    h('button', {
      type: 'button',
      class: action.danger ? 'secondary' : '',
      'data-action': action.path,
      onclick: () => {
        const form = h('form', { class: 'confirm', 'aria-label': action.label }, h('h3', {}, action.label), (action.fields ?? []).map((f) => fieldControl(action, f)),
          h('p', {}, `Confirm: ${action.label.toLowerCase()} on case ${view.referralId}?`),
          h('div', { class: 'actions' }, h('button', { type: 'submit', class: action.danger ? 'danger' : '' }, `Confirm ${action.label.toLowerCase()}`), h('button', { type: 'button', class: 'secondary', onclick: () => area.replaceChildren() }, 'Cancel')));
        form.addEventListener('submit', async (e) => {
          e.preventDefault();
          const res = await api('POST', `/api/cases/${encodeURIComponent(view.referralId)}/${action.path}`, readAction(form, action), { 'Idempotency-Key': crypto.randomUUID() });
          if (res.status === 200) {
            area.replaceChildren();
            announce(`${action.label}: done. The case is now ${humanize(res.body.case.stage)}.`);
            render(res.body.case, undefined);
          } else {
            const message = h('p', { class: 'panel bad', role: 'alert', id: 'action-error' }, errorMessage(res));
            form.querySelector('#action-error')?.remove();
            form.prepend(message);
          }
        });
        area.replaceChildren(form);
        form.querySelector<HTMLElement>('select, input, textarea, button')?.focus();
      },
    }, action.label),
  );
  return h('section', { 'aria-labelledby': 'actions-title' }, h('h2', { id: 'actions-title' }, 'Actions'), h('div', { class: 'actions' }, buttons), area);
}

let person: any;
function render(view: any, personData: any): void {
  if (personData !== undefined) person = personData;
  replaceChildren(
    'case',
    h('p', {}, h('strong', {}, view.referralId), ` · ${humanize(view.type)} · stage `, h('span', { class: 'badge', id: 'stage' }, view.stage)),
    person ? h('p', {}, `${person.givenName} ${person.familyName}`) : null,
    view.stuck?.length ? h('p', { class: 'panel bad' }, `Stuck: ${view.stuck.map((s: any) => `${humanize(s.reason)} (${s.ruleId})`).join(', ')}`) : null,
    actionPanel(view),
    h('h2', {}, 'Deadlines'),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Rule'), h('th', {}, 'What'), h('th', {}, 'Due'), h('th', {}, 'Status'))),
      h('tbody', {}, (view.deadlines ?? []).map((d: any) => h('tr', {}, h('td', {}, d.ruleId), h('td', {}, d.name), h('td', {}, when(d.dueAt)), h('td', {}, humanize(d.status)))))),
    h('h2', {}, 'Notices'),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Notice'), h('th', {}, 'Rule'), h('th', {}, 'To'), h('th', {}, 'Status'))),
      h('tbody', {}, (view.notices ?? []).map((n: any) => h('tr', {}, h('td', {}, humanize(n.kind)), h('td', {}, n.ruleId), h('td', {}, n.recipient ? humanize(n.recipient.role) + (n.recipient.office ? ` (${n.recipient.office})` : '') : '—'), h('td', {}, n.status === 'SENT' ? `sent ${when(n.sentAt)}` : humanize(n.status)))))),
    h('h2', {}, 'Timeline'),
    h('ol', { class: 'timeline' }, (view.events ?? []).filter((e: any) => e.type !== 'NOTICE_SENT').map((e: any) => h('li', {}, `${when(e.at)} — ${humanize(e.type)} (${e.ruleId}) by ${e.actor?.role === 'system' ? 'the service' : `${e.actor?.id} (${humanize(e.actor?.role ?? '')})`}`))),
  );
}

async function main(): Promise<void> {
  me = await requireSession();
  if (!me) return;
  const res = await api('GET', `/api/cases/${encodeURIComponent(caseId)}`);
  if (res.status !== 200) {
    replaceChildren('case', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
    return;
  }
  render(res.body.case, res.body.person);
  document.getElementById('case')!.dataset.ready = 'true';
}

void main();
