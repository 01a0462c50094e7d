import type { Prisma } from '../generated/prisma/client';

export interface PersonFacts {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  stateId?: string;
}

/**
 * The person row of these facts, created when nobody matches (names without regard to case, the same
 * date of birth and state id). Inside the caller's transaction, for one identity at a time: records of
 * one person made at the same moment must find one person row (a lock held until the transaction ends).
 */
export async function personIdFor(tx: Prisma.TransactionClient, person: PersonFacts): Promise<string> {
  const dateOfBirth = new Date(`${person.dateOfBirth}T00:00:00Z`);
  const identity = [person.givenName, person.familyName, person.dateOfBirth, person.stateId ?? '']
    .join('|')
    .toLowerCase();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${identity}, 0))`;
  const known = await tx.person.findFirst({
    where: {
      dateOfBirth,
      givenName: { equals: person.givenName, mode: 'insensitive' },
      familyName: { equals: person.familyName, mode: 'insensitive' },
      stateId: person.stateId ?? null,
    },
  });
  return known?.id ?? (await tx.person.create({ data: { ...person, dateOfBirth } })).id;
}
