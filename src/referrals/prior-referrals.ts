import type { PrismaClient } from '../generated/prisma/client';

export interface PriorReferral {
  caseId: string;
  type: string;
  stage: string;
  referredAt: string | null;
}

/**
 * R-EL-PRIOR: earlier referrals of the same person, shown to the officer (they never block a new
 * one). A match needs an identity field — the same state id, or the same date of birth with the same
 * family or given name — never names alone.
 */
export async function findPriorReferrals(
  db: PrismaClient,
  person: { givenName: string; familyName: string; dateOfBirth: string; stateId?: string },
  excludeSubmissionId?: string,
): Promise<PriorReferral[]> {
  const dateOfBirth = new Date(`${person.dateOfBirth}T00:00:00Z`);
  const rows = await db.referral.findMany({
    where: {
      ...(excludeSubmissionId ? { NOT: { submissionId: excludeSubmissionId } } : {}),
      person: {
        OR: [
          ...(person.stateId ? [{ stateId: person.stateId }] : []),
          { dateOfBirth, familyName: { equals: person.familyName, mode: 'insensitive' as const } },
          { dateOfBirth, givenName: { equals: person.givenName, mode: 'insensitive' as const } },
        ],
      },
    },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, type: true, stage: true, referredAt: true },
  });
  return rows.map((r) => ({ caseId: r.id, type: r.type, stage: r.stage, referredAt: r.referredAt?.toISOString() ?? null }));
}
