import type { StuckReason } from '../../case/case-state';
import type { NoticeKind } from '../../case/notices';
import type { DeadlineStatus } from '../../case/query-views';
import type { Outcome, ReferralType, Stage } from '../../shared/case-vocabulary';
import { humanize } from '../../shared/humanize';
import type { Role } from '../../shared/roles';
import { RULES, type RuleId } from '../../shared/rules';
/* Codes as words. */

/** A sentence starts with a capital. */
export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Where a case stands, as a badge says it. */
export const STAGE_LABELS: Record<Stage, string> = {
  OVERRIDE_REQUESTED: "Waiting for the sergeant's override decision",
  AWAITING_NCI_DECISION: 'Waiting for the DOC NCI team',
  AWAITING_APPROVAL: "Waiting for a sergeant's approval",
  WAITING_FOR_CAPACITY: 'Approved, waiting for a place',
  AWAITING_CONTACT: 'Approved, the person to be found',
  AWAITING_SCREENING: 'Waiting for screening',
  AWAITING_INTAKE: 'Screened, waiting for intake',
  ENROLLED: 'Enrolled in LEAD',
  LEFT_BEFORE_SCREENING: 'Left before screening',
  SCREENED_OUT: 'Screened out: not appropriate',
  INTAKE_MISSED: 'Intake deadline missed',
  HANDED_OFF: 'Continued as a social contact',
  EXITED: 'Left LEAD (exited)',
  CLOSED: 'Closed',
  DENIED: 'Denied',
  REFUSED: 'Refused at submission',
};
export const stageLabel = (stage: string): string => STAGE_LABELS[stage as Stage] ?? humanize(stage);

export const TYPE_LABELS: Record<ReferralType, string> = {
  ARREST_DIVERSION: 'Arrest diversion',
  SOCIAL_CONTACT: 'Social contact',
};
export const typeLabel = (type: string): string => TYPE_LABELS[type as ReferralType] ?? humanize(type);

/** What each role is called in a sentence ("a sergeant"). */
export const ROLE_NAMES: Record<Role | 'system', string> = {
  officer: 'officer',
  sergeant: 'sergeant',
  case_manager: 'case manager',
  prosecutor: 'prosecutor',
  project_manager: 'project manager',
  supervisor: 'supervisor',
  doc_nci: 'DOC NCI officer',
  evaluator: 'evaluator',
  system: 'the service',
};
export const roleName = (role: string): string => ROLE_NAMES[role as Role] ?? humanize(role).toLowerCase();
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
/** "a sergeant", "an officer", "the service". */
export const aRole = (role: string): string =>
  role === 'system' ? 'the service' : `${article(roleName(role))} ${roleName(role)}`;

export const OUTCOME_LABELS: Record<Outcome, string> = {
  EXITED: 'exited',
  HANDED_OFF_TO_SOCIAL_CONTACT: 'continued as a social contact',
  CHARGES_FILED: 'charges filed',
  CHARGES_DECLINED: 'charges declined',
  OVERRIDE_DENIED: 'override denied: booked, not diverted',
  APPROVAL_DENIED: 'approval denied',
  CLOSED_AT_REASSESSMENT: 'closed at re-assessment',
  NCI_DECLINED: 'declined by the DOC NCI team: booked, not diverted',
  REFUSED_AT_SUBMISSION: 'refused at submission',
};
export const outcomeLabel = (outcome: string): string =>
  OUTCOME_LABELS[outcome as Outcome] ?? humanize(outcome).toLowerCase();

export const STUCK_LABELS: Record<StuckReason, string> = {
  SCREENING_OVERDUE: 'Screening not recorded in time',
  MISSED_NOTICE_UNCONFIRMED: "The prosecutor's missed-intake notice is not confirmed sent",
  APPROVAL_OVERDUE: "A sergeant's approval is overdue",
  REASSESSMENT_DUE: 'Re-assessment due',
  OVERRIDE_OVERDUE: "The sergeant's override decision is overdue",
  NCI_DECISION_OVERDUE: "The DOC NCI team's decision is overdue",
  VICTIM_FILING_DECISION_OVERDUE: "The prosecutors' decision after the victim's objection is overdue",
};
export const stuckLabel = (reason: string): string => STUCK_LABELS[reason as StuckReason] ?? humanize(reason);

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  OPEN: 'open',
  MET: 'done',
  MISSED: 'missed',
  ENDED: 'ended',
  OVERDUE: 'overdue',
  CANCELLED: 'no longer applies',
};
export const deadlineStatusLabel = (status: string): string =>
  DEADLINE_STATUS_LABELS[status as DeadlineStatus] ?? humanize(status).toLowerCase();

