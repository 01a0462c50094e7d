import type { LeadConfig } from '../config/config-schema';
import type { EligibilityResult } from '../eligibility/eligibility';
import { isUniqueViolation, type Database } from '../db/queries/database';
import { bookingBySubmission, recordBookingRow } from '../db/queries/evaluation';
import { referralBySubmission } from '../db/queries/referrals';
import { caseIdFor } from '../referrals/case-id';
import { arrestSubmittedRow, recordedArrestFacts } from '../referrals/recorded-facts';
import { submissionHashOf } from '../referrals/record-referral';
import { ReferralRefused } from '../referrals/referral-refused';
import type { ArrestDiversionSubmission } from '../referrals/referral-schema';
import { assessWithOrders, jurisdictionOf } from '../referrals/arrest-assessment';
import { checkReferredAt } from '../referrals/referred-at';
import type { DiscloseParticipant } from '../referrals/protective-orders';
import type { Submitter } from '../shared/roles';
import { requireOwnIdentity } from '../referrals/submitter-identity';

/** A booking's id: the program's prefix, BK, and ten characters derived from the submission id. */
export const bookingIdFor = (prefix: string, submissionId: string) =>
  `${prefix}-BK-${caseIdFor(prefix, submissionId).split('-')[1]}`;
export { BOOKING_ID_PATTERN } from '../shared/record-ids';

/** INELIGIBLE: the check found reasons. OFFICER_DECISION: eligible, and the officer booked (R-EL-NORIGHT). */
export type { BookingReason } from '../shared/booking-reasons';
import type { BookingReason } from '../shared/booking-reasons';

export interface BookingResult {
  bookingId: string;
  created: boolean;
  reason: BookingReason;
  eligibility: EligibilityResult;
}

/**
 * R-EVAL, R-EL-NORIGHT: the officer books instead of diverting — the eligibility check's person joins
 * the comparison pool with the check's reasons and the same referral facts as a referral record.
 * Idempotent on the submission id, which is a referral's or a booking's, never both.
 */
export async function recordBooking(
  deps: { db: Database; config: LeadConfig },
  body: ArrestDiversionSubmission,
  actor: Submitter,
  discloseParticipant: DiscloseParticipant,
): Promise<BookingResult> {
  const { db, config } = deps;
  const bookingId = bookingIdFor(config.program.caseIdPrefix, body.submissionId);
  const submissionHash = submissionHashOf(body);
  const existing = async () => {
    const row = await bookingBySubmission(db, body.submissionId);
    if (row && row.submissionHash !== submissionHash)
      throw new ReferralRefused(
        'SUBMISSION_ID_REUSED',
        `submissionId ${body.submissionId} was already used for booking ${row.id} with different content; a new booking needs a new submissionId`,
        { fields: [{ field: 'submissionId', message: 'already used for a different booking' }] },
      );
    return row;
  };
  // A repeated submission is answered with what was recorded: its orders are not checked again (R-EX-ORDER).
  const recorded = (row: { reason: string; eligibility: unknown }, created: boolean): BookingResult => ({
    bookingId,
    created,
    reason: row.reason as BookingReason,
    eligibility: row.eligibility as EligibilityResult,
  });
  const repeated = await existing();
  if (repeated) return recorded(repeated, false);
  const diverted = await referralBySubmission(db, body.submissionId);
  if (diverted)
    throw new ReferralRefused(
      'ALREADY_DIVERTED',
      `submissionId ${body.submissionId} was diverted as case ${diverted.id}; it cannot be recorded as a booking too (R-EVAL)`,
      { ruleId: 'R-EVAL', fields: [{ field: 'submissionId', message: 'already diverted' }] },
    );
  requireOwnIdentity(actor, { agency: body.agency, officerField: 'officer.id', officerId: body.officer.id });
  checkReferredAt(config, body.referredAt, Date.now());
  const { offenseLevel, offices } = jurisdictionOf(config, body);
  // A booking is recorded whatever the orders' finding, so the answer that reveals it is a recorded one.
  const { eligibility, orderFindings } = await assessWithOrders(deps, body, discloseParticipant);
  const reason: BookingReason = eligibility.eligible ? 'OFFICER_DECISION' : 'INELIGIBLE';
  try {
    await recordBookingRow(db, {
      id: bookingId,
      ...arrestSubmittedRow(body, submissionHash, actor),
      prosecutorOffices: offices,
      reason,
      eligibility: JSON.parse(JSON.stringify(eligibility)) as object,
      bookedAt: body.referredAt ? new Date(body.referredAt) : new Date(),
      details: JSON.parse(
        JSON.stringify(recordedArrestFacts(body, { orderFindings, eligibility, offenseLevel }, actor)),
      ) as object,
    });
    return { bookingId, created: true, reason, eligibility };
  } catch (err) {
    // A concurrent copy of the same submission won the race on the unique key: its booking is this one.
    const winner = isUniqueViolation(err) && (await existing());
    if (winner) return recorded(winner, false);
    throw err;
  }
}
