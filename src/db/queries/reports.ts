import type { Database } from './database';
import { groupedBy } from '../../shared/grouped-by';
import { readByIds } from './id-lists';

/**
 * R-STAFFING: the monthly reports as stored, and what a report's rows are read with — the people,
 * releases and nominations of the cases it lists. Which of those a reader is shown is decided per row by
 * the disclosure policy (`staffingNameFor`, `clientReportLevel`, `disclosedNominations`).
 */

/** The report the schedule stored for a month, if any. */
export function storedReport(db: Database, month: string) {
  return db.monthlyReport.findUnique({ where: { month } });
}

/** Stores a month's report (a retried or repeated run replaces the row). */
export function storeReport(db: Database, month: string, scheduledAt: Date | null, data: object) {
  return db.monthlyReport.upsert({
    where: { month },
    create: { month, scheduledAt, data },
    update: { scheduledAt, data, generatedAt: new Date() },
  });
}

/**
 * The cases referred before `until`, with their events of the given types (those the monthly report counts).
 * The events are one read joined on the referral, not a relation load: Prisma would bind every case id
 * in one statement, and PostgreSQL binds at most 32,767.
 */
export async function casesReferredBefore(db: Database, until: Date, eventTypes: readonly string[]) {
  const referredBefore = { referredAt: { lt: until } };
  const cases = await db.referral.findMany({
    where: referredBefore,
    select: {
      id: true,
      type: true,
      referredAt: true,
      stage: true,
      caseManagerId: true,
      nextDeadlineAt: true,
      nextDeadlineRule: true,
      stuckReasons: true,
    },
  });
  const events = await db.caseEvent.findMany({
    where: { referral: referredBefore, type: { in: [...eventTypes] } },
    select: { referralId: true, type: true, occurredAt: true, data: true },
    orderBy: [{ referralId: 'asc' }, { seq: 'asc' }],
  });
  const eventsOf = groupedBy(events, (e) => e.referralId);
  return cases.map((c) => ({ ...c, events: eventsOf.get(c.id) ?? [] }));
}

/** The months stored (the latest 120), and the earliest referral's times. */
export async function reportedMonths(db: Database) {
  const [rows, first] = await Promise.all([
    db.monthlyReport.findMany({ select: { month: true, generatedAt: true }, orderBy: { month: 'desc' }, take: 120 }),
    db.referral.aggregate({ _min: { referredAt: true, createdAt: true } }),
  ]);
  return { rows, firstReferredAt: first._min.referredAt, firstCreatedAt: first._min.createdAt };
}

/** The releases of these cases, each case's latest first. */
export function releasesOfCases(db: Database, caseIds: string[]) {
  return readByIds(caseIds, (ids) =>
    db.releaseOfInformation.findMany({ where: { referralId: { in: ids } }, orderBy: { givenAt: 'desc' } }),
  );
}

/** The people of the cases on a month's staffing list, and the nominations for that month. */
export async function staffingListRecords(db: Database, month: string, caseIds: string[]) {
  const [referrals, nominations] = await Promise.all([
    readByIds(caseIds, (ids) =>
      db.referral.findMany({
        where: { id: { in: ids } },
        select: { id: true, personId: true, person: { select: { givenName: true, familyName: true } } },
      }),
    ),
    readByIds(caseIds, (ids) =>
      db.staffingNomination.findMany({ where: { forMonth: month, referralId: { in: ids } }, orderBy: { at: 'asc' } }),
    ),
  ]);
  return { referrals, nominations };
}
