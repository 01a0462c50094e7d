import { NOT_DIVERTED_OUTCOMES } from '../../shared/case-vocabulary';
import type { ActionField, OfferedAction } from '../../contract/case-action-catalogue';
import {
  aRole,
  deadlineLabel,
  deadlineStatusLabel,
  eventSentence,
  nextStepFor,
  nextStepSentence,
  noticeLabel,
  ruleIdsIn,
  recipientLabel,
  stageLabel,
  standingSentence,
  stuckLabel,
  typeLabel,
} from '../../contract/plain-language';
import type { CaseActionPath, STAFFING_NOMINATIONS_PATH } from '../../api/case-action-routes';
import type { AnswerBody } from '../../api/contract/api-answers';
import { api, errorMessage, refusalOf } from './api';
import { evaluationSection } from './case-evaluation';
import { announce, h, humanize, replaceChildren, whenDone } from './dom';
import { codeLabels, referralRecordView, type CodeLabels } from './referral-record';
import { requireSession, type SessionUser } from './session';
import { at, due, timeOptions, why } from './words';

/**
 * One case as the API shows this reader (R-ROI), built for this reader: the top says in words where the
 * case stands and what they do next, by when; then the record they work from — the case-management
 * record first for case management, the referral record first for police and prosecutors — then
 * deadlines, notices and the timeline in sentences. Rule ids only in a small "why".
 */
let me: SessionUser | undefined;
let labels: CodeLabels = {};
type CaseBody = AnswerBody<'GET', `/api/cases/${string}`>;
type CaseStatus = CaseBody['case'];
type Release = Extract<CaseBody['caseManagement'], { level: 'FULL' }>['release'];
/** The server offers an action under its declared path (OfferedAction keeps it a string, for the catalogue). */
type ActionPath = CaseActionPath | typeof STAFFING_NOMINATIONS_PATH;
const caseId = decodeURIComponent(location.pathname.split('/').pop() ?? '');

type Actor = { id: string; role: string; name?: string };

/** Someone who acted, as this reader may know them: "you", their name, else their role ("a sergeant"). */
function who(actor: Actor | undefined): string {
  if (!actor) return 'someone';
  if (me && actor.id === me.id) return 'you';
  if (actor.role === 'system') return 'the service';
  return actor.name ?? aRole(actor.role);
}
const caseLink = (id: string) => h('a', { href: `/cases/${encodeURIComponent(id)}` }, id);

// --- actions ---------------------------------------------------------------------------------------

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

/** Every place a confirmation form can open: one form at a time on the page. */
const actionAreas: HTMLElement[] = [];
const closeForms = () => actionAreas.forEach((a) => a.replaceChildren());

/**
 * A refusal in words, its rules in a "why". A refused field is named by its label and marked (R-CONSENT:
 * "a verbal consent must name who memorialized it"), never "Invalid request body: memorializedBy: …".
 */
function refusal(res: { status: number; body: unknown }, action: OfferedAction): HTMLElement {
  const labelOf = (name: string) => action.fields?.find((f) => f.name === name)?.label;
  const error = refusalOf(res.body);
  const said = [error?.message ?? '', ...(error?.fields ?? []).map((f) => f.message)].join(' ');
  return h(
    'div',
    { class: 'panel bad', role: 'alert', id: 'action-error' },
    h('p', {}, errorMessage(res, labelOf)),
    why([...ruleIdsIn(said), error?.ruleId]),
  );
}

/** Marks the fields the service refused and puts the cursor in the first. */
function markRefused(form: HTMLFormElement, res: { body: unknown }): void {
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  const refused = (refusalOf(res.body)?.fields ?? [])
    .map((f) => form.elements.namedItem(f.field))
    .filter((el): el is HTMLElement => el instanceof HTMLElement);
  refused.forEach((el) => {
    el.setAttribute('aria-invalid', 'true');
    el.setAttribute('aria-describedby', 'action-error');
  });
  refused[0]?.focus();
}

