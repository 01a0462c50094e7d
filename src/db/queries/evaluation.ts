import { NOT_DIVERTED_OUTCOMES } from '../../shared/case-vocabulary';
import { idsOfProgram, inProgram } from './program-records';
import { readableBookingsWhere } from '../../disclosure';
import { BOOKING_ID_PATTERN } from '../../shared/record-ids';
import type { ReaderIdentity } from '../../disclosure';
import { isUniqueViolation, type Database } from './database';
import { readByIds } from './id-lists';
import { personIdFor } from './people';
import type { SubmittedRow } from './referrals';

/**
 * R-EVAL: the evaluation's own records — bookings of the comparison pool, outcomes, follow-ups,
 * demographics, milestones and the stored evaluation results.
 */

/**
 * R-EVAL: follow-ups whose reminder went unconfirmed — a sergeant's of their agency only (none without
 * one), the program's all of them; nobody else's.
 */
export function unconfirmedFollowUpsFor(db: Database, reader: ReaderIdentity) {
  const scope = followUpsReadableWhere(reader);
  if (!scope) return Promise.resolve([]);
  return db.followUp.findMany({
    where: { stuckSince: { not: null }, ...scope },
    orderBy: { dueAt: 'asc' },
    take: 500,
  });
}

/** The follow-ups a reader may know of: their agency's, or — the program — all; null: none. */
function followUpsReadableWhere(reader: ReaderIdentity): { agency?: string } | null {
  if (reader.role === 'sergeant') return { agency: reader.agency ?? '' };
  return ['supervisor', 'project_manager', 'case_manager'].includes(reader.role) ? {} : null;
}

/** R-EVAL: a follow-up of a case or booking, for a supervisor or the people of its agency; null for anyone else. */
export function followUpFor(db: Database, reader: ReaderIdentity, recordId: string) {
  if (reader.role !== 'supervisor' && !reader.agency) return Promise.resolve(null);
  return db.followUp.findFirst({
    where: { recordId, ...(reader.role === 'supervisor' ? {} : { agency: reader.agency }) },
  });
}

/** The bookings this reader may know of (`readableBookingsWhere`), newest first. */
export function readableBookings(db: Database, reader: ReaderIdentity) {
  return db.booking.findMany({ where: readableBookingsWhere(reader), orderBy: { bookedAt: 'desc' }, take: 500 });
}

/**
 * A booking with its person, if this reader may know of it (`readableBookingsWhere`); null — as for an
 * unknown id — otherwise. What of it they read is `discloseBooking`'s to decide.
 */
export function readableBooking(db: Database, reader: ReaderIdentity, bookingId: string) {
  if (!BOOKING_ID_PATTERN.test(bookingId)) return Promise.resolve(null);
  return db.booking.findFirst({
    where: { AND: [{ id: bookingId }, readableBookingsWhere(reader)] },
    include: { person: true },
  });
}

/** The booking just recorded (the recorder's own submission), for the follow-ups and the coordination it starts. */
export function recordedBooking(db: Database, bookingId: string) {
  return db.booking.findUniqueOrThrow({ where: { id: bookingId } });
}

/** R-EVAL: the figures the last evaluation run stored, if any. */
export function latestEvaluationResult(db: Database, caseIdPrefix: string) {
  return db.evaluationResult.findFirst({ where: { caseIdPrefix }, orderBy: { id: 'desc' } });
}

/**
 * R-EVAL: an outcome someone entered, once per entry: the one recorded before under the same key, or
 * this one (a concurrent twin's, when it wins the race).
 */
export async function recordEnteredOutcome(
  db: Database,
  outcome: {
    sourceRef: string;
    personId: string;
    kind: string;
    occurredOn: Date;
    level: string;
    agency: string;
    recordedById: string;
    recordedByRole: string;
    requestId: string;
  },
): Promise<{ id: string; created: boolean }> {
  const key = { source: 'ENTERED', sourceRef: outcome.sourceRef };
  const existing = await db.outcome.findUnique({ where: { source_sourceRef: key } });
  if (existing) return { id: existing.id, created: false };
  try {
    const created = await db.outcome.create({ data: { ...outcome, ...key } });
    return { id: created.id, created: true };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await db.outcome.findUniqueOrThrow({ where: { source_sourceRef: key } });
    return { id: winner.id, created: false };
  }
}

/** R-EVAL: a follow-up falls due — its row, created once. */
export function followUpDue(db: Database, f: { recordId: string; agency: string; months: number; dueAt: Date }) {
  const id = `${f.recordId}.${f.months}`;
  return db.followUp.upsert({ where: { id }, create: { id, ...f }, update: {} });
}

/** The agency's sergeants were told the follow-up is due. */
export function markFollowUpReminded(db: Database, id: string) {
  return db.followUp.update({ where: { id }, data: { remindedAt: new Date() } });
}

