import type { CaseEventData } from './case-event-data';
import type { Actor } from './roles';
import type { RuleId } from './rules';

/** Shared, deterministic types of a case: used by the API, the worker and the workflows. */

export const REFERRAL_TYPES = ['ARREST_DIVERSION', 'SOCIAL_CONTACT'] as const;
export type ReferralType = (typeof REFERRAL_TYPES)[number];

export const STAGES = [
  'OVERRIDE_REQUESTED', // R-EL-OVERRIDE: ineligible, booked; the sergeant decides
  'AWAITING_NCI_DECISION', // R-EL-WARRANT: a DOC warrant or violation; the DOC NCI team decides whether to refer
  'AWAITING_APPROVAL', // R-SC-APPROVAL: a social contact awaits a sergeant's decision
  'WAITING_FOR_CAPACITY', // R-SC-CAPACITY: approved, queued for a place
  'AWAITING_CONTACT', // R-SC-CONTACT: approved with a place; the person is to be found
  'AWAITING_SCREENING', // R-CALL made, R-SCREEN pending
  'AWAITING_INTAKE', // screened; intake and/or consent outstanding (R-INTAKE, R-CONSENT)
  'ENROLLED', // R-ENROLL
  'LEFT_BEFORE_SCREENING', // R-SCREEN: sergeant and prosecutor told; awaiting the prosecutor
  'SCREENED_OUT', // R-SCREEN (Decision 2026-12-02): not appropriate; sergeant and prosecutor told; awaiting the prosecutor
  'INTAKE_MISSED', // R-MISSED: prosecutor told; awaiting the prosecutor
  'HANDED_OFF', // R-VICTIM: charges filed after an objection; continues as a social contact
  'EXITED', // R-EXIT
  'CLOSED', // closed by a decision: the prosecutor's after a failed diversion, a sergeant's at re-assessment
  'DENIED', // R-SC-APPROVAL denied, or R-EL-OVERRIDE denied
  'REFUSED', // R-SC-PREREQ / R-EX-ORDER: a social contact refused at submission, recorded so the PDA knows every candidate (R-SC-PDA)
] as const;
export type Stage = (typeof STAGES)[number];

export const TERMINAL_STAGES: readonly Stage[] = ['HANDED_OFF', 'EXITED', 'CLOSED', 'DENIED', 'REFUSED'];
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
/** R-SCREEN (Decision 2026-12-02): why the screening found the person not appropriate for LEAD. */
export const SCREENED_OUT_REASONS = [
  'NOT_AMENABLE',
  'SAFETY_RISK',
  'NEEDS_A_HIGHER_LEVEL_OF_CARE',
  'NO_BEHAVIORAL_HEALTH_OR_POVERTY_NEED',
  'OTHER',
] as const;
export type ScreenedOutReason = (typeof SCREENED_OUT_REASONS)[number];
/** R-PACKET (Decision 2026-12-02): the prosecutor's review of the diversion packet. */
export const PACKET_REVIEW_OUTCOMES = ['MEETS_CRITERIA', 'DOES_NOT_MEET_CRITERIA'] as const;
export type PacketReviewOutcome = (typeof PACKET_REVIEW_OUTCOMES)[number];
/**
 * R-SERVICE-WITHDRAW: why a service is withdrawn — lack of progress with that service, never a
 * condition such as abstinence (LEAD is harm reduction; there is no "not abstinent").
 */
export const WITHDRAWAL_REASONS = [
  'NO_PROGRESS_WITH_SERVICE',
  'NOT_USING_SERVICE',
  'SERVICE_NO_LONGER_NEEDED',
  'PARTICIPANT_DECLINED_SERVICE',
  'PROVIDER_NO_LONGER_AVAILABLE',
] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];
/** R-IIP: goals the participant chooses (abstinence is never one of them, never a condition). */
export const IIP_GOALS = [
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
] as const;
export type IipGoal = (typeof IIP_GOALS)[number];
/** R-INTAKE (Decision 2026-12-02): the domains of the seed's in-depth assessment, each answered by its level of need. */
export const ASSESSMENT_DOMAINS = [
  'chemicalDependency',
  'mentalHealth',
  'housing',
  'legalOrGangInvolvement',
  'employment',
  'education',
] as const;
export const NEED_LEVELS = ['NONE', 'SOME', 'HIGH', 'NOT_ASSESSED'] as const;
export type IntakeAssessment = {
  /** The immediate cause of the law violations, in the case manager's words. */
  causeOfLawViolations: string;
} & { [D in (typeof ASSESSMENT_DOMAINS)[number]]: (typeof NEED_LEVELS)[number] };
export type FilingDecision = (typeof FILING_DECISIONS)[number];

