import type { OffenseLevel, SocialContactSource } from '../shared/case-vocabulary';
import type { Actor } from '../shared/roles';
import type { CasePolicy } from './case-policy';
import type { CaseState } from './case-state';

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
  /** When the API accepted the referral: every clock counts from it (absent: the workflow's start). */
  acceptedAt?: string;
  /** R-EL-OVERRIDE: the person was found ineligible (these rules) and booked; the sergeant decides. */
  overrideRequest?: { reason: string; ruleIds: string[] };
  /** R-JURISDICTION: every office with jurisdiction over any of the offenses (absent: the one office). */
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
export interface CarriedParticipation extends Pick<
  CaseState,
  | 'screeningDueAt'
  | 'screenedAt'
  | 'intakeScheduledFor'
  | 'consent'
  | 'intakeCompletedAt'
  | 'enrolledAt'
  | 'iip'
  | 'servicesWithdrawn'
> {
  stage: 'AWAITING_SCREENING' | 'AWAITING_INTAKE' | 'ENROLLED';
}

/** Start argument of a social-contact workflow (no personal data either). */
export interface SocialContactInput {
  referralId: string;
  agency: string;
  source: SocialContactSource;
  policy: CasePolicy;
  referredAt?: string;
  /** When the API accepted the referral: every clock counts from it (absent: the workflow's start). */
  acceptedAt?: string;
  /** R-VICTIM hand-off: the arrest diversion this social contact continues. */
  linkedFrom?: string;
  /** R-VICTIM (Decision): the participation the hand-off keeps — no new screening, consent or intake. */
  carriedOver?: CarriedParticipation;
  /** R-SC-PREREQ / R-EX-ORDER: refused at submission, recorded so the PDA knows every candidate (R-SC-PDA). */
  refusedAtSubmission?: { ruleIds: string[] };
  resume?: CaseState;
}