/** The follow-up was left unconfirmed: stuck since now (unless already). */
export function markFollowUpStuck(db: Database, id: string) {
  return db.followUp.updateMany({ where: { id, stuckSince: null }, data: { stuckSince: new Date() } });
}

/** The follow-up was confirmed (once): no longer stuck. */
export function markFollowUpConfirmed(db: Database, id: string, confirmedById: string) {
  return db.followUp.updateMany({
    where: { id, confirmedAt: null },
    data: { confirmedAt: new Date(), confirmedById, stuckSince: null },
  });
}

/** R-EVAL: a run's figures, stored as a new row (the latest is read). */
export function storeEvaluationResult(db: Database, caseIdPrefix: string, computedAt: Date, figures: object) {
  return db.evaluationResult.create({ data: { caseIdPrefix, computedAt, figures } });
}

/**
 * R-EVAL: what the evaluation reads of an arrest's recorded facts (`details`) — its offense level, the
 * perceived race and, for a diversion, whether the check found it eligible — read in SQL, never the whole
 * record: the full facts of 50,000 arrests outgrew the worker's heap (the `scale` bench, issue 25).
 */
export interface ArrestFacts {
  id: string;
  offenseLevel: string | null;
  perceivedRace: string[] | null;
}

/**
 * R-EVAL: every arrest of one program the eligibility check saw — the arrest diversions (enrolled or not)
 * and the bookings.
 */
export async function arrestRows(db: Database, caseIdPrefix: string) {
  const [referrals, bookings] = await Promise.all([
    db.$queryRaw<Array<ArrestFacts & { eligible: boolean; outcome: string | null; enrolled: boolean }>>`
      SELECT r."id", r."details"->>'offenseLevel' AS "offenseLevel", r."details"->'perceivedRace' AS "perceivedRace",
             coalesce((r."details"->'eligibility'->>'eligible')::boolean, false) AS "eligible", r."outcome",
             EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."referralId" = r."id" AND e."type" = 'ENROLLED') AS "enrolled"
      FROM "Referral" r WHERE r."type" = 'ARREST_DIVERSION' AND r."id" LIKE ${idsOfProgram(caseIdPrefix)}`,
    bookingFacts(db, caseIdPrefix),
  ]);
  return { referrals, bookings };
}

function bookingFacts(db: Database, caseIdPrefix: string) {
  return db.$queryRaw<Array<ArrestFacts & { reason: string }>>`
    SELECT "id", "details"->>'offenseLevel' AS "offenseLevel", "details"->'perceivedRace' AS "perceivedRace", "reason"
    FROM "Booking" WHERE "id" LIKE ${idsOfProgram(caseIdPrefix)}`;
}

/** R-EVAL: each arrest diversion's offense level, by case id (from its recorded facts, in SQL). */
async function offenseLevelsOfDiversions(db: Database, caseIdPrefix: string): Promise<Map<string, string | null>> {
  const rows = await db.$queryRaw<Array<{ id: string; offenseLevel: string | null }>>`
    SELECT "id", "details"->>'offenseLevel' AS "offenseLevel" FROM "Referral"
    WHERE "type" = 'ARREST_DIVERSION' AND "id" LIKE ${idsOfProgram(caseIdPrefix)}`;
  return new Map(rows.map((r) => [r.id, r.offenseLevel]));
}

/**
 * R-EVAL: one program's two cohorts — arrest diversions whose person was enrolled, and the comparison
 * pool (bookings, and referrals that ended in booking) — with the enrolled ones' milestones and every
 * outcome recorded for their people (a re-arrest counts wherever it was recorded).
 */
