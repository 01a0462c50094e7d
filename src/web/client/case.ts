import { NOT_DIVERTED_OUTCOMES } from '../../shared/case-model';
import type { ActionField, OfferedAction } from '../../shared/case-action-catalogue';
import { api, errorMessage } from './api';
import { evaluationSection } from './case-evaluation';
import { announce, h, humanize, replaceChildren, when, whenDone } from './dom';
import { codeLabels, referralRecordView, type CodeLabels } from './referral-record';
import { requireSession, type SessionUser } from './session';

/**
 * One case as the API shows this reader (R-ROI): program status, the referral record and the
 * case-management record (or its progress summary) — each present only when the reader may receive
 * it — and the actions the person's role may take, each confirmed first; a refusal names its rule.
 */
let me: SessionUser | undefined;
let labels: CodeLabels = {};
const caseId = decodeURIComponent(location.pathname.split('/').pop() ?? '');

function fieldControl(action: OfferedAction, f: ActionField): HTMLElement {
  const id = `a-${action.path.replace(/\W/g, '-')}-${f.name.replace(/\W/g, '-')}`;
  if (f.type === 'checkboxes') {
    return h(
      'fieldset',
      {},
      h('legend', {}, f.label),
      f.options!.map(([v, t]) =>
        h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: f.name, value: v }), t),
      ),
    );
  }
  if (f.type === 'boolean')
    return h(
      'label',
      { class: 'inline', for: id },
      h('input', { type: 'checkbox', id, name: f.name, 'data-bool': true, checked: f.initial === true }),
      f.label,
    );
  // A choice has no default: the person picks it (a consequential decision is never pre-selected).
  const control =
    f.type === 'select'
      ? h(
          'select',
          { id, name: f.name, required: f.required },
          h('option', { value: '' }, 'Choose…'),
          f.options!.map(([v, t]) => h('option', { value: v }, t)),
        )
      : f.type === 'textarea' || f.type === 'list'
        ? h(
            'textarea',
            { id, name: f.name, rows: '2', required: f.required },
            typeof f.initial === 'string' ? f.initial : '',
          )
        : h('input', {
            id,
            name: f.name,
            type: f.type === 'datetime' ? 'datetime-local' : 'text',
            required: f.required,
            ...(typeof f.initial === 'string' ? { value: f.initial } : {}),
          });
  return h('div', {}, h('label', { for: id }, f.label), control);
}

/** Sets `a.b` in a body object (nested fields such as covers.staffing). */
function setPath(body: Record<string, unknown>, name: string, value: unknown): void {
  const [head, ...rest] = name.split('.');
  if (rest.length === 0) body[head] = value;
  else setPath((body[head] ??= {}) as Record<string, unknown>, rest.join('.'), value);
}

function readAction(form: HTMLFormElement, action: OfferedAction): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of action.fields ?? []) {
    const named = form.elements.namedItem(f.name) as HTMLInputElement | null;
    if (f.type === 'checkboxes')
      setPath(
        body,
        f.name,
        Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${f.name}"]:checked`)).map((i) => i.value),
      );
    else if (f.type === 'boolean') setPath(body, f.name, named!.checked);
    else if (f.type === 'list')
      setPath(
        body,
        f.name,
        named!.value
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      );
    else {
      const value = named!.value.trim();
      if (value) setPath(body, f.name, f.type === 'datetime' ? new Date(value).toISOString() : value);
    }
  }
  return body;
}