/** The button that opens an action's confirmation, in the area given (under the button's section). */
function actionButton(action: OfferedAction, status: CaseStatus, area: HTMLElement, primary = false): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: action.danger ? 'secondary' : primary ? '' : 'secondary',
      'data-action': action.path,
      onclick: () => {
        closeForms();
        const consequence = h('p', { class: 'consequence', id: 'consequence', 'aria-live': 'polite' });
        const form = h(
          'form',
          { class: 'confirm', 'aria-label': action.label },
          h('h3', {}, action.label),
          (action.fields ?? []).map((f) => fieldControl(action, f)),
          action.consequence ? consequence : null,
          why(action.ruleIds),
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
              `/api/cases/${encodeURIComponent(status.referralId)}/${action.path as ActionPath}`,
              readAction(form, action),
              { 'Idempotency-Key': crypto.randomUUID() },
            );
            if (res.status === 200 || res.status === 201) {
              area.replaceChildren();
              if ('case' in res.body) {
                announce(`${action.label}: done. The case is now: ${stageLabel(res.body.case.stage)}.`);
                render(res.body);
              } else announce(`${action.label}: done.`);
            } else {
              form.querySelector('#action-error')?.remove();
              form.prepend(refusal(res, action));
              markRefused(form, res);
            }
          }),
        );
        area.replaceChildren(form);
        form.querySelector<HTMLElement>('select, input, textarea, button')?.focus();
      },
    },
    action.label,
  );
}

/** A row of action buttons with the area their confirmation opens in. */
function actionGroup(actions: OfferedAction[], status: CaseStatus, primary?: string): HTMLElement[] {
  if (actions.length === 0) return [];
  const area = h('div', { class: 'action-area' });
  actionAreas.push(area);
  return [
    h(
      'div',
      { class: 'actions' },
      actions.map((a) => actionButton(a, status, area, a.name === primary)),
    ),
    area,
  ];
}

// --- the top: where the case stands, and this reader's next step --------------------------------------

function summaryView(body: CaseBody, step: ReturnType<typeof nextStepFor>, primary: OfferedAction | undefined) {
  const status = body.case;
  const options = timeOptions();
  return h(
    'section',
    { id: 'case-summary', class: 'panel', 'aria-labelledby': 'summary-title' },
    h('h2', { id: 'summary-title' }, 'Where the case stands'),
    h('p', { id: 'case-standing' }, standingSentence(status, options)),
    status.handOff?.socialContactReferralId
      ? h(
          'p',
          { id: 'handed-off-to' },
          'The person continues as social contact ',
          caseLink(status.handOff.socialContactReferralId),
          '.',
        )
      : null,
    status.linkedFrom
      ? h(
          'p',
          { id: 'continues-from' },
          'This social contact continues arrest diversion ',
          caseLink(status.linkedFrom),
          '.',
        )
      : null,
    h('p', { id: 'next-step', class: 'next-step' }, h('strong', {}, nextStepSentence(step, options))),
    why(step.ruleIds),
    primary ? actionGroup([primary], status, primary.name) : null,
    status.stuck?.length
      ? h(
          'p',
          { class: 'bad', id: 'stuck' },
          `Stuck: ${status.stuck.map((s) => `${stuckLabel(s.reason).toLowerCase()} since ${at(s.since)}`).join('; ')}.`,
        )
      : null,
  );
}

// --- the case-management record (case management's own) ------------------------------------------------

function releaseSentence(r: Release): string {
  if (!r) return 'No release of information recorded yet.';
  const how =
    r.method === 'VERBAL_MEMORIALIZED'
      ? `given verbally${r.memorializedBy ? `, memorialized by ${r.memorializedBy}` : ''}`
      : r.method === 'WRITTEN'
        ? 'signed'
        : '';
  return [
    `Version ${r.version}${how ? `, ${how}` : ''}${r.givenAt ? ` on ${at(r.givenAt)}` : ''}${r.amendedAt ? `, amended ${at(r.amendedAt)}` : ''}.`,
    r.inForce ? 'In force.' : `Rescinded ${at(r.rescindedAt)}.`,
    r.coversStaffing ? 'It covers staffing with the LEAD partners.' : 'It does not cover staffing.',
    r.providers.length ? `Providers it names: ${r.providers.join(', ')}.` : 'It names no treatment provider.',
  ].join(' ');
}

