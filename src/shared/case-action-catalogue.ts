import type { CaseActionName } from './case-action-names';
import { humanize } from './humanize';
import type { RuleId } from './rules';
import type { CaseView } from '../case/query-views';
import {
  ASSESSMENT_DOMAINS,
  IIP_GOALS,
  NEED_LEVELS,
  isTerminal,
  STAGES,
  type ExitReason,
  type ReferralType,
  type ScreenedOutReason,
  type Stage,
  type WithdrawalReason,
} from './case-vocabulary';

/**
 * How each action on a case is offered to people: its label, when it is open (the case's type and
 * stage, and any further condition on the case), the fields it asks for and what confirming it does.
 * The API offers each reader, with every case it answers, the actions their role may take on it now
 * (src/api/offered-actions.ts); the pages render what they are offered and keep no copy of this table.
 * The deciders (src/case/) remain the judges: an action offered here can still be refused.
 */
export interface ActionField {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'select' | 'datetime' | 'checkboxes' | 'boolean' | 'list';
  options?: Array<[string, string]>;
  required?: boolean;
  /** What the field starts with (an amendment starts from the version in force); never a decision's choice. */
  initial?: string | boolean;
}

/** Who is offered the action: their role, and a prosecutor's office (R-JURISDICTION). */
export interface CaseReader {
  role: string;
  office?: string;
  /** Whether the reader submitted the referral (a sergeant never reviews their own submission). */
  submitted?: boolean;
}

export interface ActionPresentation {
  label: string;
  stages?: Stage[];
  types?: ReferralType[];
  /** A further condition on the case, and on the reader (e.g. a filing decision their office still owes). */
  openWhen?: (view: CaseView, reader: CaseReader) => boolean;
  fields?: ActionField[];
  /** Initial values of fields, by name, from the case (what an amendment changes). */
  initialValues?: (view: CaseView) => Record<string, string | boolean>;
  danger?: boolean;
  /** What confirming does, said before it is confirmed; by the chosen decision where there is one. */
  consequence?: string | Record<string, string>;
  /** The rules behind it: the page's "why", never its label (labels and consequences are words only). */
  rules: RuleId[];
}

/** Besides the case actions: nominating the person for the next staffing meeting (R-STAFFING). */
export type OfferableActionName = CaseActionName | 'nominateForStaffing';

/** An action as a reader is offered it: everything the page needs to ask for it and send it. */
export interface OfferedAction {
  name: OfferableActionName;
  /** POST /api/cases/:caseId/<path> */
  path: string;
  label: string;
  fields: ActionField[];
  danger: boolean;
  consequence?: string | Record<string, string>;
  /** The rules behind the action, for the page's "why". */
  ruleIds: string[];
}

/** R-CONSENT: how a release was given and what it covers (as given, and as amended). */
const RELEASE_FIELDS: ActionField[] = [
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
];

const optionsOf = <C extends string>(labels: Record<C, string>): Array<[string, string]> => Object.entries(labels);
const EXIT_REASONS = optionsOf<ExitReason>({
  CONSENT_RESCINDED: 'Consent rescinded',
  NO_CLINICAL_BENEFIT: 'No clinical benefit',
  TRANSITIONED_OUT: 'Transitioned out (self-sufficient)',
  DECEASED: 'Deceased',
  MOVED_AWAY: 'Moved away',
});
const GOALS = IIP_GOALS.map((g): [string, string] => [g, humanize(g)]);
const decision = (approve: string, deny: string): ActionField => ({
  name: 'decision',
  label: 'Decision',
  type: 'select',
  options: [
    [approve, humanize(approve)],
    [deny, humanize(deny)],
  ],
  required: true,
});
/**
 * R-JURISDICTION: an office decides on its own charges — where the protocol gives it a decision
 * (R-SCREEN, R-MISSED, R-VICTIM) until it has made it, or outside them with a reason (R-PACKET) —
 * until some office files.
 */
const filingDecisionOpen = (view: CaseView, reader: CaseReader) => {
  if (view.filingDecisions.some((d) => d.decision === 'FILED')) return false;
  const office = reader.office ?? (view.prosecutorOffices.length === 1 ? view.prosecutorOffices[0] : undefined);
  if (!office || !view.prosecutorOffices.includes(office)) return false;
  return view.filingDecisionOpenUnder ? view.filingDecisionsOwedBy.includes(office) : true;
};
const packetReviewOpen = (view: CaseView, reader: CaseReader) =>
  Boolean(reader.office) && !view.packetReviews.some((r) => r.office === reader.office);