function actionPanel(body: any): HTMLElement | null {
  const status = body.case;
  // The service offers what this reader may do on this case now (src/api/offered-actions.ts).
  const allowed: OfferedAction[] = body.actions ?? [];
  if (allowed.length === 0) return null;
  const area = h('div', { id: 'action-area' });
  const buttons = allowed.map((action) =>
    h(
      'button',
      {
        type: 'button',
        class: action.danger ? 'secondary' : '',
        'data-action': action.path,
        onclick: () => {
          const consequence = h('p', { class: 'consequence', id: 'consequence', 'aria-live': 'polite' });
          const form = h(
            'form',
            { class: 'confirm', 'aria-label': action.label },
            h('h3', {}, action.label),
            (action.fields ?? []).map((f) => fieldControl(action, f)),
            action.consequence ? consequence : null,
            h('p', {}, `Confirm: ${action.label.toLowerCase()} on case ${status.referralId}?`),
            h(
              'div',
              { class: 'actions' },
              h(
                'button',
                { type: 'submit', class: action.danger ? 'danger' : '' },
                `Confirm ${action.label.toLowerCase()}`,
              ),
              h('button', { type: 'button', class: 'secondary', onclick: () => area.replaceChildren() }, 'Cancel'),
            ),
          );
          const sayConsequence = () => {
            const c = action.consequence;
            const chosen = (form.elements.namedItem('decision') as HTMLSelectElement | null)?.value;
            consequence.textContent =
              typeof c === 'string' ? c : c && chosen ? c[chosen] : c ? 'Choose a decision to see what it does.' : '';
          };
          form.addEventListener('change', sayConsequence);
          sayConsequence();
          form.addEventListener(
            'submit',
            whenDone(async (e: SubmitEvent) => {
              e.preventDefault();
              const res = await api(
                'POST',
                `/api/cases/${encodeURIComponent(status.referralId)}/${action.path}`,
                readAction(form, action),
                { 'Idempotency-Key': crypto.randomUUID() },
              );
              if (res.status === 200 || res.status === 201) {
                area.replaceChildren();
                if (res.body.case) {
                  announce(`${action.label}: done. The case is now ${humanize(res.body.case.stage)}.`);
                  render(res.body);
                } else announce(`${action.label}: done.`);
              } else {
                // A refused field is named by its label, in a sentence, and marked (R-CONSENT: "a verbal
                // consent must name who memorialized it"), never "Invalid request body: memorializedBy: …".
                const labelOf = (name: string) => action.fields?.find((f) => f.name === name)?.label;
                const message = h(
                  'p',
                  { class: 'panel bad', role: 'alert', id: 'action-error' },
                  errorMessage(res, labelOf),
                );
                form.querySelector('#action-error')?.remove();
                form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
                const refused = (res.body?.error?.fields ?? [])
                  .map((f: { field: string }) => form.elements.namedItem(f.field))
                  .filter((el: unknown): el is HTMLElement => el instanceof HTMLElement);
                refused.forEach((el: HTMLElement) => {
                  el.setAttribute('aria-invalid', 'true');
                  el.setAttribute('aria-describedby', 'action-error');
                });
                form.prepend(message);
                refused[0]?.focus();
              }
            }),
          );
          area.replaceChildren(form);
          form.querySelector<HTMLElement>('select, input, textarea, button')?.focus();
        },
      },
      action.label,
    ),
  );
  return h(
    'section',
    { 'aria-labelledby': 'actions-title' },
    h('h2', { id: 'actions-title' }, 'Actions'),
    h('div', { class: 'actions' }, buttons),
    area,
  );
}

