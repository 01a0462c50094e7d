import { api, errorMessage } from './api';
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

type Field = {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'select' | 'datetime' | 'checkboxes' | 'boolean' | 'list';
  options?: Array<[string, string]>;
  required?: boolean;
};
interface ActionSpec {
  path: string;
  label: string;
  roles: SessionUser['role'][];
  stages?: string[];
  types?: string[];
  /** A further condition on the case as this reader sees it (e.g. a filing decision only where the protocol gives one). */
  when?: (status: any, body: any) => boolean;
  fields?: Field[];
  danger?: boolean;
  /** What confirming does, said before it is confirmed; by the chosen decision where there is one. */
  consequence?: string | Record<string, string>;
}

const EXIT_REASONS: Array<[string, string]> = [
  ['CONSENT_RESCINDED', 'Consent rescinded'],
  ['NO_CLINICAL_BENEFIT', 'No clinical benefit'],
  ['TRANSITIONED_OUT', 'Transitioned out (self-sufficient)'],
  ['DECEASED', 'Deceased'],
  ['MOVED_AWAY', 'Moved away'],
];
const GOALS = [
  'HOUSING',
  'TREATMENT',
  'EDUCATION',
  'JOB_TRAINING',
  'JOB_PLACEMENT',
  'LICENSING',
  'SMALL_BUSINESS',
  'CHILD_CARE',
  'BENEFITS',
  'OTHER',
].map((g): [string, string] => [g, humanize(g)]);
const decision = (approve: string, deny: string): Field => ({
  name: 'decision',
  label: 'Decision',
  type: 'select',
  options: [
    [approve, humanize(approve)],
    [deny, humanize(deny)],
  ],
  required: true,
});
/** R-SCREEN, R-MISSED, R-VICTIM: the prosecutor decides on filing only after one of these. */
const filingDecisionOpen = (status: any) =>
  ['LEFT_BEFORE_SCREENING', 'INTAKE_MISSED'].includes(status.stage) || Boolean(status.victimObjectedAt);
const WITHDRAWAL_REASONS: Array<[string, string]> = [
  ['NO_PROGRESS_WITH_SERVICE', 'No progress with this service'],
  ['NOT_USING_SERVICE', 'Not using the service'],
  ['SERVICE_NO_LONGER_NEEDED', 'No longer needed'],
  ['PARTICIPANT_DECLINED_SERVICE', 'The participant declined it'],
  ['PROVIDER_NO_LONGER_AVAILABLE', 'The provider is no longer available'],
];
const OPEN_STAGES = [
  'OVERRIDE_REQUESTED',
  'AWAITING_NCI_DECISION',
  'AWAITING_APPROVAL',
  'WAITING_FOR_CAPACITY',
  'AWAITING_CONTACT',
  'AWAITING_SCREENING',
  'AWAITING_INTAKE',
  'ENROLLED',
  'LEFT_BEFORE_SCREENING',
  'INTAKE_MISSED',
];

