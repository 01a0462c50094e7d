import type { Database } from './database';
import type { ReferralType } from '../../shared/case-vocabulary';
import { groupedBy } from '../../shared/grouped-by';
import { readByIds } from './id-lists';
import { idsOfProgram, inProgram } from './program-records';

/**
 * R-STAFFING: the monthly reports as stored, and what a report's rows are read with — the people,
 * releases and nominations of the cases it lists. Which of those a reader is shown is decided per row by
 * the disclosure policy (`staffingNameFor`, `clientReportLevel`, `disclosedNominations`).
 */

/** The report a program's schedule stored for a month, if any (the program by its case id prefix). */
export function storedReport(db: Database, caseIdPrefix: string, month: string) {
  return db.monthlyReport.findUnique({ where: { caseIdPrefix_month: { caseIdPrefix, month } } });
}

/** Stores a program's month (a retried or repeated run replaces the row). */
export function storeReport(db: Database, caseIdPrefix: string, month: string, scheduledAt: Date | null, data: object) {
  return db.monthlyReport.upsert({
    where: { caseIdPrefix_month: { caseIdPrefix, month } },
    create: { caseIdPrefix, month, scheduledAt, data },
    update: { scheduledAt, data, generatedAt: new Date() },
  });
}

interface ReportedCase {
  id: string;
  type: ReferralType;
  referredAt: Date;
  stage: string;
  caseManagerId: string | null;
  nextDeadlineAt: Date | null;
  nextDeadlineRule: string | null;
  stuckReasons: string[];
}

/**
 * One program's cases referred before `until`, with their events of the given types (those the monthly
 * report counts).
 * The cases are read in SQL: Prisma's mapping of 50,000 rows took twice as long. The events are one read
 * joined on the referral, not a relation load: Prisma would bind every case id in one statement, and
 * PostgreSQL binds at most 32,767.
 */
export async function casesReferredBefore(
  db: Database,
  caseIdPrefix: string,
  until: Date,
  eventTypes: readonly string[],
) {
  const cases = await db.$queryRaw<ReportedCase[]>`
    SELECT "id", "type", "referredAt", "stage", "caseManagerId", "nextDeadlineAt", "nextDeadlineRule", "stuckReasons"
    FROM "Referral" WHERE "referredAt" < ${until} AND "id" LIKE ${idsOfProgram(caseIdPrefix)}`;
  const referredBefore = { referredAt: { lt: until }, ...inProgram(caseIdPrefix) };
  const events = await db.caseEvent.findMany({
    where: { referral: referredBefore, type: { in: [...eventTypes] } },
    select: { referralId: true, type: true, occurredAt: true, data: true },
    orderBy: [{ referralId: 'asc' }, { seq: 'asc' }],
  });
  const eventsOf = groupedBy(events, (e) => e.referralId);
  return cases.map((c) => ({ ...c, events: eventsOf.get(c.id) ?? [] }));
}

/** One program's months stored (the latest 120), and its earliest referral's times. */
export async function reportedMonths(db: Database, caseIdPrefix: string) {
  const [rows, first] = await Promise.all([
    db.monthlyReport.findMany({
      where: { caseIdPrefix },
      select: { month: true, generatedAt: true },
      orderBy: { month: 'desc' },
      take: 120,
    }),
    db.referral.aggregate({
      where: inProgram(caseIdPrefix),
      _min: { referredAt: true, createdAt: true },
    }),
  ]);
  return { rows, firstReferredAt: first._min.referredAt, firstCreatedAt: first._min.createdAt };
}

/** The releases of these cases, each case's latest first. */
export function releasesOfCases(db: Database, caseIds: string[]) {
  return readByIds(caseIds, (ids) =>
    db.releaseOfInformation.findMany({ where: { referralId: { in: ids } }, orderBy: { givenAt: 'desc' } }),
  );
}

/**
 * The people of the cases on a month's staffing list, and that month's nominations of them. The people
 * are read in SQL with the case ids as one array: by Prisma, a list of 50,000 took three times as long.
 */
export async function staffingListRecords(db: Database, month: string, caseIds: string[]) {
  const [rows, nominations] = await Promise.all([
    db.$queryRaw<Array<{ id: string; personId: string; givenName: string; familyName: string }>>`
      SELECT r."id", r."personId", p."givenName", p."familyName"
      FROM "Referral" r JOIN "Person" p ON p."id" = r."personId" WHERE r."id" = ANY(${caseIds})`,
    db.staffingNomination.findMany({ where: { forMonth: month }, orderBy: { at: 'asc' } }),
  ]);
  const listed = new Set(caseIds);
  const referrals = rows.map(({ id, personId, givenName, familyName }) => ({
    id,
    personId,
    person: { givenName, familyName },
  }));
  return { referrals, nominations: nominations.filter((n) => listed.has(n.referralId)) };
}
