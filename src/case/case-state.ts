import type {
  ConsentMethod,
  ExitReason,
  FilingDecision,
  IipGoal,
  OffenseLevel,
  Outcome,
  PacketReviewOutcome,
  ReferralType,
  ReleaseCoverage,
  ScreenedOutReason,
  SocialContactSource,
  Stage,
} from '../shared/case-vocabulary';
import type { Actor } from '../shared/roles';
import type { RuleId } from '../shared/rules';
import type { CaseEvent } from './case-event-types';
import type { CasePolicy } from './case-policy';
import type { NoticeRecord } from './notices';

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

export interface ConsentRecord {
  status: 'NONE' | 'GIVEN' | 'RESCINDED';
  method?: ConsentMethod;
  memorializedBy?: string;
  covers?: ReleaseCoverage;
  /** When it was given. */
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
  /** R-JURISDICTION: every office with jurisdiction over any offense; each gets every prosecutor notice (absent: the one office). */
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
  /** The last filing decision of any office. */
  filingDecision?: { decision: FilingDecision; at: string; by: Actor };
  /** R-JURISDICTION (Decision 2026-12-02): each office's own decision (absent until one decides). */
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
