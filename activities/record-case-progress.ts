import { followUpStartOf, recordProgress } from '../src/db/queries/case-progress';
import type { CaseProgress } from '../src/contract/activity-contract';
import type { ActivityDeps } from './activity-deps';
import { startFollowUps } from '../src/evaluation/follow-ups';

/**
 * Writes a case's progress to the database: new events (each once, by case and sequence number) and
 * the releases of information they give or end, then the case's stage and deadlines — unless a newer
 * projection already landed.
 */
export async function recordCaseProgress(deps: ActivityDeps, progress: CaseProgress): Promise<void> {
  const { db } = deps;
  await recordProgress(db, progress);
  if (progress.events.some((e) => e.type === 'ENROLLED')) await followUpEnrolled(deps, progress.referralId);
}

/**
 * R-EVAL: an enrolled participant's outcomes are followed up from their referral date — a social
 * contact's too (2026-12-02); one continuing a handed-off participant opens enrolled, without an
 * ENROLLED event, so the person is followed once, under the diversion. Started here
 * when possible; if Temporal cannot be reached now, the worker's reconciliation starts them.
 */
async function followUpEnrolled(deps: ActivityDeps, referralId: string): Promise<void> {
  const referral = await followUpStartOf(deps.db, referralId);
  if (!referral) return;
  await startFollowUps(
    deps,
    { recordId: referralId, agency: referral.agency, startedAt: referral.referredAt ?? referral.createdAt },
    await deps.configOf(referralId),
  ).catch(() => undefined);
}
