import type { CaseEventData } from './case-event-data';
import type {
  ReferralType,
  Stage,
  OffenseLevel,
  ConsentMethod,
  ExitReason,
  ScreenedOutReason,
  PacketReviewOutcome,
  IipGoal,
  FilingDecision,
  Outcome,
  SocialContactSource,
  ReleaseCoverage,
} from './case-vocabulary';
import type { Actor } from './roles';
import type { RuleId } from './rules';

/** Shared, deterministic types of a case: used by the API, the worker and the workflows. */

export * from './case-vocabulary';

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
  /** R-IIP: the services delivered, read from the case's events (servicesRecord). */
  servicesDelivered: Array<{ service: string; provider?: string; at: string; by: Actor }>;
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