const SCREENED_OUT_REASONS = optionsOf<ScreenedOutReason>({
  NOT_AMENABLE: 'Not amenable to diversion',
  SAFETY_RISK: 'A risk to victim or community safety',
  NEEDS_A_HIGHER_LEVEL_OF_CARE: 'Needs a higher level of care than LEAD gives',
  NO_BEHAVIORAL_HEALTH_OR_POVERTY_NEED: 'No behavioral health, drug or poverty need',
  OTHER: 'Other (say which in the note)',
});
const WITHDRAWAL_REASONS = optionsOf<WithdrawalReason>({
  NO_PROGRESS_WITH_SERVICE: 'No progress with this service',
  NOT_USING_SERVICE: 'Not using the service',
  SERVICE_NO_LONGER_NEEDED: 'No longer needed',
  PARTICIPANT_DECLINED_SERVICE: 'The participant declined it',
  PROVIDER_NO_LONGER_AVAILABLE: 'The provider is no longer available',
});
const OPEN_STAGES: Stage[] = STAGES.filter((stage) => !isTerminal(stage));

/** In the order the page shows them. */
export const ACTION_CATALOGUE: Record<OfferableActionName, ActionPresentation> = {
  recordScreening: {
    rules: ['R-SCREEN', 'R-INTAKE'],
    label: 'Record screening',
    stages: ['AWAITING_SCREENING'],
    fields: [{ name: 'intakeScheduledFor', label: 'Intake booked for', type: 'datetime' }],
  },
  recordLeftBeforeScreening: {
    rules: ['R-SCREEN'],
    label: 'Left before screening',
    stages: ['AWAITING_SCREENING'],
    types: ['ARREST_DIVERSION'],
    fields: [{ name: 'note', label: 'Note', type: 'textarea' }],
    danger: true,
    consequence:
      "The referring agency's sergeants and the prosecutor with jurisdiction are told; the prosecutor then decides whether to file the original charge.",
  },
  recordScreenedOut: {
    rules: ['R-SCREEN'],
    label: 'Screening: not appropriate',
    stages: ['AWAITING_SCREENING'],
    types: ['ARREST_DIVERSION'],
    fields: [
      { name: 'reason', label: 'Why', type: 'select', options: SCREENED_OUT_REASONS, required: true },
      { name: 'note', label: 'Note (case-management record)', type: 'textarea' },
    ],
    danger: true,
    consequence:
      "The referring agency's sergeants and every prosecutor office with jurisdiction are told, as for a person who left before screening; each office then decides whether to file.",
  },
  // R-CONSENT: a first release, or (Decision 2026-12-02) a new one after a rescission before enrollment.
  recordConsent: {
    rules: ['R-CONSENT'],
    label: 'Record consent',
    stages: ['AWAITING_INTAKE'],
    openWhen: (view) => view.consent.status !== 'GIVEN',
    fields: RELEASE_FIELDS,
  },
  // R-CONSENT (Decision 2026-12-02): a new version of the release in force, never an exit.
  amendRelease: {
    rules: ['R-CONSENT', 'R-ROI'],
    label: 'Amend the release',
    stages: ['AWAITING_INTAKE', 'ENROLLED'],
    openWhen: (view) => view.consent.status === 'GIVEN',
    fields: [...RELEASE_FIELDS, { name: 'note', label: 'Note (why it changed)', type: 'textarea' }],
    initialValues: (view) => ({
      'covers.staffing': view.consent.covers?.staffing ?? false,
      'covers.providers': (view.consent.covers?.providers ?? []).join('\n'),
    }),
    consequence:
      'The amended release replaces the version in force at once and every read from now on follows it; without staffing coverage the LEAD partners see the status only.',
  },
  scheduleIntake: {
    rules: ['R-INTAKE'],
    label: 'Book or move the intake',
    stages: ['AWAITING_INTAKE'],
    openWhen: (view) => !view.intakeCompletedAt,
    fields: [{ name: 'intakeScheduledFor', label: 'Intake booked for', type: 'datetime', required: true }],
  },
  // R-CONSENT: intake is recorded after the release of information (both may be in the same visit).
  recordIntake: {
    rules: ['R-INTAKE', 'R-CONSENT', 'R-ENROLL'],
    label: 'Record intake',
    stages: ['AWAITING_INTAKE'],
    // R-CONSENT (Decision 2026-12-02): refused unless the release covers staffing; the refusal says so.
    openWhen: (view) => view.consent.status === 'GIVEN',
    // R-INTAKE (Decision 2026-12-02): the seed's assessment, as structured answers.
    fields: [
      {
        name: 'assessment.causeOfLawViolations',
        label: 'The immediate cause of the law violations',
        type: 'textarea',
        required: true,
      },
      ...ASSESSMENT_DOMAINS.map((domain): ActionField => ({
        name: `assessment.${domain}`,
        label: `Need: ${humanize(domain.replace(/([A-Z])/g, '_$1').toUpperCase())}`,
        type: 'select',
        options: NEED_LEVELS.map((l): [string, string] => [l, humanize(l)]),
        required: true,
      })),
    ],
  },
  recordIipGoals: {
    rules: ['R-IIP'],
    label: 'Record IIP goals',
    stages: ['ENROLLED'],
    fields: [
      { name: 'goals', label: 'Goals the participant chose', type: 'checkboxes', options: GOALS, required: true },
    ],
  },
  recordService: {
    rules: ['R-IIP', 'R-CONSENT'],
    label: 'Record a service',
    stages: ['ENROLLED'],
    fields: [
      { name: 'service', label: 'Service delivered', type: 'text', required: true },
      { name: 'provider', label: 'Treatment provider consulted (must be named by the release)', type: 'text' },
      { name: 'note', label: 'Note', type: 'textarea' },
    ],
  },
  withdrawService: {
    rules: ['R-SERVICE-WITHDRAW'],
    label: 'Withdraw a service',
    stages: ['ENROLLED'],
    fields: [
      { name: 'service', label: 'Service', type: 'text', required: true },
      { name: 'reasonCode', label: 'Why (not an exit)', type: 'select', options: WITHDRAWAL_REASONS, required: true },
      { name: 'note', label: 'Note', type: 'textarea' },
    ],
    consequence: 'The service stops; the person stays a participant — this is not an exit.',
  },
  reinstateService: {
    rules: ['R-SERVICE-WITHDRAW'],
    label: 'Reinstate a service',
    stages: ['ENROLLED'],
    openWhen: (view) => view.servicesWithdrawn.some((w) => !w.reinstatedAt),
    fields: [
      { name: 'service', label: 'The withdrawn service', type: 'text', required: true },
      { name: 'note', label: 'Note', type: 'textarea' },
    ],
    consequence: 'The service is offered again.',
  },
  recordCaseNote: {
    rules: ['R-ROI'],
    label: 'Add a case note',
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
  rescindConsent: {
    rules: ['R-CONSENT', 'R-EXIT'],
    label: 'Consent rescinded',
    stages: ['AWAITING_INTAKE', 'ENROLLED'],
    openWhen: (view) => view.consent.status === 'GIVEN',
    danger: true,
    consequence:
      'The release ends at once: from now on partners see the status only. After enrollment this is an exit — the person is no longer a participant.',
  },
  recordExit: {
    rules: ['R-EXIT'],
    label: 'Record exit',
    stages: ['ENROLLED'],
    fields: [
      { name: 'reason', label: 'Reason', type: 'select', options: EXIT_REASONS, required: true },
      { name: 'note', label: 'Note', type: 'textarea' },
    ],
    danger: true,
    consequence: 'The participant leaves LEAD and the project manager is told. This cannot be undone.',
  },
  recordContact: {
    rules: ['R-SC-CONTACT'],
    label: 'Record contact',
    stages: ['AWAITING_CONTACT'],
    fields: [{ name: 'willing', label: 'Found and willing to meet case management', type: 'boolean' }],
  },
  reportReturnToScene: {
    rules: ['R-SCENE'],
    label: 'Report return to scene',
    types: ['ARREST_DIVERSION'],
    stages: OPEN_STAGES,
    fields: [{ name: 'observedAt', label: 'Seen at', type: 'datetime' }],
  },
  extendIntakeDeadline: {
    rules: ['R-INTAKE'],
    label: 'Extend intake deadline',
    stages: ['AWAITING_SCREENING', 'AWAITING_INTAKE'],
    types: ['ARREST_DIVERSION'],
    fields: [
      { name: 'newDueAt', label: 'New deadline', type: 'datetime', required: true },
      { name: 'reason', label: 'Why', type: 'textarea', required: true },
    ],
  },
  decideNciReferral: {
    rules: ['R-EL-WARRANT'],
    label: 'Record the NCI decision',
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
        'The diversion proceeds: case management is called and every clock (scene, victim window, intake deadline) starts now.',
      DECLINE: 'The person is booked, not diverted; the case closes and the sergeants are told.',
    },
  },
  decideOverride: {
    rules: ['R-EL-OVERRIDE'],
    label: 'Decide override',
    stages: ['OVERRIDE_REQUESTED'],
    openWhen: (_view, reader) => !reader.submitted,
    fields: [decision('APPROVE', 'DENY'), { name: 'reason', label: 'Reason', type: 'textarea', required: true }],
    consequence: {
      APPROVE: 'Case management is called and the diversion starts; the intake deadline runs.',
      DENY: 'The case closes: the person stays booked and is not diverted.',
    },
  },
  decideApproval: {
    rules: ['R-SC-APPROVAL', 'R-SC-PDA'],
    label: 'Approve or deny',
    stages: ['AWAITING_APPROVAL'],
    openWhen: (_view, reader) => !reader.submitted,
    fields: [decision('APPROVE', 'DENY'), { name: 'reason', label: 'Reason (required to deny)', type: 'textarea' }],
    consequence: {
      APPROVE:
        'The person is taken on as capacity allows, then found and offered case management; the project manager is told.',
      DENY: 'The referral closes; the project manager is told.',
    },
  },
  decideReassessment: {
    rules: ['R-SC-REASSESS', 'R-SC-PDA'],
    label: 'Re-assess',
    types: ['SOCIAL_CONTACT'],
    stages: OPEN_STAGES,
    openWhen: (view) => view.reassessmentDue,
    fields: [decision('RENEW', 'CLOSE'), { name: 'reason', label: 'Reason', type: 'textarea', required: true }],
    consequence: {
      RENEW: 'The approval is good for another six months.',
      CLOSE: 'The referral closes; the project manager is told.',
    },
  },
  recordVictimObjection: {
    rules: ['R-VICTIM'],
    label: 'Record victim objection',
    types: ['ARREST_DIVERSION'],
    stages: OPEN_STAGES,
    openWhen: (view) =>
      view.victimCrime &&
      !view.victimObjectionAt &&
      view.deadlines.some((d) => d.ruleId === 'R-VICTIM' && d.status === 'OPEN'),
    fields: [{ name: 'note', label: 'Note', type: 'textarea' }],
    consequence: 'The objection opens your decision whether to file the original charge.',
  },
  recordFilingDecision: {
    rules: ['R-JURISDICTION', 'R-SCREEN', 'R-MISSED', 'R-VICTIM', 'R-PACKET'],
    label: 'Record filing decision',
    types: ['ARREST_DIVERSION'],
    stages: OPEN_STAGES,
    openWhen: filingDecisionOpen,
    fields: [
      {
        name: 'decision',
        label: "Your office's decision",
        type: 'select',
        options: [
          ['FILED', 'Charges filed'],
          ['DECLINED', 'Charges declined'],
        ],
        required: true,
      },
      {
        name: 'reason',
        label: 'Reason (required outside a missed intake, a screening or a victim objection)',
        type: 'textarea',
      },
      {
        name: 'confirmOutsideProtocol',
        label:
          'I decide outside a missed intake, a screening or a victim objection; the case manager and the sergeant are told',
        type: 'boolean',
      },
    ],
    danger: true,
    consequence: {
      FILED:
        "Your office files its charges: the diversion ends and the person is not diverted; the sergeants and case management are told. After a victim's objection a participant continues as a social contact instead.",
      DECLINED:
        'Your office files nothing. The case closes as charges declined only when every office owed a decision has declined; the other offices still decide on their own charges.',
    },
  },
  recordPacketReview: {
    rules: ['R-PACKET'],
    label: 'Review the diversion packet',
    types: ['ARREST_DIVERSION'],
    stages: OPEN_STAGES,
    openWhen: packetReviewOpen,
    fields: [
      {
        name: 'outcome',
        label: 'The referral',
        type: 'select',
        options: [
          ['MEETS_CRITERIA', 'Meets the criteria'],
          ['DOES_NOT_MEET_CRITERIA', 'Does not meet the criteria'],
        ],
        required: true,
      },
      { name: 'criterion', label: 'Which criterion it does not meet', type: 'text' },
      { name: 'note', label: 'Note', type: 'textarea' },
    ],
    consequence: {
      MEETS_CRITERIA: "Your office's review is recorded on the case.",
      DOES_NOT_MEET_CRITERIA:
        "Your office's review is recorded and the referring agency's sergeants are told. Filing stays a separate decision.",
    },
  },
  nominateForStaffing: {
    rules: ['R-STAFFING'],
    label: 'Nominate for staffing',
    stages: OPEN_STAGES,
    fields: [
      {
        name: 'reason',
        label: 'Briefly, why the partners should discuss this person',
        type: 'textarea',
        required: true,
      },
    ],
  },
};