export type Outcome =
  | 'EXITED'
  | 'HANDED_OFF_TO_SOCIAL_CONTACT'
  | 'CHARGES_FILED'
  | 'CHARGES_DECLINED'
  | 'OVERRIDE_DENIED'
  | 'APPROVAL_DENIED'
  | 'CLOSED_AT_REASSESSMENT'
  | 'NCI_DECLINED'
  | 'REFUSED_AT_SUBMISSION';

/**
 * The endings of an arrest diversion that leave the person not diverted on the charge (R-EL-OVERRIDE,
 * R-EL-WARRANT): they may be referred as a social contact (R-SC-FROM-ARREST) and belong to the
 * evaluation's comparison pool, never to the diverted (R-EVAL, Decision 2026-12-02).
 */
export const NOT_DIVERTED_OUTCOMES: readonly Outcome[] = ['OVERRIDE_DENIED', 'NCI_DECLINED'];

export const SOCIAL_CONTACT_SOURCES = ['OFFICER', 'DOC', 'COMMUNITY', 'ARREST_HANDOFF'] as const;
export type SocialContactSource = (typeof SOCIAL_CONTACT_SOURCES)[number];

/** Every duration the protocol names, in milliseconds; a jurisdiction configures them. */
export interface CasePolicy {
  sceneWindowMs: number;
  screeningOverdueAfterMs: number;
  intakeDeadlineMs: number;
  victimObjectionWindowMs: number;
  missedNoticeConfirmWithinMs: number;
  /** R-SC-APPROVAL (Decision): a social contact unreviewed this long is stuck. */
  approvalOverdueAfterMs: number;
  /** R-SC-REASSESS: how many calendar months an approval is good for. */
  approvalValidMonths: number;
  /** Case events after which a long-lived case continues as new (bounded history). */
  continueAsNewAfterEvents: number;
  /** R-EL-OVERRIDE (Decision): an override unreviewed this long is stuck (absent in cases started before). */
  overrideOverdueAfterMs?: number;
  /** R-EL-WARRANT (Decision): a DOC NCI referral undecided this long is stuck (absent in cases started before). */
  nciDecisionOverdueAfterMs?: number;
  /** R-VICTIM (Decision 2026-12-02): an office's filing decision after an objection is due this long after it (absent before). */
  victimFilingDecisionMs?: number;
  /**
   * R-INTAKE (Decision 2026-12-02): the program's time zone. Present, a deadline of whole days ends at the
   * end of the local day (the referral's local date plus the days); absent (cases started before), it is
   * the referral instant plus the duration.
   */
  timeZone?: string;
}

export type NoticeKind =
  | 'CASE_MANAGEMENT_CALLED'
  | 'DIVERSION_PACKET'
  | 'LEFT_BEFORE_SCREENING'
  | 'RETURN_TO_SCENE'
  | 'INTAKE_MISSED'
  | 'PARTICIPANT_EXITED'
  | 'OVERRIDE_REQUESTED'
  | 'APPROVAL_REQUESTED'
  | 'APPROVAL_REMINDER'
  | 'SOCIAL_CONTACT_REFERRED'
  | 'SOCIAL_CONTACT_APPROVED'
  | 'SOCIAL_CONTACT_DENIED'
  | 'SOCIAL_CONTACT_ENROLLED'
  | 'SOCIAL_CONTACT_CLOSED'
  | 'REASSESSMENT_DUE'
  | 'SCREENING_REMINDER'
  | 'CLOSED_BY_FILING_DECISION'
  | 'NCI_REVIEW_REQUESTED'
  | 'NCI_REVIEW_REMINDER'
  | 'NCI_DECLINED'
  | 'OVERRIDE_REMINDER'
  | 'SOCIAL_CONTACT_REFUSED'
  | 'SOCIAL_CONTACT_HANDED_OFF'
  | 'SCREENED_OUT'
  | 'FILING_DECISION_DUE'
  | 'FILING_DECISION_REMINDER'
  | 'FILED_OUTSIDE_PROTOCOL'
  | 'PACKET_DOES_NOT_MEET_CRITERIA'
  | 'PARTICIPANT_ARRESTED';

export type Recipient =
  | { role: 'case_manager' }
  | { role: 'project_manager' }
  | { role: 'doc_nci' }
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

