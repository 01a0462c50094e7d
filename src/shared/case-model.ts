import type { Actor } from './roles';
import type { RuleId } from './rules';

/** Shared, deterministic types of a case: used by the API, the worker and the workflows. */

export const REFERRAL_TYPES = ['ARREST_DIVERSION', 'SOCIAL_CONTACT'] as const;
export type ReferralType = (typeof REFERRAL_TYPES)[number];

export const STAGES = [
  'AWAITING_SCREENING', // R-CALL made, R-SCREEN pending
  'AWAITING_INTAKE', // screened; intake and/or consent outstanding (R-INTAKE, R-CONSENT)
  'ENROLLED', // R-ENROLL
  'LEFT_BEFORE_SCREENING', // R-SCREEN: sergeant and prosecutor told; awaiting the prosecutor
  'INTAKE_MISSED', // R-MISSED: prosecutor told; awaiting the prosecutor
  'HANDED_OFF', // R-VICTIM: charges filed after an objection; continues as a social contact
  'EXITED', // R-EXIT
  'CLOSED', // the prosecutor decided after a failed diversion
] as const;
export type Stage = (typeof STAGES)[number];

export const TERMINAL_STAGES: readonly Stage[] = ['HANDED_OFF', 'EXITED', 'CLOSED'];
export const isTerminal = (stage: Stage): boolean => TERMINAL_STAGES.includes(stage);

export const OFFENSE_LEVELS = ['FELONY', 'GROSS_MISDEMEANOR', 'MISDEMEANOR'] as const;
export type OffenseLevel = (typeof OFFENSE_LEVELS)[number];

