import { createHash } from 'node:crypto';
import { markWorkflowStarted } from '../db/queries/case-progress';
import { isUniqueViolation, type Database } from '../db/queries/database';
import { recordReferralRow, referralBySubmission, type ReferralRow } from '../db/queries/referrals';
import { ReferralRefused } from './referral-refused';

/** JSON with sorted keys, so the same submission always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const submissionHashOf = (body: unknown) => createHash('sha256').update(canonical(body)).digest('hex');

export type NewReferral = ReferralRow;

/**
 * The referral row of an earlier submission with this id, or undefined; a reused submission id with
 * different content is refused.
 */
export async function existingSubmission(db: Database, submissionId: string, submissionHash: string) {
  const existing = await referralBySubmission(db, submissionId);
  if (existing && existing.submissionHash !== submissionHash) {
    throw new ReferralRefused(
      'SUBMISSION_ID_REUSED',
      `submissionId ${submissionId} was already used for referral ${existing.id} with different content; a new referral needs a new submissionId`,
      {
        fields: [{ field: 'submissionId', message: 'already used for a different referral' }],
      },
    );
  }
  return existing;
}

/** A referral row as an earlier submission recorded it. */
export type RecordedReferral = NonNullable<Awaited<ReturnType<typeof referralBySubmission>>>;

/**
 * Records the person and the referral in one transaction, for a submission id not seen before: a
 * concurrent copy of the same submission loses the race on the unique key and gets the winner's row.
 */
export async function recordReferral(
  db: Database,
  r: NewReferral,
): Promise<{ created: true; personId: string } | { created: false; recorded: RecordedReferral }> {
  try {
    return { created: true, personId: await recordReferralRow(db, r) };
  } catch (err) {
    const recorded = isUniqueViolation(err)
      ? await existingSubmission(db, r.submissionId, r.submissionHash)
      : undefined;
    if (recorded) return { created: false, recorded };
    throw err;
  }
}

export { markWorkflowStarted };
