import type { EligibilityResult, Reason } from '../eligibility/eligibility';
import type { PriorReferral } from './prior-referrals';

/** Why the service refuses a referral; the API answers each with its own status (src/api/domain-errors.ts). */
export type ReferralRefusal =
  | 'VALIDATION_FAILED'
  | 'SUBMISSION_ID_REUSED'
  | 'INELIGIBLE'
  | 'PREREQUISITES_NOT_MET'
  | 'NO_JURISDICTION'
  /** R-EVAL: one submission is diverted or booked, never both. */
  | 'ALREADY_BOOKED'
  | 'ALREADY_DIVERTED';

/** A referral the protocol or the input does not allow, with what the officer needs to fix or know. */
export class ReferralRefused extends Error {
  constructor(
    readonly refusal: ReferralRefusal,
    message: string,
    readonly details: {
      fields?: Array<{ field: string; message: string }>;
      ruleId?: string;
      /** PREREQUISITES_NOT_MET: the closed case the referral was recorded as. */
      caseId?: string;
      reasons?: Reason[];
      notes?: Reason[];
      eligibility?: EligibilityResult;
      priorReferrals?: PriorReferral[] | null;
    } = {},
  ) {
    super(message);
    this.name = 'ReferralRefused';
  }
}