export type StuckReason =
  | 'SCREENING_OVERDUE'
  | 'MISSED_NOTICE_UNCONFIRMED'
  | 'APPROVAL_OVERDUE'
  | 'REASSESSMENT_DUE'
  | 'OVERRIDE_OVERDUE'
  | 'NCI_DECISION_OVERDUE'
  | 'VICTIM_FILING_DECISION_OVERDUE';
export interface StuckFlag {
  reason: StuckReason;
  ruleId: RuleId;
  since: string;
}

interface CaseEventBase {
  seq: number;
  ruleId: RuleId;
  at: string;
  actor: Actor;
  /** The API request that caused it (absent for the service's own events). */
  requestId?: string;
}

export type CaseEventType = keyof CaseEventData;

/** One kind of case event, with the data that kind carries (none where its data type is `undefined`). */
export type CaseEventOf<T extends CaseEventType> = CaseEventBase & { type: T } & (undefined extends CaseEventData[T]
    ? { data?: CaseEventData[T] }
    : { data: CaseEventData[T] });

/** A case event: a union discriminated by `type` (`evolve` checks it exhaustively). */
export type CaseEvent = { [T in CaseEventType]: CaseEventOf<T> }[CaseEventType];

/** R-CONSENT: what a release of information covers besides case management itself. */
export interface ReleaseCoverage {
  /** Staffing with the LEAD partners: they may then see a progress summary (R-ROI, R-STAFFING). */
  staffing: boolean;
  /** Treatment providers the case manager may consult. */
  providers: string[];
}

/** Cases whose release was recorded before coverage was asked cover nothing beyond case management. */
export const NO_COVERAGE: ReleaseCoverage = { staffing: false, providers: [] };

export interface ConsentRecord {
  status: 'NONE' | 'GIVEN' | 'RESCINDED';
  method?: ConsentMethod;
  memorializedBy?: string;
  covers?: ReleaseCoverage;
  /** When it was given (in runs recorded before rescissions kept it apart: when it was rescinded). */
  at?: string;
  by?: Actor;
  /** The sequence number of the CONSENT_GIVEN event: the release's identity. */
  givenSeq?: number;
  /** R-CONSENT (Decision 2026-12-02): the version in force; 1 as given, one more for each amendment. */
  version?: number;
  /** The latest amendment (method, memorializedBy and covers are then the amended version's). */
  amendedAt?: string;
  amendedBy?: Actor;
  rescindedAt?: string;
  rescindedBy?: Actor;
}

export interface IntakeDeadlineExtension {
  from: string;
  to: string;
  reason: string;
  by: Actor;
  at: string;
}

/** R-JURISDICTION (Decision 2026-12-02): one office's decision on its own charges. */
export interface OfficeFilingDecision {
  office: string;
  decision: FilingDecision;
  at: string;
  by: Actor;
  /** The situation that opened it: R-SCREEN, R-MISSED, R-VICTIM — or R-PACKET for one outside them, with its reason. */
  ruleId: RuleId;
  reason?: string;
}

/** R-PACKET (Decision 2026-12-02): one office's review of the diversion packet. */
export interface PacketReview {
  office: string;
  outcome: PacketReviewOutcome;
  criterion?: string;
  note?: string;
  at: string;
  by: Actor;
}

/**
 * R-COORD (2026-12-02): a participant's new arrest, booking, charge or referral recorded through the
 * service — by its kind and its own id only (a case id, a booking id, an imported record's reference).
 */
export type CoordinationAlert = {
  source: 'REFERRAL' | 'BOOKING' | 'OUTCOME';
  sourceId: string;
};