function caseManagementView(cm: any): HTMLElement {
  if (!cm) {
    return h(
      'section',
      { id: 'case-management', 'aria-labelledby': 'cm-title' },
      h('h2', { id: 'cm-title' }, 'Case management'),
      h(
        'p',
        { class: 'hint' },
        "Case-management details are shared with partners only as a progress summary, and only while the person's release of information covers staffing (R-ROI).",
      ),
    );
  }
  if (cm.level === 'SUMMARY') {
    return h(
      'section',
      { id: 'case-management', 'aria-labelledby': 'cm-title' },
      h('h2', { id: 'cm-title' }, "Progress summary (under the person's release, R-ROI)"),
      h(
        'ul',
        {},
        h('li', {}, `IIP goals: ${cm.iipGoals.length ? cm.iipGoals.map(humanize).join(', ') : 'none recorded'}`),
        h('li', {}, `A service was withdrawn: ${cm.serviceWithdrawn ? 'yes' : 'no'}`),
        cm.exitCategory ? h('li', {}, `Exit: ${humanize(cm.exitCategory)}`) : null,
      ),
    );
  }
  const r = cm.release;
  return h(
    'section',
    { id: 'case-management', 'aria-labelledby': 'cm-title' },
    h('h2', { id: 'cm-title' }, 'Case-management record'),
    h(
      'p',
      { id: 'release' },
      r
        ? `Release of information, version ${r.version}${r.amendedAt ? ` (amended ${when(r.amendedAt)})` : ''}, ${r.inForce ? 'in force' : `rescinded ${when(r.rescindedAt)}`}: ${humanize(r.method ?? '')}${r.memorializedBy ? ` (memorialized by ${r.memorializedBy})` : ''}; ${r.coversStaffing ? 'covers staffing with the partners' : 'does not cover staffing'}${r.providers.length ? `; providers: ${r.providers.join(', ')}` : ''}.`
        : 'No release of information recorded.',
    ),
    cm.intakeScheduledFor ? h('p', {}, `Intake booked for ${when(cm.intakeScheduledFor)}`) : null,
    cm.iip ? h('p', {}, `IIP goals: ${cm.iip.goals.map(humanize).join(', ')}`) : null,
    cm.servicesDelivered.length
      ? h(
          'p',
          {},
          `Services delivered: ${cm.servicesDelivered.map((s: any) => (s.provider ? `${s.service} (${s.provider})` : s.service)).join('; ')}`,
        )
      : null,
    cm.servicesWithdrawn.length
      ? h(
          'p',
          {},
          `Services withdrawn: ${cm.servicesWithdrawn.map((s: any) => `${s.service}: ${s.reason}`).join('; ')}`,
        )
      : null,
    cm.exit ? h('p', {}, `Exit: ${humanize(cm.exit.reason)} (${when(cm.exit.at)})`) : null,
  );
}