/** A deadline as people say it, by its rule (and, for the two clocks of R-VICTIM, its name). */
export function deadlineLabel(d: { ruleId: string; name: string }): string {
  switch (d.ruleId) {
    case 'R-EL-OVERRIDE':
      return "The sergeant's override decision";
    case 'R-EL-WARRANT':
      return "The DOC NCI team's decision";
    case 'R-SC-APPROVAL':
      return "A sergeant's approval";
    case 'R-SC-REASSESS':
      return 'The approval runs out (re-assessment)';
    case 'R-SCREEN':
      return 'Screening';
    case 'R-SCENE':
      return 'No return to the scene until';
    case 'R-VICTIM':
      return /filing/.test(d.name)
        ? "The prosecutors' filing decision after the objection"
        : "The victim's time to object";
    case 'R-INTAKE':
      return 'Intake and consent complete';
    case 'R-MISSED':
      return "The prosecutor's missed-intake notice sent";
    default:
      return d.name.charAt(0).toUpperCase() + d.name.slice(1);
  }
}

/** What a notice is about (its e-mail's title), by kind. */
export const NOTICE_TITLES: Record<NoticeKind, string> = {
  CASE_MANAGEMENT_CALLED: 'New arrest diversion: on-call case management requested',
  DIVERSION_PACKET: 'Diversion packet ready for review',
  LEFT_BEFORE_SCREENING: 'Person left before the initial screening',
  RETURN_TO_SCENE: 'Return to the scene inside the exclusion window',
  INTAKE_MISSED: 'Intake deadline missed',
  PARTICIPANT_EXITED: 'Participant exited LEAD',
  OVERRIDE_REQUESTED: 'Override requested for a booked, ineligible person',
  APPROVAL_REQUESTED: 'Social-contact referral awaiting your approval',
  APPROVAL_REMINDER: 'Reminder: social-contact referral unreviewed for 7 days',
  SOCIAL_CONTACT_REFERRED: 'New social-contact referral',
  SOCIAL_CONTACT_APPROVED: 'Social-contact referral approved',
  SOCIAL_CONTACT_DENIED: 'Social-contact referral denied',
  SOCIAL_CONTACT_ENROLLED: 'Social-contact referral enrolled',
  SOCIAL_CONTACT_CLOSED: 'Social-contact referral closed',
  REASSESSMENT_DUE: 'Social-contact approval due for re-assessment',
  SCREENING_REMINDER: 'Reminder: initial screening not recorded 4 hours after the call',
  CLOSED_BY_FILING_DECISION: "Diversion closed by the prosecutor's filing decision",
  NCI_REVIEW_REQUESTED: 'DOC warrant or violation: the NCI team decides whether to refer to LEAD',
  NCI_REVIEW_REMINDER: 'Reminder: DOC NCI decision not recorded 24 hours after the referral',
  NCI_DECLINED: 'DOC NCI team declined: the person is booked, not diverted',
  OVERRIDE_REMINDER: 'Reminder: override request unreviewed for 24 hours',
  SOCIAL_CONTACT_REFUSED: 'Social-contact candidate refused at submission',
  SOCIAL_CONTACT_HANDED_OFF: 'Social contact continuing a handed-off arrest diversion',
  SCREENED_OUT: 'The initial screening found the person not appropriate for LEAD',
  FILING_DECISION_DUE: "A victim objected: your office's filing decision is due",
  FILING_DECISION_REMINDER: "Reminder: your office's filing decision after a victim objection is overdue",
  FILED_OUTSIDE_PROTOCOL: 'A prosecutor decided on filing outside a missed intake, a screening or a victim objection',
  PACKET_DOES_NOT_MEET_CRITERIA: 'The prosecutor found the referral does not meet the diversion criteria',
  PARTICIPANT_ARRESTED:
    'A participant was arrested, booked, charged or referred again: coordinate with the service plan',
};
export const noticeLabel = (kind: string): string => NOTICE_TITLES[kind as NoticeKind] ?? humanize(kind);

