import type { PrismaClient } from '../generated/prisma/client';

export interface PriorReferral {
  caseId: string;
  type: string;
  stage: string;
  referredAt: string | null;
}

/** A prior referral and whose it is (the person id stays in the service: it is what a disclosure is recorded against). */
export interface FoundPriorReferral extends PriorReferral {
  personId: string;
}

/**
 * R-EL-PRIOR: earlier referrals of the same person, shown to the officer (they never block a new one).
 * The same person means the same date of birth together with the same state id or the same full name —
 * never a name alone, nor a date of birth alone.
 */
export async function findPriorReferrals(
  db: PrismaClient,
  person: { givenName: string; familyName: string; dateOfBirth: string; stateId?: string },
  excludeSubmissionId?: string,
): Promise<FoundPriorReferral[]> {
  const dateOfBirth = new Date(`${person.dateOfBirth}T00:00:00Z`);
  const rows = await db.referral.findMany({
    where: {
      ...(excludeSubmissionId ? { NOT: { submissionId: excludeSubmissionId } } : {}),
      person: {
        dateOfBirth,
        OR: [
          ...(person.stateId ? [{ stateId: person.stateId }] : []),
          {
            givenName: { equals: person.givenName, mode: 'insensitive' as const },
            familyName: { equals: person.familyName, mode: 'insensitive' as const },
          },
        ],
      },
    },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, personId: true, type: true, stage: true, referredAt: true },
  });
  return rows.map((r) => ({
    caseId: r.id,
    personId: r.personId,
    type: r.type,
    stage: r.stage,
    referredAt: r.referredAt?.toISOString() ?? null,
  }));
}