const describeData = (data: Record<string, unknown> | undefined) =>
  data
    ? Object.entries(data)
        .filter(([, v]) => typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number' || Array.isArray(v))
        .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
        .join('; ')
    : '';

function render(body: any): void {
  const { case: status, referral, caseManagement } = body;
  const links = [
    referral
      ? h(
          'a',
          { href: `/cases/${encodeURIComponent(status.referralId)}/packet`, id: 'packet-link' },
          'Referral record / diversion packet',
        )
      : null,
    // R-PACKET: the same packet as a PDF file, with its cover sheet (a disclosure, like reading it here).
    referral
      ? h(
          'a',
          {
            href: `/api/cases/${encodeURIComponent(status.referralId)}/packet.pdf`,
            id: 'packet-pdf-link',
            download: true,
          },
          'Download packet (PDF)',
        )
      : null,
    me && ['case_manager', 'supervisor'].includes(me.role)
      ? h(
          'a',
          { href: `/cases/${encodeURIComponent(status.referralId)}/disclosures`, id: 'disclosures-link' },
          "Disclosures of this person's information",
        )
      : null,
    // R-SC-FROM-ARREST: a person not diverted on the arrest may still be referred as a social contact.
    referral && me && ['officer', 'sergeant'].includes(me.role) && NOT_DIVERTED_OUTCOMES.includes(status.outcome)
      ? h(
          'a',
          { href: `/refer?from=${encodeURIComponent(status.referralId)}`, id: 'social-contact-link' },
          'Refer as a social contact (R-SC-FROM-ARREST)',
        )
      : null,
  ].filter(Boolean);
  replaceChildren(
    'case',
    h(
      'p',
      {},
      h('strong', {}, status.referralId),
      ` · ${humanize(status.type)} · stage `,
      h('span', { class: 'badge', id: 'stage' }, status.stage),
    ),
    referral ? h('p', { id: 'person' }, `${referral.person.givenName} ${referral.person.familyName}`) : null,
    links.length ? h('p', { class: 'actions' }, links) : null,
    status.stuck?.length
      ? h(
          'p',
          { class: 'panel bad' },
          `Stuck: ${status.stuck.map((s: any) => `${humanize(s.reason)} (${s.ruleId})`).join(', ')}`,
        )
      : null,
    actionPanel(body),
    referral ? referralRecordView(referral, 'h2', labels) : null,
    caseManagementView(caseManagement),
    evaluationSection(body, me, render),
    officesView(status),
    h('h2', {}, 'Deadlines'),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Rule'), h('th', {}, 'What'), h('th', {}, 'Due'), h('th', {}, 'Status'))),
      h(
        'tbody',
        {},
        (status.deadlines ?? []).map((d: any) =>
          h(
            'tr',
            {},
            h('td', {}, d.ruleId),
            h('td', {}, d.name),
            h('td', {}, when(d.dueAt)),
            h('td', {}, humanize(d.status)),
          ),
        ),
      ),
    ),
    h('h2', {}, 'Notices'),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Notice'), h('th', {}, 'Rule'), h('th', {}, 'To'), h('th', {}, 'Status'))),
      h(
        'tbody',
        {},
        (status.notices ?? []).map((n: any) =>
          h(
            'tr',
            {},
            h('td', {}, humanize(n.kind)),
            h('td', {}, n.ruleId),
            h(
              'td',
              {},
              n.recipient ? humanize(n.recipient.role) + (n.recipient.office ? ` (${n.recipient.office})` : '') : '—',
            ),
            h('td', {}, n.status === 'SENT' ? `sent ${when(n.sentAt)}` : humanize(n.status)),
          ),
        ),
      ),
    ),
    h('h2', {}, 'Timeline'),
    h(
      'ol',
      { class: 'timeline', id: 'timeline' },
      (status.events ?? [])
        .filter((e: any) => e.type !== 'NOTICE_SENT')
        .map((e: any) => {
          const detail = describeData(e.data);
          return h(
            'li',
            {},
            `${when(e.at)} — ${humanize(e.type)} (${e.ruleId}) by ${e.actor?.role === 'system' ? 'the service' : `${e.actor?.id} (${humanize(e.actor?.role ?? '')})`}${detail ? ` — ${detail}` : ''}`,
          );
        }),
    ),
  );
}

async function main(): Promise<void> {
  me = await requireSession();
  if (!me) return;
  const [res, codes] = await Promise.all([api('GET', `/api/cases/${encodeURIComponent(caseId)}`), codeLabels()]);
  labels = codes;
  if (res.status !== 200) {
    replaceChildren('case', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
    return;
  }
  render(res.body);
  document.getElementById('case')!.dataset.ready = 'true';
}

void main();

/**
 * R-JURISDICTION (Decision 2026-12-02): each office with jurisdiction, its review of the packet
 * (R-PACKET) and its own filing decision, and whether it still owes one.
 */
function officesView(status: any): HTMLElement | null {
  const offices: string[] = status.prosecutorOffices ?? [];
  if (status.type !== 'ARREST_DIVERSION' || offices.length === 0) return null;
  const latest = (list: any[], office: string) => list.filter((x: any) => x.office === office).at(-1);
  return h(
    'section',
    { id: 'offices' },
    h('h2', {}, 'Prosecutor offices'),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Office'), h('th', {}, 'Packet review'), h('th', {}, 'Filing decision'))),
      h(
        'tbody',
        {},
        offices.map((office) => {
          const review = latest(status.packetReviews ?? [], office);
          const decision = latest(status.filingDecisions ?? [], office);
          const owes = (status.filingDecisionsOwedBy ?? []).includes(office);
          return h(
            'tr',
            { 'data-office': office },
            h('td', {}, office),
            h('td', {}, review ? `${humanize(review.outcome)} (${when(review.at)})` : '—'),
            h(
              'td',
              {},
              decision
                ? `${humanize(decision.decision)} under ${decision.ruleId} (${when(decision.at)})`
                : owes
                  ? 'Decision owed'
                  : '—',
            ),
          );
        }),
      ),
    ),
  );
}