export const CONSENT_METHODS = ['WRITTEN', 'VERBAL_MEMORIALIZED'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const EXIT_REASONS = [
  'CONSENT_RESCINDED',
  'NO_CLINICAL_BENEFIT',
  'TRANSITIONED_OUT',
  'DECEASED',
  'MOVED_AWAY',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const FILING_DECISIONS = ['FILED', 'DECLINED'] as const;
export type FilingDecision = (typeof FILING_DECISIONS)[number];

export type Outcome = 'EXITED' | 'HANDED_OFF_TO_SOCIAL_CONTACT' | 'CHARGES_FILED' | 'CHARGES_DECLINED';

/** Every duration the protocol names, in milliseconds; a jurisdiction configures them. */
export interface CasePolicy {
  sceneWindowMs: number;
  screeningOverdueAfterMs: number;
  intakeDeadlineMs: number;
  victimObjectionWindowMs: number;
  missedNoticeConfirmWithinMs: number;
  /** Case events after which a long-lived case continues as new (bounded history). */
  continueAsNewAfterEvents: number;
}

export type NoticeKind =
  | 'CASE_MANAGEMENT_CALLED'
  | 'DIVERSION_PACKET'
  | 'LEFT_BEFORE_SCREENING'
  | 'RETURN_TO_SCENE'
  | 'INTAKE_MISSED'
  | 'PARTICIPANT_EXITED';

export type Recipient =
  | { role: 'case_manager' }
  | { role: 'project_manager' }
  | { role: 'sergeant'; agency: string }
  | { role: 'prosecutor'; office: string };

export interface NoticeRecord {
  id: string;
  kind: NoticeKind;
  ruleId: RuleId;
  recipient: Recipient;
  /** Sequence number of the case event that made the notice owed. */
  eventSeq: number;
  status: 'PENDING' | 'SENT';
  sentAt?: string;
}

export type StuckReason = 'SCREENING_OVERDUE' | 'MISSED_NOTICE_UNCONFIRMED';
export interface StuckFlag {
  reason: StuckReason;
  ruleId: RuleId;
  since: string;
}

export interface CaseEvent {
  seq: number;
  type: CaseEventType;
  ruleId: RuleId;
  at: string;
  actor: Actor;
  data?: Record<string, unknown>;
}

export type CaseEventType =
  | 'REFERRAL_RECEIVED'
  | 'SCREENING_RECORDED'
  | 'SCREENING_OVERDUE'
  | 'LEFT_BEFORE_SCREENING'
  | 'CONSENT_GIVEN'
  | 'CONSENT_RESCINDED'
  | 'INTAKE_COMPLETED'
  | 'ENROLLED'
  | 'INTAKE_DEADLINE_EXTENDED'
  | 'INTAKE_DEADLINE_MISSED'
  | 'MISSED_NOTICE_UNCONFIRMED'
  | 'SCENE_WINDOW_ENDED'
  | 'RETURN_TO_SCENE_REPORTED'
  | 'VICTIM_OBJECTION_RECORDED'
  | 'VICTIM_OBJECTION_WINDOW_ENDED'
  | 'FILING_DECISION_RECORDED'
  | 'HANDED_OFF_TO_SOCIAL_CONTACT'
  | 'CASE_CLOSED'
  | 'EXITED'
  | 'NOTICE_SENT';

export interface IntakeDeadlineExtension {
  from: string;
  to: string;
  reason: string;
  by: Actor;
  at: string;
}

/** The whole state of one case, held by its workflow (and carried over `continueAsNew`). */
export interface CaseState {
  referralId: string;
  type: ReferralType;
  agency: string;
  prosecutorOffice: string;
  offenseLevel: OffenseLevel;
  victimCrime: boolean;
  policy: CasePolicy;
  referredAt: string;
  stage: Stage;
  outcome?: Outcome;
  screeningDueAt: string;
  screenedAt?: string;
  intakeScheduledFor?: string;
  consent: { status: 'NONE' | 'GIVEN' | 'RESCINDED'; method?: ConsentMethod; at?: string };
  intakeCompletedAt?: string;
  enrolledAt?: string;
  intakeDueAt: string;
  intakeExtensions: IntakeDeadlineExtension[];
  intakeMissedAt?: string;
  sceneWindowEndsAt: string;
  sceneWindowEnded: boolean;
  victimObjectionDueAt?: string;
  victimObjectionWindowEnded: boolean;
  victimObjectionAt?: string;
  filingDecision?: { decision: FilingDecision; at: string; by: Actor };
  handOff?: { to: 'SOCIAL_CONTACT'; at: string; reason: string };
  exit?: { reason: ExitReason; at: string; by: Actor };
  stuck: StuckFlag[];
  notices: NoticeRecord[];
  events: CaseEvent[];
  seq: number;
  /** Highest event seq written to the database by the projection activity. */
  projectedSeq: number;
}

export type DeadlineStatus = 'OPEN' | 'MET' | 'MISSED' | 'ENDED' | 'OVERDUE' | 'CANCELLED';

export interface DeadlineView {
  ruleId: RuleId;
  name: string;
  dueAt: string;
  status: DeadlineStatus;
}

/** What a query (and every accepted case action) returns. */
export interface CaseView {
  referralId: string;
  type: ReferralType;
  stage: Stage;
  outcome?: Outcome;
  enrolled: boolean;
  referredAt: string;
  prosecutorOffice: string;
  agency: string;
  victimCrime: boolean;
  consent: CaseState['consent'];
  screenedAt?: string;
  intakeScheduledFor?: string;
  intakeCompletedAt?: string;
  enrolledAt?: string;
  intakeExtensions: IntakeDeadlineExtension[];
  filingDecision?: CaseState['filingDecision'];
  handOff?: CaseState['handOff'];
  exit?: CaseState['exit'];
  deadlines: DeadlineView[];
  nextDeadline?: DeadlineView;
  stuck: StuckFlag[];
  notices: NoticeRecord[];
  events: CaseEvent[];
}

/** Start argument of an arrest-diversion workflow. No personal data: the person stays in the database. */
export interface ArrestDiversionInput {
  referralId: string;
  agency: string;
  prosecutorOffice: string;
  offenseLevel: OffenseLevel;
  victimCrime: boolean;
  policy: CasePolicy;
  /** When the officer diverted the person, if the form was sent later (offline); default: the start. */
  referredAt?: string;
  /** State carried over `continueAsNew`. */
  resume?: CaseState;
}
