import type {
  ConsentMethod,
  CoordinationAlert,
  ExitReason,
  IipGoal,
  IntakeAssessment,
  Outcome,
  PacketReviewOutcome,
  ReleaseCoverage,
  ScreenedOutReason,
  SocialContactSource,
  Stage,
  WithdrawalReason,
} from '../shared/case-vocabulary';

type Note = { note?: string };
type NciWord = { reason?: string; onWordOf?: string };

/** What opens an arrest diversion (REFERRAL_RECEIVED, or the override or NCI review it waits for first). */
export interface ReferralOpenedData {
  referredAt: string;
  intakeDueAt?: string;
  prosecutorOffice?: string;
  prosecutorOffices?: string[];
  ruleIds?: string[];
  reason?: string;
  eligible?: boolean;
  eligibilityRuleIds?: string[];
  officerDecision?: string;
  /** R-EL-WARRANT (Decision 2026-12-02): the DOC officer specialist whose own referral is NCI's decision. */
  nciDecidedBy?: string;
}

/**
 * The data each kind of case event carries (`undefined`: none). Recorded histories keep the shapes of
 * their day, so a field added later is optional, and an earlier shape stays in its union.
 */
export interface CaseEventData {
  REFERRAL_RECEIVED: ReferralOpenedData;
  OVERRIDE_REQUESTED: ReferralOpenedData;
  NCI_REVIEW_REQUESTED: ReferralOpenedData;
  OVERRIDE_OVERDUE: undefined;
  OVERRIDE_APPROVED: { reason?: string; intakeDueAt: string };
  OVERRIDE_DENIED: { reason?: string };
  NCI_DECISION_OVERDUE: undefined;
  /**
   * Referred, the diversion's clocks start — or, with an override request waiting (R-EL-WARRANT, NCI
   * first: Decision 2026-12-02), the sergeant's review does (`overrideDueAt`) and the clocks start at its approval.
   */
  NCI_REFERRED:
    | (NciWord & {
        screeningDueAt: string;
        intakeDueAt: string;
        sceneWindowEndsAt: string;
        victimObjectionDueAt?: string;
        overrideDueAt?: undefined;
      })
    | (NciWord & { overrideDueAt: string; victimObjectionDueAt?: string });
  NCI_DECLINED: NciWord;
  SOCIAL_CONTACT_REFUSED: { source: SocialContactSource; ruleIds: string[] };
  SOCIAL_CONTACT_REFERRED: { source: SocialContactSource; linkedFrom?: string; continuedAt?: Stage };
  APPROVAL_OVERDUE: undefined;
  SOCIAL_CONTACT_APPROVED: { validUntil: string; reason?: string };
  SOCIAL_CONTACT_DENIED: { reason?: string };
  PLACE_GRANTED: undefined;
  CONTACT_ATTEMPTED: Note | undefined;
  CONTACT_MADE: Note | undefined;
  REASSESSMENT_DUE: { validUntil: string };
  APPROVAL_RENEWED: { validUntil: string; reason: string };
  LINKED_SOCIAL_CONTACT_OPENED: { socialContactReferralId: string };
  IIP_RECORDED: { goals: IipGoal[] };
  /** Before reasons were codes, a free-text `reason`. */
  SERVICE_WITHDRAWN: { service: string; reasonCode: WithdrawalReason; note?: string };
  SERVICE_REINSTATED: { service: string; note?: string };
  SERVICE_RECORDED: { service: string; provider?: string; note?: string };
  CASE_NOTE_RECORDED: { note: string };
  SCREENING_RECORDED: { intakeScheduledFor: string } | undefined;
  SCREENING_OVERDUE: undefined;
  LEFT_BEFORE_SCREENING: Note | undefined;
  SCREENED_OUT: { reason: ScreenedOutReason; note?: string };
  PACKET_REVIEWED: { office: string; outcome: PacketReviewOutcome; criterion?: string; note?: string };
  /** `covers` since R-CONSENT's coverage (turn 2). */
  CONSENT_GIVEN: { method: ConsentMethod; memorializedBy?: string; covers?: ReleaseCoverage };
  CONSENT_RESCINDED: Note | undefined;
  /** R-CONSENT (Decision 2026-12-02): the release in force amended; `version` is the new version's number. */
  RELEASE_AMENDED: {
    method: ConsentMethod;
    memorializedBy?: string;
    covers: ReleaseCoverage;
    version: number;
    /** The sequence number of the CONSENT_GIVEN event of the release amended (its identity). */
    releaseSeq?: number;
    note?: string;
  };
  INTAKE_SCHEDULED: { intakeScheduledFor: string; from?: string };
  /** `assessment` since the intake records the seed's assessment (R-INTAKE, Decision 2026-12-02). */
  INTAKE_COMPLETED: { assessment?: IntakeAssessment } | undefined;
  ENROLLED: undefined;
  INTAKE_DEADLINE_EXTENDED: { from: string; to: string; reason: string };
  INTAKE_DEADLINE_MISSED: { dueAt: string };
  MISSED_NOTICE_UNCONFIRMED: undefined;
  SCENE_WINDOW_ENDED: undefined;
  RETURN_TO_SCENE_REPORTED: { observedAt: string; withinWindow: boolean };
  /** `decisionDueAt` since the offices' decision has its own clock (R-VICTIM, Decision 2026-12-02). */
  VICTIM_OBJECTION_RECORDED: Note & { decisionDueAt: string };
  VICTIM_FILING_DECISION_OVERDUE: undefined;
  VICTIM_OBJECTION_WINDOW_ENDED: undefined;
  /** `office` since each office decides on its own (R-JURISDICTION, Decision 2026-12-02). */
  FILING_DECISION_RECORDED: { decision: 'FILED' | 'DECLINED'; office?: string; reason?: string };
  HANDED_OFF_TO_SOCIAL_CONTACT: { reason: string; continuesFrom?: Stage; keepsEnrollment?: boolean };
  CASE_CLOSED: { outcome: Outcome; reason?: string };
  EXITED: { reason: ExitReason; note?: string };
  NOTICE_SENT: { noticeId: string; sentAt: string };
  COORDINATION_ALERT: CoordinationAlert;
}