function caseManagementView(body: CaseBody, heading: 'h2' = 'h2', actions: OfferedAction[] = []): HTMLElement {
  const { case: status, caseManagement: cm } = body;
  if (!cm) {
    return h(
      'section',
      { id: 'case-management', 'aria-labelledby': 'cm-title' },
      h(heading, { id: 'cm-title' }, 'Case management'),
      h(
        'p',
        { class: 'hint' },
        "Case-management details are shared with partners only as a progress summary, and only while the person's release of information covers staffing.",
      ),
      why('R-ROI'),
    );
  }
  if (cm.level === 'SUMMARY') {
    return h(
      'section',
      { id: 'case-management', 'aria-labelledby': 'cm-title' },
      h(heading, { id: 'cm-title' }, "Progress summary (shared under the person's release)"),
      h(
        'ul',
        {},
        h('li', {}, `IIP goals: ${cm.iipGoals.length ? cm.iipGoals.map(humanize).join(', ') : 'none recorded'}`),
        h('li', {}, `A service was withdrawn: ${cm.serviceWithdrawn ? 'yes' : 'no'}`),
        cm.exitCategory ? h('li', {}, `Exit: ${humanize(cm.exitCategory)}`) : null,
      ),
      why('R-ROI'),
    );
  }
  const named = (name: string) => actions.filter((a) => a.name === name);
  const notes = (status.events ?? []).filter((e) => e.type === 'CASE_NOTE_RECORDED').reverse();
  return h(
    'section',
    { id: 'case-management', 'aria-labelledby': 'cm-title' },
    h(heading, { id: 'cm-title' }, 'Case-management record'),
    h('h3', {}, 'Release of information'),
    h('p', { id: 'release' }, releaseSentence(cm.release)),
    actionGroup([...named('recordConsent'), ...named('amendRelease')], status),
    h('h3', {}, 'Intake'),
    h(
      'p',
      { id: 'intake' },
      status.intakeCompletedAt
        ? `Completed ${at(status.intakeCompletedAt)}.`
        : cm.intakeScheduledFor
          ? `Booked for ${due(cm.intakeScheduledFor)}.`
          : 'Not booked yet.',
    ),
    h('h3', {}, 'Individual intervention plan (IIP)'),
    h(
      'p',
      { id: 'iip' },
      cm.iip
        ? `Goals the participant chose: ${cm.iip.goals.map(humanize).join(', ')} (${who(cm.iip.by)}, ${at(cm.iip.at)}).`
        : 'No goals recorded yet.',
    ),
    h('h3', {}, 'Services'),
    cm.servicesDelivered.length || cm.servicesWithdrawn.length
      ? h(
          'ul',
          { id: 'services' },
          cm.servicesDelivered.map((s) =>
            h('li', {}, `${s.service}${s.provider ? ` with ${s.provider}` : ''} — ${at(s.at)}, ${who(s.by)}`),
          ),
          cm.servicesWithdrawn.map((s) =>
            h(
              'li',
              {},
              `${s.service}: withdrawn ${at(s.at)} (${humanize(s.reason)})${s.reinstatedAt ? `, offered again ${at(s.reinstatedAt)}` : ''}`,
            ),
          ),
        )
      : h('p', { id: 'services' }, 'No service recorded yet.'),
    actionGroup(
      [
        ...named('recordService'),
        ...named('withdrawService'),
        ...named('reinstateService'),
        ...named('recordIipGoals'),
      ],
      status,
    ),
    h('h3', { id: 'case-notes-title' }, 'Case notes'),
    notes.length
      ? h(
          'ol',
          { id: 'case-notes', 'aria-labelledby': 'case-notes-title' },
          notes.map((n) =>
            h(
              'li',
              {},
              h('span', { class: 'hint' }, `${at(n.at)}, ${who(n.actor)}: `),
              typeof n.data?.note === 'string' ? n.data.note : '',
            ),
          ),
        )
      : h('p', { id: 'case-notes', class: 'hint' }, 'No case note yet.'),
    actionGroup(named('recordCaseNote'), status),
    cm.exit
      ? h('p', { id: 'exit' }, `Exit: ${humanize(cm.exit.reason)} (${at(cm.exit.at)}, ${who(cm.exit.by)}).`)
      : null,
  );
}

