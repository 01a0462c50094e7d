import type { CaseProgress } from '../../contract/activity-contract';
import type { Database } from './database';
import { recordReleasesOf } from './releases';

/**
 * What the case workflows record (the projection the lists and reads are served from): a case's
 * progress, and the social contact a handed-off diversion opens (R-VICTIM). Written by the worker,
 * by case id — no reader involved.
 */

/** An instant as the database keeps it: `timestamp(3)`, in UTC (as Prisma writes it). */
const utc = (instant: string | Date) => (instant instanceof Date ? instant.toISOString() : instant);

/**
 * A case's progress, in one statement: its new events (each once, by case and sequence number), then —
 * unless a newer projection already landed — its stage, next deadline and case manager (the first one
 * to act), and the deadlines that changed. One statement is one round trip and atomic: the projection
 * runs for every event of every case, so a transaction's BEGIN, COMMIT and a query per row were most of
 * its cost. The releases its events give, amend or end are written first (R-CONSENT), so a rescission
 * is never behind the stage that records it; each of those writes is idempotent, as a retry needs.
 */
export async function recordProgress(db: Database, progress: CaseProgress): Promise<void> {
  const { referralId, events } = progress;
  await recordReleasesOf(db, referralId, events);
  const now = utc(new Date());
  const rows = {
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      ruleId: e.ruleId,
      occurredAt: utc(e.at),
      actorId: e.actor.id,
      actorRole: e.actor.role,
      requestId: e.requestId ?? null,
      data: e.data ?? null,
    })),
    deadlines: progress.deadlinesChanged.map((d) => ({ ...d, dueAt: utc(d.dueAt) })),
  };
  const caseManager = events.find((e) => e.actor.role === 'case_manager')?.actor.id ?? null;
  const next = progress.nextDeadline;
  await db.$executeRaw`
    WITH new_events AS (
      INSERT INTO "CaseEvent" ("referralId", "seq", "type", "ruleId", "occurredAt", "actorId", "actorRole", "requestId", "data")
      SELECT ${referralId}, e."seq", e."type", e."ruleId", e."occurredAt", e."actorId", e."actorRole", e."requestId", e."data"
      FROM jsonb_to_recordset(${JSON.stringify(rows.events)}::jsonb) AS e(
        "seq" int, "type" text, "ruleId" text, "occurredAt" timestamp(3), "actorId" text, "actorRole" text,
        "requestId" text, "data" jsonb)
      ON CONFLICT ("referralId", "seq") DO NOTHING
    ), progressed AS (
      UPDATE "Referral" SET
        "projectedSeq" = ${progress.seq},
        "referredAt" = ${utc(progress.referredAt)}::timestamp(3),
        "stage" = ${progress.stage},
        "outcome" = ${progress.outcome ?? null},
        "stuckReasons" = ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(progress.stuckReasons)}::jsonb)),
        "nextDeadlineAt" = ${next ? utc(next.dueAt) : null}::timestamp(3),
        "nextDeadlineRule" = ${next?.ruleId ?? null},
        "caseManagerId" = COALESCE("caseManagerId", ${caseManager}),
        "updatedAt" = ${now}::timestamp(3)
      WHERE "id" = ${referralId} AND "projectedSeq" < ${progress.seq}
      RETURNING "id"
    )
    INSERT INTO "Deadline" ("referralId", "ruleId", "name", "dueAt", "status", "updatedAt")
    SELECT p."id", d."ruleId", d."name", d."dueAt", d."status", ${now}::timestamp(3)
    FROM progressed p
    CROSS JOIN jsonb_to_recordset(${JSON.stringify(rows.deadlines)}::jsonb) AS d(
      "ruleId" text, "name" text, "dueAt" timestamp(3), "status" text)
    ON CONFLICT ("referralId", "ruleId") DO UPDATE
      SET "name" = EXCLUDED."name", "dueAt" = EXCLUDED."dueAt", "status" = EXCLUDED."status",
          "updatedAt" = EXCLUDED."updatedAt"`;
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
