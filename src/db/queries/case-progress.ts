import type { Prisma } from '../../generated/prisma/client';
import type { CaseProgress } from '../../contract/activity-contract';
import type { Database } from './database';
import { recordReleasesOf } from './releases';

/**
 * What the case workflows record (the projection the lists and reads are served from): a case's
 * progress, and the social contact a handed-off diversion opens (R-VICTIM). Written by the worker,
 * by case id — no reader involved.
 */

/**
 * A case's progress in one transaction: new events (each once, by case and sequence number) and the
 * releases of information they give or end, then the case's stage and deadlines — unless a newer
 * projection already landed.
 */
export function recordProgress(db: Database, progress: CaseProgress) {
  const { referralId } = progress;
  return db.$transaction(async (tx) => {
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
          data: (e.data ?? undefined) as Prisma.InputJsonValue | undefined,
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
    for (const d of progress.deadlinesChanged) {
      const fields = { name: d.name, dueAt: new Date(d.dueAt), status: d.status };
      await tx.deadline.upsert({
        where: { referralId_ruleId: { referralId, ruleId: d.ruleId } },
        create: { referralId, ruleId: d.ruleId, ...fields },
        update: fields,
      });
    }
  });
}

/** When a case's follow-ups count from (R-EVAL), and its agency. */
export function followUpStartOf(db: Database, caseId: string) {
  return db.referral.findUnique({
    where: { id: caseId },
    select: { agency: true, referredAt: true, createdAt: true },
  });
}

/** The original case of a hand-off (R-VICTIM). */
export function caseById(db: Database, caseId: string) {
  return db.referral.findUniqueOrThrow({ where: { id: caseId } });
}

/** Records the linked social contact, once (its id derives from the original case). */
export function recordLinkedSocialContact(
  db: Database,
  c: {
    id: string;
    submissionId: string;
    personId: string;
    agency: string;
    officerId: string;
    submittedById: string | null;
    linkedFromId: string;
    details: object;
  },
) {
  return db.referral.createMany({
    skipDuplicates: true,
    data: [{ ...c, submissionHash: c.submissionId, type: 'SOCIAL_CONTACT' }],
  });
}

/**
 * R-VICTIM, R-CONSENT: the original case's release in force continues for the linked case under
 * `carriedId`, with its versions; returns whether there was one.
 */
export async function carryReleaseOver(db: Database, fromCaseId: string, toCaseId: string, carriedId: string) {
  const release = await db.releaseOfInformation.findFirst({
    where: { referralId: fromCaseId, rescindedAt: null },
    orderBy: { givenAt: 'desc' },
  });
  if (!release) return false;
  await db.releaseOfInformation.createMany({
    skipDuplicates: true,
    data: [{ ...release, id: carriedId, referralId: toCaseId, createdAt: undefined }],
  });
  const versions = await db.releaseVersion.findMany({ where: { releaseId: release.id } });
  await db.releaseVersion.createMany({
    skipDuplicates: true,
    data: versions.map((v) => ({ ...v, releaseId: carriedId, createdAt: undefined })),
  });
  return true;
}

/** The case's workflow was started (the reconciler then leaves it alone). */
export function markWorkflowStarted(db: Database, caseId: string) {
  return db.referral.updateMany({
    where: { id: caseId, workflowStartedAt: null },
    data: { workflowStartedAt: new Date() },
  });
}