/** The whole state of one case, held by its workflow (and carried over `continueAsNew`). */
export interface CaseState {
  referralId: string;
  type: ReferralType;
  agency: string;
  /** Arrest diversions only (R-JURISDICTION): the office of the most serious offense. */
  prosecutorOffice?: string;
  /** R-JURISDICTION: every office with jurisdiction over any offense; each gets every prosecutor notice (absent in cases started before: the one office). */
  prosecutorOffices?: string[];
  offenseLevel?: OffenseLevel;
  victimCrime: boolean;
  policy: CasePolicy;
  referredAt: string;
  stage: Stage;
  outcome?: Outcome;
  /** Set when case management is called (R-CALL): at referral, override approval or contact. */
  screeningDueAt?: string;
  screenedAt?: string;
  intakeScheduledFor?: string;
  consent: ConsentRecord;
  intakeCompletedAt?: string;
  enrolledAt?: string;
  /** R-INTAKE: arrest diversions only; a social contact has no 30-day deadline (R-SC-CONTACT). */
  intakeDueAt?: string;
  intakeExtensions: IntakeDeadlineExtension[];
  intakeMissedAt?: string;
  /** R-MISSED: when the last missed-intake notice to a prosecutor's office was sent. */
  missedNoticeConfirmedAt?: string;
  /** R-SCENE: arrest diversions released at the scene only. */
  sceneWindowEndsAt?: string;
  sceneWindowEnded: boolean;
  victimObjectionDueAt?: string;
  victimObjectionWindowEnded: boolean;
  victimObjectionAt?: string;
  /** The last filing decision (cases decided before each office decided on its own: the only one). */
  filingDecision?: { decision: FilingDecision; at: string; by: Actor };
  /** R-JURISDICTION (Decision 2026-12-02): each office's own decision (absent in cases decided before). */
  filingDecisions?: OfficeFilingDecision[];
  /** R-VICTIM (Decision 2026-12-02): the offices' filing decisions after an objection are due by then. */
  victimFilingDueAt?: string;
  /** R-SCREEN (Decision 2026-12-02): the screening found the person not appropriate. */
  screenedOut?: { reason: ScreenedOutReason; at: string; by: Actor };
  /** R-PACKET (Decision 2026-12-02): each office's review of the packet. */
  packetReviews?: PacketReview[];
  /** R-COORD: the new arrests and referrals the case manager was alerted to (by source id, each once). */
  coordinationAlerts?: string[];
  /** `continuesFrom`: the stage a social contact continuing the diversion keeps (R-VICTIM, Decision). */
  handOff?: {
    to: 'SOCIAL_CONTACT';
    at: string;
    reason: string;
    continuesFrom?: Stage;
    socialContactReferralId?: string;
  };
  exit?: { reason: ExitReason; at: string; by: Actor };
  /** R-EL-OVERRIDE: rules the eligibility check found, and the sergeant's decision. */
  override?: {
    reason: string;
    ruleIds: string[];
    decision?: 'APPROVED' | 'DENIED';
    decidedAt?: string;
    by?: Actor;
    decisionReason?: string;
  };
  /** R-EL-OVERRIDE (Decision): when an unreviewed override becomes stuck. */
  overrideDueAt?: string;
  /** R-EL-WARRANT: the DOC NCI team's decision, and when an undecided one becomes stuck. */
  nci?: { dueAt: string; decision?: 'REFERRED' | 'DECLINED'; decidedAt?: string; by?: Actor; onWordOf?: string };
  /** Social contacts: R-SC-SOURCE, R-SC-APPROVAL, R-SC-CAPACITY, R-SC-REASSESS. */
  source?: SocialContactSource;
  linkedFrom?: string;
  approvalDueAt?: string;
  approval?: { decision: 'APPROVED' | 'DENIED'; at: string; by: Actor; reason?: string };
  approvalValidUntil?: string;
  reassessmentDue: boolean;
  renewals: Array<{ at: string; by: Actor; reason: string; validUntil: string }>;
  capacity: 'NONE' | 'WAITING' | 'GRANTED' | 'PARTICIPANT' | 'RELEASED';
  contactAttempts: number;
  /** R-IIP and R-SERVICE-WITHDRAW (after enrollment). */
  iip?: { goals: IipGoal[]; at: string; by: Actor };
  servicesWithdrawn: Array<{
    service: string;
    reason: string;
    note?: string;
    at: string;
    by: Actor;
    reinstatedAt?: string;
  }>;
  /**
   * Only in a state carried by an earlier version (compacted on resume): the services delivered are the
   * events' record now (servicesRecord), read from the database.
   */
  servicesDelivered?: Array<{ service: string; provider?: string; at: string; by: Actor }>;
  stuck: StuckFlag[];
  /**
   * Notices owed and not yet sent. A sent notice leaves the state: the Notification table keeps it, and
   * the case read serves it from there.
   */
  notices: NoticeRecord[];
  /**
   * Events not yet projected. A projected event leaves the state (the projection's CaseEvent rows keep
   * the case's history), so what a case carries into a new run stays bounded however long it lives.
   */
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
  prosecutorOffice?: string;
  agency: string;
  victimCrime: boolean;
  victimObjectionAt?: string;
  nci?: CaseState['nci'];
  consent: CaseState['consent'];
  screenedAt?: string;
  intakeScheduledFor?: string;
  intakeCompletedAt?: string;
  enrolledAt?: string;
  intakeExtensions: IntakeDeadlineExtension[];
  filingDecision?: CaseState['filingDecision'];
  /** R-JURISDICTION: every office with jurisdiction, and what each decided and reviewed. */
  prosecutorOffices: string[];
  filingDecisions: OfficeFilingDecision[];
  /** R-JURISDICTION: the offices that still owe a filing decision now (none unless one is open). */
  filingDecisionsOwedBy: string[];
  /** The situation in which the protocol gives the prosecutors a filing decision now, if any. */
  filingDecisionOpenUnder?: 'R-SCREEN' | 'R-MISSED' | 'R-VICTIM';
  victimFilingDueAt?: string;
  screenedOut?: CaseState['screenedOut'];
  packetReviews: PacketReview[];
  handOff?: CaseState['handOff'];
  exit?: CaseState['exit'];
  override?: CaseState['override'];
  source?: SocialContactSource;
  linkedFrom?: string;
  approval?: CaseState['approval'];
  approvalValidUntil?: string;
  reassessmentDue: boolean;
  renewals: CaseState['renewals'];
  capacity: CaseState['capacity'];
  iip?: CaseState['iip'];
  servicesWithdrawn: CaseState['servicesWithdrawn'];
  servicesDelivered: NonNullable<CaseState['servicesDelivered']>;
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
  /** When the officer diverted the person, if the form was sent later (offline); default: `acceptedAt`. */
  referredAt?: string;
  /** When the API accepted the referral: every clock counts from it (absent in cases started before: the start). */
  acceptedAt?: string;
  /** R-EL-OVERRIDE: the person was found ineligible (these rules) and booked; the sergeant decides. */
  overrideRequest?: { reason: string; ruleIds: string[] };
  /** R-JURISDICTION: every office with jurisdiction over any of the offenses (absent in cases started before). */
  prosecutorOffices?: string[];
  /** R-EL-WARRANT: a DOC warrant or violation — the DOC NCI team decides before anything starts. */
  docNciReview?: boolean;
  /**
   * R-EL-WARRANT (Decision 2026-12-02): a DOC officer specialist's own referral is the NCI team's
   * decision, recorded as made by them at acceptance; the diversion proceeds at once.
   */
  nciDecidedBy?: Actor;
  /** R-EL-NORIGHT: what the eligibility check found and what the officer decided. */
  decision?: OfficerDecision;
  /** State carried over `continueAsNew`. */
  resume?: CaseState;
}