// --- deadlines, notices, offices, timeline ------------------------------------------------------------

function deadlinesView(status: CaseStatus): HTMLElement[] {
  const deadlines = status.deadlines ?? [];
  if (deadlines.length === 0) return [];
  return [
    h('h2', {}, 'Deadlines'),
    h(
      'table',
      { id: 'deadlines' },
      h('thead', {}, h('tr', {}, h('th', {}, 'What'), h('th', {}, 'When'), h('th', {}, 'Status'))),
      h(
        'tbody',
        {},
        deadlines.map((d) =>
          h(
            'tr',
            { 'data-rule': d.ruleId },
            h('td', {}, deadlineLabel(d), why(d.ruleId)),
            h('td', {}, d.status === 'OPEN' ? due(d.dueAt) : at(d.dueAt)),
            h('td', {}, deadlineStatusLabel(d.status)),
          ),
        ),
      ),
    ),
  ];
}

function noticesView(status: CaseStatus): HTMLElement[] {
  const notices = status.notices ?? [];
  if (notices.length === 0) return [];
  return [
    h('h2', {}, 'Notices'),
    h(
      'table',
      { id: 'notices' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Notice'), h('th', {}, 'To'), h('th', {}, 'Sent'))),
      h(
        'tbody',
        {},
        notices.map((n) =>
          h(
            'tr',
            {},
            h('td', {}, noticeLabel(n.kind), why(n.ruleId)),
            h('td', {}, n.recipient ? recipientLabel(n.recipient, labels) : '—'),
            h('td', {}, n.status === 'SENT' ? at(n.sentAt) : 'not yet'),
          ),
        ),
      ),
    ),
  ];
}

/**
 * R-JURISDICTION (Decision 2026-12-02): each office with jurisdiction, its review of the packet
 * (R-PACKET) and its own filing decision, and whether it still owes one.
 */
function officesView(status: CaseStatus): HTMLElement | null {
  const offices: string[] = status.prosecutorOffices ?? [];
  if (status.type !== 'ARREST_DIVERSION' || offices.length === 0) return null;
  const latest = <T extends { office?: string }>(list: T[], office: string) =>
    list.filter((x) => x.office === office).at(-1);
  const officeName = (code: string) => labels.offices?.[code]?.name ?? code;
  return h(
    'section',
    { id: 'offices', 'aria-labelledby': 'offices-title' },
    h('h2', { id: 'offices-title' }, 'Prosecutor offices'),
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
            h('td', {}, officeName(office)),
            h(
              'td',
              {},
              review
                ? `${review.outcome === 'MEETS_CRITERIA' ? 'Meets the criteria' : 'Does not meet the criteria'} (${at(review.at)})`
                : 'Not reviewed yet',
            ),
            h(
              'td',
              {},
              decision
                ? [
                    `${decision.decision === 'FILED' ? 'Charges filed' : 'Charges declined'} (${at(decision.at)})`,
                    why(decision.ruleId),
                  ]
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

/** The referring officer as the referral record names them (its details are the submission as recorded). */
function officerOf(details: Record<string, unknown> | undefined): { id?: string; name?: string } {
  const officer = details?.officer;
  if (typeof officer !== 'object' || officer === null) return {};
  const { id, name } = officer as Record<string, unknown>;
  return { id: typeof id === 'string' ? id : undefined, name: typeof name === 'string' ? name : undefined };
}

function timelineView(status: CaseStatus, referral: CaseBody['referral']): HTMLElement[] {
  // The referral record names the referring officer (the opening events are recorded by the service).
  const officer = officerOf(referral?.details);
  const referredBy = officer?.name ?? (officer?.id ? `officer ${officer.id}` : undefined);
  const context = { who, time: at, offices: labels.offices, referredBy };
  const events = (status.events ?? []).filter((e) => e.type !== 'NOTICE_SENT');
  return [
    h('h2', {}, 'Timeline'),
    h(
      'ol',
      { class: 'timeline', id: 'timeline' },
      events.map((e) => {
        const linked = e.data?.socialContactReferralId ?? e.data?.linkedFrom;
        return h(
          'li',
          { 'data-event': e.type },
          h('span', { class: 'hint' }, `${at(e.at)} — `),
          eventSentence(e, context),
          typeof linked === 'string' ? [' ', caseLink(linked)] : null,
          why(e.ruleId),
        );
      }),
    ),
  ];
}

// --- the page -----------------------------------------------------------------------------------------

/** Case management reads their own record first; police and prosecutors the referral record. */
const CASE_MANAGEMENT_FIRST = new Set(['case_manager']);

function render(body: CaseBody): void {
  const { case: status, referral } = body;
  // The service offers only actions of the catalogue (their names a string in the answer's schema).
  const offered = (body.actions ?? []) as OfferedAction[];
  actionAreas.length = 0;
  const role = me?.role ?? 'supervisor';
  const step = nextStepFor(status, { role, office: me?.office }, offered, {
    hasIip: body.caseManagement?.level === 'FULL' && Boolean(body.caseManagement.iip),
  });
  const primary = step.who === 'you' ? offered.find((a) => a.name === step.action) : undefined;
  // Where each remaining action is offered: beside the record it changes, else under "Other actions".
  const inRecord = new Set(
    CASE_MANAGEMENT_FIRST.has(role) || body.caseManagement?.level === 'FULL'
      ? [
          'recordConsent',
          'amendRelease',
          'recordService',
          'withdrawService',
          'reinstateService',
          'recordIipGoals',
          'recordCaseNote',
        ]
      : [],
  );
  const cmActions = offered.filter((a) => a !== primary && inRecord.has(a.name));
  const others = offered.filter((a) => a !== primary && !inRecord.has(a.name));
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
    referral &&
    me &&
    ['officer', 'sergeant'].includes(me.role) &&
    (NOT_DIVERTED_OUTCOMES as readonly string[]).includes(status.outcome ?? '')
      ? h(
          'a',
          { href: `/refer?from=${encodeURIComponent(status.referralId)}`, id: 'social-contact-link' },
          'Refer as a social contact',
        )
      : null,
  ].filter(Boolean);
  const record = referral ? referralRecordView(referral, 'h2', labels) : null;
  const cmView = caseManagementView(body, 'h2', cmActions);
  const evaluation = evaluationSection(body, me, render);
  const ordered = CASE_MANAGEMENT_FIRST.has(role)
    ? [cmView, record, evaluation, officesView(status)]
    : [record, officesView(status), cmView, evaluation];
  replaceChildren(
    'case',
    h(
      'p',
      { class: 'case-line' },
      h('strong', {}, status.referralId),
      ` · ${typeLabel(status.type)} · `,
      h('span', { class: 'badge', id: 'stage', 'data-stage': status.stage }, stageLabel(status.stage)),
    ),
    referral ? h('p', { id: 'person' }, `${referral.person.givenName} ${referral.person.familyName}`) : null,
    summaryView(body, step, primary),
    ordered,
    others.length
      ? h(
          'section',
          { id: 'other-actions', 'aria-labelledby': 'actions-title' },
          h('h2', { id: 'actions-title' }, primary ? 'Other actions' : 'Actions'),
          actionGroup(others, status),
        )
      : null,
    links.length ? h('p', { class: 'actions', id: 'case-links' }, links) : null,
    deadlinesView(status),
    noticesView(status),
    timelineView(status, referral),
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
