/** The words of a case — stages, reasons, outcomes — below the case model and its events, which both use them. */

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

/** R-CONSENT: what a release of information covers besides case management itself. */
export interface ReleaseCoverage {
  /** Staffing with the LEAD partners: they may then see a progress summary (R-ROI, R-STAFFING). */
  staffing: boolean;
  /** Treatment providers the case manager may consult. */
  providers: string[];
}

/** Cases whose release was recorded before coverage was asked cover nothing beyond case management. */
export const NO_COVERAGE: ReleaseCoverage = { staffing: false, providers: [] };

/**
 * R-COORD (2026-12-02): a participant's new arrest, booking, charge or referral recorded through the
 * service — by its kind and its own id only (a case id, a booking id, an imported record's reference).
 */
export type CoordinationAlert = {
  source: 'REFERRAL' | 'BOOKING' | 'OUTCOME';
  sourceId: string;
};
