import type { SubmittedRow } from '../db/queries/referrals';
import type { OffenseLevel } from '../shared/case-vocabulary';
import type { Actor } from '../shared/roles';
import type { EligibilityResult } from '../eligibility/eligibility';
import { recordedOrders } from './protective-orders';
import type { ArrestDiversionSubmission } from './referral-schema';

/** What an arrest's submission records of itself, as a referral or as a booking (R-EVAL): the officer is the form's. */
export const arrestSubmittedRow = (
  body: ArrestDiversionSubmission,
  submissionHash: string,
  actor: Actor,
): SubmittedRow => ({
  submissionId: body.submissionId,
  submissionHash,
  person: body.person,
  agency: body.agency,
  officerId: body.officer.id,
  submittedById: actor.id,
});

/**
 * The referral facts an arrest is recorded with — as a referral, or as a booking of the comparison pool
 * (R-EVAL) — which the referral record's allow-list then serves to its readers (R-ROI).
 */
export function recordedArrestFacts(
  body: ArrestDiversionSubmission,
  checked: { orderFindings: boolean[]; eligibility: EligibilityResult; offenseLevel: OffenseLevel },
  actor: Actor,
) {
  return {
    officer: body.officer,
    incident: body.incident,
    offenses: body.offenses,
    history: body.history,
    // R-EX-ORDER: the orders' types and findings — never whom they protect.
    protectiveOrders: recordedOrders(body.protectiveOrders, checked.orderFindings),
    warrants: body.warrants,
    docViolation: body.docViolation,
    judgments: body.judgments,
    circumstances: body.circumstances,
    // R-EVAL: police data, where the agency records it.
    perceivedRace: body.perceivedRace ?? null,
    victim: body.victim ?? null,
    offenseLevel: checked.offenseLevel,
    eligibility: checked.eligibility,
    submittedBy: { id: actor.id, role: actor.role },
  };
}
