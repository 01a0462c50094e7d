import type { Database } from '../db/queries/database';
import { bookingBySubmission } from '../db/queries/evaluation';
import { ReferralRefused } from './referral-refused';

/** R-EVAL: a submission already booked is not diverted too (the same submission id). */
export async function refuseIfBooked(db: Database, submissionId: string): Promise<void> {
  const booked = await bookingBySubmission(db, submissionId);
  if (booked)
    throw new ReferralRefused(
      'ALREADY_BOOKED',
      `submissionId ${submissionId} was recorded as booking ${booked.id} (not diverted); a diversion needs a new submission (R-EVAL)`,
      { ruleId: 'R-EVAL', fields: [{ field: 'submissionId', message: 'already recorded as a booking' }] },
    );
}