const ACTIONS: ActionSpec[] = [
  {
    path: 'screening',
    label: 'Record screening',
    roles: ['case_manager'],
    stages: ['AWAITING_SCREENING'],
    fields: [{ name: 'intakeScheduledFor', label: 'Intake booked for', type: 'datetime' }],
  },
  {
    path: 'left-before-screening',
    label: 'Left before screening',
    roles: ['case_manager'],
    stages: ['AWAITING_SCREENING'],
    types: ['ARREST_DIVERSION'],
    fields: [{ name: 'note', label: 'Note', type: 'textarea' }],
    danger: true,
    consequence:
      "The referring agency's sergeants and the prosecutor with jurisdiction are told; the prosecutor then decides whether to file the original charge (R-SCREEN).",
  },
  {
    path: 'consent',
    label: 'Record consent',
    roles: ['case_manager'],
    stages: ['AWAITING_INTAKE'],
    fields: [
      {
        name: 'method',
        label: 'How',
        type: 'select',
        options: [
          ['WRITTEN', 'Signed release of information'],
          ['VERBAL_MEMORIALIZED', 'Verbal, memorialized by the agency'],
        ],
        required: true,
      },
      { name: 'memorializedBy', label: 'Memorialized by (for verbal consent)', type: 'text' },
      {
        name: 'covers.staffing',
        label: 'The release covers staffing with the LEAD partners (they then see a progress summary)',
        type: 'boolean',
      },
      { name: 'covers.providers', label: 'Treatment providers the release names (one per line)', type: 'list' },
    ],
  },
  { path: 'intake', label: 'Record intake', roles: ['case_manager'], stages: ['AWAITING_INTAKE'] },
  {
    path: 'iip',
    label: 'Record IIP goals',
    roles: ['case_manager'],
    stages: ['ENROLLED'],
    fields: [
      { name: 'goals', label: 'Goals the participant chose', type: 'checkboxes', options: GOALS, required: true },
    ],
  },
  {
    path: 'services',
    label: 'Record a service',
    roles: ['case_manager'],
    stages: ['ENROLLED'],
    fields: [
      { name: 'service', label: 'Service delivered', type: 'text', required: true },
      { name: 'provider', label: 'Treatment provider consulted (must be named by the release)', type: 'text' },
      { name: 'note', label: 'Note', type: 'textarea' },
    ],
  },
  {
    path: 'service-withdrawals',
    label: 'Withdraw a service',
    roles: ['case_manager'],
    stages: ['ENROLLED'],
    fields: [
      { name: 'service', label: 'Service', type: 'text', required: true },
      { name: 'reasonCode', label: 'Why (not an exit)', type: 'select', options: WITHDRAWAL_REASONS, required: true },
      { name: 'note', label: 'Note', type: 'textarea' },
    ],
    consequence: 'The service stops; the person stays a participant (R-SERVICE-WITHDRAW: this is not an exit).',
  },
  {
    path: 'service-reinstatements',
    label: 'Reinstate a service',
    roles: ['case_manager'],
    stages: ['ENROLLED'],
    when: (_status: any, body: any) => (body.caseManagement?.servicesWithdrawn ?? []).some((w: any) => !w.reinstatedAt),
    fields: [
      { name: 'service', label: 'The withdrawn service', type: 'text', required: true },
      { name: 'note', label: 'Note', type: 'textarea' },
    ],
    consequence: 'The service is offered again (R-SERVICE-WITHDRAW).',
  },
  {
    path: 'notes',
    label: 'Add a case note',
    roles: ['case_manager'],
    stages: OPEN_STAGES,
    fields: [
      {
        name: 'note',
        label: 'Note (case-management record: never shown to partners)',
        type: 'textarea',
        required: true,
      },
    ],
  },
  {
    path: 'consent/rescind',
    label: 'Consent rescinded',
    roles: ['case_manager'],
    stages: ['AWAITING_INTAKE', 'ENROLLED'],
    danger: true,
    consequence:
      'The release ends at once: from now on partners see the status only. After enrollment this is an exit — the person is no longer a participant (R-CONSENT, R-EXIT).',
  },
  {
    path: 'exit',
    label: 'Record exit',
    roles: ['case_manager'],
    stages: ['ENROLLED'],
    fields: [
      { name: 'reason', label: 'Reason', type: 'select', options: EXIT_REASONS, required: true },
      { name: 'note', label: 'Note', type: 'textarea' },
    ],
    danger: true,
    consequence: 'The participant leaves LEAD and the project manager is told (R-EXIT). This cannot be undone.',
  },
  {
    path: 'contacts',
    label: 'Record contact',
    roles: ['officer', 'sergeant', 'case_manager'],
    stages: ['AWAITING_CONTACT'],
    fields: [{ name: 'willing', label: 'Found and willing to meet case management', type: 'boolean' }],
  },
  {
    path: 'returns-to-scene',
    label: 'Report return to scene',
    roles: ['officer', 'sergeant'],
    types: ['ARREST_DIVERSION'],
    stages: OPEN_STAGES,
    fields: [{ name: 'observedAt', label: 'Seen at', type: 'datetime' }],
  },
  {
    path: 'intake-deadline/extensions',
    label: 'Extend intake deadline',
    roles: ['officer', 'sergeant'],
    stages: ['AWAITING_SCREENING', 'AWAITING_INTAKE'],
    types: ['ARREST_DIVERSION'],
    fields: [
      { name: 'newDueAt', label: 'New deadline', type: 'datetime', required: true },
      { name: 'reason', label: 'Why', type: 'textarea', required: true },
    ],
  },
  {
    path: 'nci-decision',
    label: 'Record the NCI decision',
    roles: ['doc_nci', 'sergeant'],
    stages: ['AWAITING_NCI_DECISION'],
    fields: [
      {
        name: 'decision',
        label: 'Decision',
        type: 'select',
        options: [
          ['REFER', 'Refer to LEAD'],
          ['DECLINE', 'Decline: book the person'],
        ],
        required: true,
      },
      { name: 'reason', label: 'Reason', type: 'textarea' },
      { name: 'onWordOf', label: 'On the word of (NCI officer, when a sergeant records it)', type: 'text' },
    ],
    consequence: {
      REFER:
        'The diversion proceeds: case management is called and every clock (scene, victim window, intake deadline) starts now (R-EL-WARRANT).',
      DECLINE: 'The person is booked, not diverted; the case closes and the sergeants are told (R-EL-WARRANT).',
    },
  },
  {
    path: 'override-decision',
    label: 'Decide override',
    roles: ['sergeant'],
    stages: ['OVERRIDE_REQUESTED'],
    fields: [decision('APPROVE', 'DENY'), { name: 'reason', label: 'Reason', type: 'textarea', required: true }],
    consequence: {
      APPROVE: 'Case management is called and the diversion starts; the intake deadline runs (R-EL-OVERRIDE).',
      DENY: 'The case closes: the person stays booked and is not diverted (R-EL-OVERRIDE).',
    },
  },
  {
    path: 'approval-decision',
    label: 'Approve or deny',
    roles: ['sergeant'],
    stages: ['AWAITING_APPROVAL'],
    fields: [decision('APPROVE', 'DENY'), { name: 'reason', label: 'Reason (required to deny)', type: 'textarea' }],
    consequence: {
      APPROVE:
        'The person is taken on as capacity allows, then found and offered case management; the project manager is told (R-SC-APPROVAL, R-SC-PDA).',
      DENY: 'The referral closes; the project manager is told (R-SC-APPROVAL, R-SC-PDA).',
    },
  },
  {
    path: 'reassessment-decision',
    label: 'Re-assess',
    roles: ['sergeant'],
    types: ['SOCIAL_CONTACT'],
    stages: OPEN_STAGES,
    when: (status) => status.reassessmentDue,
    fields: [decision('RENEW', 'CLOSE'), { name: 'reason', label: 'Reason', type: 'textarea', required: true }],
    consequence: {
      RENEW: 'The approval is good for another six months (R-SC-REASSESS).',
      CLOSE: 'The referral closes; the project manager is told (R-SC-REASSESS, R-SC-PDA).',
    },
  },
  {
    path: 'victim-objection',
    label: 'Record victim objection',
    roles: ['prosecutor'],
    types: ['ARREST_DIVERSION'],
    stages: OPEN_STAGES,
    when: (status) =>
      status.victimCrime &&
      !status.victimObjectedAt &&
      status.deadlines.some((d: any) => d.ruleId === 'R-VICTIM' && d.status === 'OPEN'),
    fields: [{ name: 'note', label: 'Note', type: 'textarea' }],
    consequence: 'The objection opens your decision whether to file the original charge (R-VICTIM).',
  },
  {
    path: 'filing-decision',
    label: 'Record filing decision',
    roles: ['prosecutor'],
    types: ['ARREST_DIVERSION'],
    stages: OPEN_STAGES,
    when: filingDecisionOpen,
    fields: [
      {
        name: 'decision',
        label: 'Decision',
        type: 'select',
        options: [
          ['FILED', 'Charges filed'],
          ['DECLINED', 'Charges declined'],
        ],
        required: true,
      },
    ],
    danger: true,
    consequence: {
      FILED:
        "Charges are filed: the diversion ends and the person is prosecuted on the original charge; the sergeants and case management are told. After a victim's objection an enrolled participant continues as a social contact instead (R-VICTIM).",
      DECLINED:
        'No charge is filed. After a missed intake or a person who left before screening the case closes, and the sergeants and case management are told (R-MISSED, R-SCREEN).',
    },
  },
  {
    path: 'staffing-nominations',
    label: 'Nominate for staffing',
    roles: ['officer', 'sergeant', 'case_manager', 'prosecutor', 'project_manager', 'supervisor'],
    stages: OPEN_STAGES,
    fields: [
      {
        name: 'reason',
        label: 'Briefly, why the partners should discuss this person (R-STAFFING)',
        type: 'textarea',
        required: true,
      },
    ],
  },
];