export async function evaluationCohortRows(db: Database, caseIdPrefix: string) {
  const [enrolled, bookings, notDiverted, diversionLevels, bookingLevels] = await Promise.all([
    db.referral.findMany({
      where: { type: 'ARREST_DIVERSION', events: { some: { type: 'ENROLLED' } }, ...inProgram(caseIdPrefix) },
      select: { id: true, personId: true, referredAt: true, createdAt: true, agency: true },
    }),
    db.booking.findMany({
      where: inProgram(caseIdPrefix),
      select: { id: true, personId: true, bookedAt: true, agency: true, reason: true },
    }),
    // R-EVAL (Decision 2026-12-02): every referral that ended in booking belongs to the comparison pool —
    // override denied, NCI declined, and screened out then charged.
    db.referral.findMany({
      where: {
        type: 'ARREST_DIVERSION',
        ...inProgram(caseIdPrefix),
        OR: [
          { outcome: { in: [...NOT_DIVERTED_OUTCOMES] } },
          { outcome: 'CHARGES_FILED', events: { some: { type: 'SCREENED_OUT' } } },
        ],
      },
      select: {
        id: true,
        personId: true,
        referredAt: true,
        createdAt: true,
        agency: true,
        outcome: true,
      },
    }),
    offenseLevelsOfDiversions(db, caseIdPrefix),
    bookingFacts(db, caseIdPrefix).then((rows) => new Map(rows.map((b) => [b.id, b.offenseLevel]))),
  ]);
  const people = [...new Set([...enrolled, ...bookings, ...notDiverted].map((r) => r.personId))];
  const milestones = await readByIds(
    enrolled.map((r) => r.id),
    (ids) =>
      db.iipMilestone.findMany({
        where: { referralId: { in: ids } },
        select: { referralId: true, milestone: true, reachedOn: true },
        orderBy: { reachedOn: 'asc' },
      }),
  );
  const outcomes = await readByIds(people, (ids) =>
    db.outcome.findMany({
      where: { personId: { in: ids } },
      select: { personId: true, kind: true, level: true, occurredOn: true },
      orderBy: { occurredOn: 'asc' },
    }),
  );
  const withLevel = <R extends { id: string }>(r: R, levels: Map<string, string | null>) => ({
    ...r,
    offenseLevel: levels.get(r.id) ?? null,
  });
  return {
    enrolled: enrolled.map((r) => withLevel(r, diversionLevels)),
    bookings: bookings.map((b) => withLevel(b, bookingLevels)),
    notDiverted: notDiverted.map((r) => withLevel(r, diversionLevels)),
    milestones,
    outcomes,
  };
}

/** R-EVAL: the follow-ups of a case or booking, created once each (6, 12 and 24 months). */
export function recordFollowUps(
  db: Database,
  followUps: Array<{ recordId: string; agency: string; months: number; dueAt: Date }>,
) {
  return db.followUp.createMany({
    data: followUps.map((f) => ({ id: `${f.recordId}.${f.months}`, ...f })),
    skipDuplicates: true,
  });
}

/** The latest enrolled referrals and bookings (500 of each), whose follow-ups may not have started. */
export async function followUpCandidates(db: Database) {
  const [enrolled, bookings] = await Promise.all([
    db.referral.findMany({
      where: { events: { some: { type: 'ENROLLED' } } },
      select: { id: true, agency: true, referredAt: true, createdAt: true },
      orderBy: { createdAt: 'desc' },
      take: 500,
    }),
    db.booking.findMany({
      select: { id: true, agency: true, bookedAt: true },
      orderBy: { createdAt: 'desc' },
      take: 500,
    }),
  ]);
  return { enrolled, bookings };
}

/** Which of these records have their follow-ups recorded. */
export async function recordsWithFollowUps(db: Database, recordIds: string[]): Promise<Set<string>> {
  const rows = await db.followUp.findMany({
    where: { recordId: { in: recordIds } },
    select: { recordId: true },
    distinct: ['recordId'],
  });
  return new Set(rows.map((f) => f.recordId));
}

/** R-EVAL: the people (at most two) an imported outcome's row names — names without regard to case, date of birth, state id where given. */
export function peopleMatching(
  db: Database,
  p: { givenName: string; familyName: string; dateOfBirth: string; stateId?: string },
) {
  return db.person.findMany({
    where: {
      dateOfBirth: new Date(`${p.dateOfBirth}T00:00:00Z`),
      givenName: { equals: p.givenName, mode: 'insensitive' },
      familyName: { equals: p.familyName, mode: 'insensitive' },
      ...(p.stateId ? { stateId: p.stateId } : {}),
    },
    select: { id: true },
    take: 2,
  });
}

/** R-EVAL: imported outcomes, each once (the same source and record id are not recorded again): how many are new. */
export async function recordImportedOutcomes(
  db: Database,
  outcomes: Array<{
    personId: string;
    kind: string;
    occurredOn: Date;
    level: string;
    agency: string;
    source: string;
    sourceRef: string;
    recordedById: string;
    recordedByRole: string;
    requestId: string;
  }>,
): Promise<number> {
  return (await db.outcome.createMany({ data: outcomes, skipDuplicates: true })).count;
}

/** The booking of a submission id, if one was recorded. */
export function bookingBySubmission(db: Database, submissionId: string) {
  return db.booking.findUnique({ where: { submissionId } });
}

/** R-EVAL: a booking of the comparison pool and its person (matched or created), in one transaction. */
export function recordBookingRow(
  db: Database,
  b: SubmittedRow & {
    id: string;
    prosecutorOffices: string[];
    reason: string;
    eligibility: object;
    bookedAt: Date;
    details: object;
  },
) {
  const { person, ...booking } = b;
  return db.$transaction(async (tx) => {
    await tx.booking.create({ data: { ...booking, personId: await personIdFor(tx, person) } });
  });
}