/** Who a notice went to, in words ("the sergeants of Burien Police Department"). */
export function recipientLabel(
  recipient: { role: string; agency?: string; office?: string },
  names: { agencies?: Record<string, { name: string }>; offices?: Record<string, { name: string }> } = {},
): string {
  switch (recipient.role) {
    case 'case_manager':
      return 'on-call case management';
    case 'project_manager':
      return 'the project manager (PDA)';
    case 'doc_nci':
      return 'the DOC NCI team';
    case 'sergeant':
      return `the sergeants of ${(recipient.agency && names.agencies?.[recipient.agency]?.name) ?? 'the agency'}`;
    case 'prosecutor':
      return (recipient.office && names.offices?.[recipient.office]?.name) ?? recipient.office ?? 'the prosecutor';
    default:
      return aRole(recipient.role);
  }
}

/** Each rule in a few words, where a sentence names one ("outside a screening …"); its full text is RULES. */
export const RULE_TITLES: Record<RuleId, string> = {
  'R-CALL': 'the call to case management',
  'R-PACKET': 'the diversion packet',
  'R-SCREEN': 'the screening',
  'R-SCENE': 'the scene exclusion',
  'R-VICTIM': "a victim's objection",
  'R-INTAKE': 'the intake deadline',
  'R-CONSENT': 'consent (the release of information)',
  'R-ENROLL': 'enrollment',
  'R-MISSED': 'a missed intake',
  'R-EXIT': 'exits',
  'R-JURISDICTION': 'jurisdiction',
  'R-ROI': 'who may see what',
  'R-DISCLOSE': 'the accounting of disclosures',
  'R-STAFFING': 'staffing',
  'R-EL-OFFENSE': 'the eligible offenses',
  'R-EL-NORIGHT': "the officer's decision",
  'R-EL-ADULT': 'adults only',
  'R-EL-MEDICAL': 'medical care first',
  'R-EL-CONSENT-LATER': 'consent sought later',
  'R-EL-VICTIM': 'victim consultation',
  'R-EL-WARRANT': 'DOC warrants (the NCI team decides)',
  'R-EX-DRUG-AMOUNT': 'the drug amount',
  'R-EX-AMENABLE': 'amenability',
  'R-EX-PROFIT': 'dealing for profit',
  'R-EX-EXPLOIT': 'exploiting others',
  'R-EX-PROMOTING': 'promoting prostitution',
  'R-EX-ORDER': 'protective orders',
  'R-EX-SAFETY': 'safety',
  'R-EX-HISTORY-LIFETIME': 'the most serious convictions',
  'R-EX-HISTORY-10Y': 'convictions within 10 years',
  'R-EX-HISTORY-5Y': 'convictions within 5 years',
  'R-IIP': 'the individual intervention plan',
  'R-SERVICE-WITHDRAW': 'withdrawing a service',
  'R-EL-OVERRIDE': 'overrides after booking',
  'R-EL-PRIOR': 'earlier referrals',
  'R-SC-PREREQ': 'social-contact prerequisites',
  'R-SC-SOURCE': 'who may refer a social contact',
  'R-SC-APPROVAL': "a sergeant's approval",
  'R-SC-PDA': 'telling the project manager',
  'R-SC-CAPACITY': 'capacity',
  'R-SC-CONTACT': 'finding the person',
  'R-SC-REASSESS': 're-assessment',
  'R-COORD': 'coordinating a new arrest',
  'R-SC-FROM-ARREST': 'a social contact from an arrest',
};

/** A rule as its "why" says it: "R-SCENE — a return to the scene within the exclusion window alerts the sergeant". */
export const ruleWhy = (ruleId: string): string =>
  ruleId in RULES ? `${ruleId} — ${RULES[ruleId as RuleId]}` : ruleId;

/** Rule ids in a text (a refusal, a basis), in order, once each. */
export const ruleIdsIn = (text: string): string[] => [...new Set(text.match(/\bR-[A-Z]+(?:-[A-Z0-9]+)*\b/g) ?? [])];
