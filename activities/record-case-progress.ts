import { recordReleasesOf } from '../src/db/queries/releases';
import type { CaseProgress } from '../src/shared/activity-contract';
import type { ActivityDeps } from './activity-deps';
import { startFollowUps } from '../src/evaluation/follow-ups';

/**
 * Writes a case's progress to the database: new events (each once, by case and sequence number) and
 * the releases of information they give or end, then the case's stage and deadlines — unless a newer
 * projection already landed.
 */
export async function recordCaseProgress(deps: ActivityDeps, progress: CaseProgress): Promise<void> {
  const { db } = deps;
  const { referralId } = progress;
  await db.$transaction(async (tx) => {
    if (progress.events.length > 0) {
      await tx.caseEvent.createMany({
        skipDuplicates: true,
        data: progress.events.map((e) => ({
          referralId,
          seq: e.seq,
          type: e.type,
          ruleId: e.ruleId,
          occurredAt: new Date(e.at),
          actorId: e.actor.id,
          actorRole: e.actor.role,
          requestId: e.requestId ?? null,
          data: (e.data ?? undefined) as object | undefined,
        })),
      });
      await recordReleasesOf(tx, referralId, progress.events);
    }
    const updated = await tx.referral.updateMany({
      where: { id: referralId, projectedSeq: { lt: progress.seq } },
      data: {
        projectedSeq: progress.seq,
        referredAt: new Date(progress.referredAt),
        stage: progress.stage,
        outcome: progress.outcome ?? null,
        stuckReasons: progress.stuckReasons,
        nextDeadlineAt: progress.nextDeadline ? new Date(progress.nextDeadline.dueAt) : null,
        nextDeadlineRule: progress.nextDeadline?.ruleId ?? null,
      },
    });
    if (updated.count === 0) return;
    const caseManager = progress.events.find((e) => e.actor.role === 'case_manager');
    if (caseManager) {
      await tx.referral.updateMany({
        where: { id: referralId, caseManagerId: null },
        data: { caseManagerId: caseManager.actor.id },
      });
    }
    for (const d of progress.deadlines) {
      const fields = { name: d.name, dueAt: new Date(d.dueAt), status: d.status };
      await tx.deadline.upsert({
        where: { referralId_ruleId: { referralId, ruleId: d.ruleId } },
        create: { referralId, ruleId: d.ruleId, ...fields },
        update: fields,
      });
    }
  });
  if (progress.events.some((e) => e.type === 'ENROLLED')) await followUpEnrolled(deps, referralId);
}

/**
 * R-EVAL: an enrolled participant's outcomes are followed up from their referral date — a social
 * contact's too (2026-12-02); one continuing a handed-off participant opens enrolled, without an
 * ENROLLED event, so the person is followed once, under the diversion. Started here
 * when possible; if Temporal cannot be reached now, the worker's reconciliation starts them.
 */
async function followUpEnrolled(deps: ActivityDeps, referralId: string): Promise<void> {
  const referral = await deps.db.referral.findUnique({
    where: { id: referralId },
    select: { agency: true, referredAt: true, createdAt: true },
  });
  if (!referral) return;
  await startFollowUps(deps, {
    recordId: referralId,
    agency: referral.agency,
    startedAt: referral.referredAt ?? referral.createdAt,
  }).catch(() => undefined);
}
