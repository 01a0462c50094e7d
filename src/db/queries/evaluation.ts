import { Prisma } from '../../generated/prisma/client';
import { readableBookingsWhere } from '../../disclosure';
import { BOOKING_ID_PATTERN } from '../../evaluation/booking-id';
import type { ReaderIdentity } from '../../disclosure';
import type { Database } from './database';

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
export function latestEvaluationResult(db: Database) {
  return db.evaluationResult.findFirst({ orderBy: { id: 'desc' } });
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
    if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
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
export function storeEvaluationResult(db: Database, computedAt: Date, figures: object) {
  return db.evaluationResult.create({ data: { computedAt, figures } });
}
