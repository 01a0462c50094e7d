import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { CaseEvent } from '../../case/case-event-types';
import type { ConsentRecord } from '../../case/case-state';
import type { ReleaseCoverage } from '../../shared/case-vocabulary';
import { NO_COVERAGE } from '../../shared/case-vocabulary';
import { releaseIdOf } from '../../case/release-id';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * R-CONSENT: the release of information as a record. The case's projection writes it from the case's
 * events (given, rescinded); a rescission is also written at once by whoever records it, so no partner
 * reads under a release that has ended.
 */
export async function recordReleasesOf(db: Db, referralId: string, events: CaseEvent[]): Promise<void> {
  const given = events.filter((e) => e.type === 'CONSENT_GIVEN');
  if (given.length > 0) {
    const { personId } = await db.referral.findUniqueOrThrow({ where: { id: referralId }, select: { personId: true } });
    const releases = given.map((e) => {
      const covers = e.data.covers ?? NO_COVERAGE;
      return {
        id: releaseIdOf(referralId, e.seq),
        method: e.data.method,
        memorializedBy: e.data.memorializedBy ?? null,
        coversStaffing: covers.staffing,
        providers: covers.providers,
        givenAt: new Date(e.at),
        givenById: e.actor.id,
      };
    });
    await db.releaseOfInformation.createMany({
      skipDuplicates: true,
      data: releases.map((r) => ({ ...r, referralId, personId })),
    });
    await db.releaseVersion.createMany({
      skipDuplicates: true,
      data: releases.map(({ id, ...terms }) => ({ releaseId: id, version: 1, ...terms })),
    });
  }
  for (const e of events) {
    if (e.type === 'RELEASE_AMENDED') {
      await recordReleaseVersion(db, {
        releaseId: releaseIdOf(referralId, e.data.releaseSeq),
        version: e.data.version,
        method: e.data.method,
        memorializedBy: e.data.memorializedBy ?? null,
        covers: e.data.covers,
        at: new Date(e.at),
        byId: e.actor.id,
      });
    }
    if (e.type === 'CONSENT_RESCINDED' || (e.type === 'EXITED' && e.data?.reason === 'CONSENT_RESCINDED')) {
      await rescindRelease(db, { referralId, at: new Date(e.at), byId: e.actor.id, givenBefore: new Date(e.at) });
    }
  }
}

/**
 * R-CONSENT (Decision 2026-12-02): an amendment of a release as a new version; the release row takes
 * the newest version's terms (an older version arriving late never overwrites a newer one).
 */
export async function recordReleaseVersion(
  db: Db,
  v: {
    releaseId: string;
    version: number;
    method: string;
    memorializedBy: string | null;
    covers: ReleaseCoverage;
    at: Date;
    byId: string;
  },
): Promise<void> {
  const terms = {
    method: v.method,
    memorializedBy: v.memorializedBy,
    coversStaffing: v.covers.staffing,
    providers: v.covers.providers,
  };
  await db.releaseVersion.createMany({
    skipDuplicates: true,
    data: [{ releaseId: v.releaseId, version: v.version, ...terms, givenAt: v.at, givenById: v.byId }],
  });
  await db.releaseOfInformation.updateMany({
    where: { id: v.releaseId, version: { lt: v.version } },
    data: { ...terms, version: v.version, amendedAt: v.at, amendedById: v.byId },
  });
}

/** The amendment a case's consent record says is in force, stored at once (the projection writes it too). */
export async function recordAmendmentOf(db: Db, referralId: string, consent: ConsentRecord): Promise<void> {
  if (consent.status !== 'GIVEN' || !consent.amendedAt || !consent.amendedBy || !consent.method) return;
  await recordReleaseVersion(db, {
    releaseId: releaseIdOf(referralId, consent.givenSeq),
    version: consent.version ?? 1,
    method: consent.method,
    memorializedBy: consent.memorializedBy ?? null,
    covers: consent.covers ?? NO_COVERAGE,
    at: new Date(consent.amendedAt),
    byId: consent.amendedBy.id,
  });
}

/** Ends the release in force (if any): returns whether one was in force. */
export async function rescindRelease(
  db: Db,
  r: { referralId: string; at: Date; byId: string; givenBefore?: Date },
): Promise<boolean> {
  const ended = await db.releaseOfInformation.updateMany({
    where: {
      referralId: r.referralId,
      rescindedAt: null,
      ...(r.givenBefore ? { givenAt: { lte: r.givenBefore } } : {}),
    },
    data: { rescindedAt: r.at, rescindedById: r.byId },
  });
  return ended.count > 0;
}
