import type { Prisma, PrismaClient } from '../generated/prisma/client';
import type { CaseEvent, ReleaseCoverage } from '../shared/case-model';
import { NO_COVERAGE } from '../shared/case-model';

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
    await db.releaseOfInformation.createMany({
      skipDuplicates: true,
      data: given.map((e) => {
        const covers = (e.data?.covers as ReleaseCoverage | undefined) ?? NO_COVERAGE;
        return {
          id: `${referralId}.${e.seq}`,
          referralId,
          personId,
          method: String(e.data?.method ?? 'WRITTEN'),
          memorializedBy: (e.data?.memorializedBy as string | undefined) ?? null,
          coversStaffing: covers.staffing,
          providers: covers.providers,
          givenAt: new Date(e.at),
          givenById: e.actor.id,
        };
      }),
    });
  }
  for (const e of events) {
    if (e.type === 'CONSENT_RESCINDED' || (e.type === 'EXITED' && e.data?.reason === 'CONSENT_RESCINDED')) {
      await rescindRelease(db, { referralId, at: new Date(e.at), byId: e.actor.id, givenBefore: new Date(e.at) });
    }
  }
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
