import type { Database } from '../db/queries/database';
import { priorReferralsOf } from '../db/queries/people';

export interface PriorReferral {
  caseId: string;
  type: string;
  stage: string;
  referredAt: string | null;
}

/** A prior referral and whose it is (the person id stays in the service: it is what a disclosure is recorded against). */
export interface FoundPriorReferral extends PriorReferral {
  personId: string;
}

/**
 * R-EL-PRIOR: earlier referrals of the same person, shown to the officer (they never block a new one).
 * The same person means the same date of birth together with the same state id or the same full name —
 * never a name alone, nor a date of birth alone.
 */
export async function findPriorReferrals(
  db: Database,
  person: { givenName: string; familyName: string; dateOfBirth: string; stateId?: string },
  excludeSubmissionId?: string,
): Promise<FoundPriorReferral[]> {
  const rows = await priorReferralsOf(db, person, excludeSubmissionId);
  return rows.map((r) => ({
    caseId: r.id,
    personId: r.personId,
    type: r.type,
    stage: r.stage,
    referredAt: r.referredAt?.toISOString() ?? null,
  }));
}