/** R-EL-NORIGHT: eligibility is advice; the officer decides, and both are recorded. */
export interface OfficerDecision {
  eligible: boolean;
  ruleIds: string[];
  officerDecision: 'DIVERT' | 'BOOK_AND_REQUEST_OVERRIDE';
}

/** R-VICTIM hand-off: where the person had got to in the arrest diversion, continued in the social contact. */
export interface CarriedParticipation {
  stage: 'AWAITING_SCREENING' | 'AWAITING_INTAKE' | 'ENROLLED';
  screeningDueAt?: string;
  screenedAt?: string;
  intakeScheduledFor?: string;
  consent: ConsentRecord;
  intakeCompletedAt?: string;
  enrolledAt?: string;
  iip?: CaseState['iip'];
  /** Sent by earlier versions and not read: a continuing case's services are its diversion's events. */
  servicesDelivered?: CaseState['servicesDelivered'];
  servicesWithdrawn: CaseState['servicesWithdrawn'];
}

/** Start argument of a social-contact workflow (no personal data either). */
export interface SocialContactInput {
  referralId: string;
  agency: string;
  source: SocialContactSource;
  policy: CasePolicy;
  referredAt?: string;
  /** When the API accepted the referral: every clock counts from it (absent in cases started before: the start). */
  acceptedAt?: string;
  /** R-VICTIM hand-off: the arrest diversion this social contact continues. */
  linkedFrom?: string;
  /** R-VICTIM (Decision): the participation the hand-off keeps — no new screening, consent or intake. */
  carriedOver?: CarriedParticipation;
  /** R-SC-PREREQ / R-EX-ORDER: refused at submission, recorded so the PDA knows every candidate (R-SC-PDA). */
  refusedAtSubmission?: { ruleIds: string[] };
  resume?: CaseState;
}

/** The capacity coordinator's view (R-SC-CAPACITY). */
export interface CapacityView {
  places: number;
  participants: string[];
  reserved: string[];
  waiting: Array<{ caseId: string; approvedAt: string }>;
  free: number;
}