function fieldControl(action: ActionSpec, f: Field): HTMLElement {
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
      h('input', { type: 'checkbox', id, name: f.name, 'data-bool': true }),
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
        ? h('textarea', { id, name: f.name, rows: '2', required: f.required })
        : h('input', {
            id,
            name: f.name,
            type: f.type === 'datetime' ? 'datetime-local' : 'text',
            required: f.required,
          });
  return h('div', {}, h('label', { for: id }, f.label), control);
}

/** Sets `a.b` in a body object (nested fields such as covers.staffing). */
function setPath(body: Record<string, unknown>, name: string, value: unknown): void {
  const [head, ...rest] = name.split('.');
  if (rest.length === 0) body[head] = value;
  else setPath((body[head] ??= {}) as Record<string, unknown>, rest.join('.'), value);
}

function readAction(form: HTMLFormElement, action: ActionSpec): Record<string, unknown> {
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
  const role = me?.role;
  if (!role) return null;
  const allowed = ACTIONS.filter(
    (a) =>
      a.roles.includes(role) &&
      (!a.types || a.types.includes(status.type)) &&
      (!a.stages || a.stages.includes(status.stage)) &&
      (!a.when || a.when(status, body)),
  );
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
                const message = h('p', { class: 'panel bad', role: 'alert', id: 'action-error' }, errorMessage(res));
                form.querySelector('#action-error')?.remove();
                form.prepend(message);
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
        ? `Release of information ${r.inForce ? 'in force' : `rescinded ${when(r.rescindedAt)}`}: ${humanize(r.method ?? '')}${r.memorializedBy ? ` (memorialized by ${r.memorializedBy})` : ''}; ${r.coversStaffing ? 'covers staffing with the partners' : 'does not cover staffing'}${r.providers.length ? `; providers: ${r.providers.join(', ')}` : ''}.`
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
    me && ['case_manager', 'supervisor'].includes(me.role)
      ? h(
          'a',
          { href: `/cases/${encodeURIComponent(status.referralId)}/disclosures`, id: 'disclosures-link' },
          "Disclosures of this person's information",
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
