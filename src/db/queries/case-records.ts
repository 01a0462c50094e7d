import type { Referral } from '../../generated/prisma/client';
import type { ReadableCase } from './cases';
import type { Database } from './database';

/**
 * What is recorded on a case beside its events: its release of information, self-reported
 * demographics, milestones, staffing nominations, the accounting of disclosures of its person and its
 * audit trail. Each takes the case as read through its reader's scope (`readableCase`), so none can be
 * asked about a case the reader has no relation to.
 */

/** The stored release, the latest demographics and the milestones the disclosure policy decides on. */
export async function caseRecordsOf(db: Database, referral: Pick<Referral, 'id'>) {
  const [release, demographics, milestones] = await Promise.all([
    db.releaseOfInformation.findFirst({ where: { referralId: referral.id }, orderBy: { givenAt: 'desc' } }),
    db.selfReportedDemographics.findFirst({ where: { referralId: referral.id }, orderBy: { id: 'desc' } }),
    db.iipMilestone.findMany({ where: { referralId: referral.id }, orderBy: [{ reachedOn: 'asc' }, { id: 'asc' }] }),
  ]);
  return { release, demographics, milestones };
}

/** R-DISCLOSE: the accounting of disclosures of the case's person, over all their cases, with the names of who was shown. */
export async function disclosuresOfPersonOf(db: Database, readable: ReadableCase) {
  const rows = await db.disclosure.findMany({
    where: { personId: readable.personId },
    orderBy: { id: 'asc' },
    take: 10_000,
  });
  const names = await displayNamesOf(
    db,
    rows.map((d) => d.actorId),
  );
  return { rows, names };
}

/** The display names of the accounts among these ids (someone without an account here has none). */
export async function displayNamesOf(db: Database, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const accounts = await db.user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, displayName: true },
  });
  return new Map(accounts.map((a) => [a.id, a.displayName]));
}

/** The audit trail of the case: every request that touched it, oldest first. */
export function auditTrailOf(db: Database, readable: ReadableCase) {
  return db.auditEntry.findMany({ where: { caseId: readable.id }, orderBy: { id: 'asc' }, take: 5000 });
}

/** R-STAFFING: one nomination per case, month and person — the one recorded before, or this one. */
export async function nominateForStaffing(
  db: Database,
  readable: ReadableCase,
  n: { forMonth: string; reason: string; nominatedById: string; nominatedByRole: string; requestId: string },
) {
  const key = {
    referralId_forMonth_nominatedById: {
      referralId: readable.id,
      forMonth: n.forMonth,
      nominatedById: n.nominatedById,
    },
  };
  const existing = await db.staffingNomination.findUnique({ where: key });
  if (existing) return { nomination: existing, created: false };
  const nomination = await db.staffingNomination.upsert({
    where: key,
    create: { referralId: readable.id, ...n },
    update: {},
  });
  return { nomination, created: true };
}

/** R-EVAL: the person's own answers about themselves, the latest of which are the ones read. */
export function recordDemographics(
  db: Database,
  readable: ReadableCase,
  answers: {
    raceEthnicityAnswer: string;
    raceEthnicity: string[];
    gender: string | null;
    preferredLanguage: string | null;
    housingAtReferral: string | null;
    recordedById: string;
    requestId: string;
  },
) {
  return db.selfReportedDemographics.create({ data: { referralId: readable.id, ...answers } });
}

/** Whether the case has an enrolled participant (R-IIP). */
export async function isEnrolled(db: Database, readable: ReadableCase): Promise<boolean> {
  return (await db.caseEvent.count({ where: { referralId: readable.id, type: 'ENROLLED' } })) > 0;
}

/** R-EVAL, R-IIP: a milestone reached — the one recorded before on the same date, or this one. */
export async function recordMilestone(
  db: Database,
  readable: ReadableCase,
  m: { milestone: string; reachedOn: Date; recordedById: string; requestId: string },
) {
  const key = { referralId: readable.id, milestone: m.milestone, reachedOn: m.reachedOn };
  const existing = await db.iipMilestone.findUnique({ where: { referralId_milestone_reachedOn: key } });
  if (existing) return { milestone: existing, created: false };
  const milestone = await db.iipMilestone.upsert({
    where: { referralId_milestone_reachedOn: key },
    create: { ...key, recordedById: m.recordedById, requestId: m.requestId },
    update: {},
  });
  return { milestone, created: true };
}
