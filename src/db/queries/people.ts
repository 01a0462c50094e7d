import type { Database, Transaction } from './database';

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
export async function personIdFor(tx: Transaction, person: PersonFacts): Promise<string> {
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

/** The same person as R-EL-PRIOR means it: the same date of birth with the same state id or the same full name. */
export function priorReferralsOf(
  db: Database,
  person: { givenName: string; familyName: string; dateOfBirth: string; stateId?: string },
  excludeSubmissionId?: string,
) {
  const dateOfBirth = new Date(`${person.dateOfBirth}T00:00:00Z`);
  return db.referral.findMany({
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
}

/**
 * R-EX-ORDER: the enrolled cases of the person a protective order protects — the same state id
 * (whatever the spelling of the name), or the same date of birth with the same full name.
 */
export function enrolledCasesOfIdentity(
  db: Database,
  p: { stateId?: string; dateOfBirth?: string; givenName?: string; familyName?: string },
) {
  const sameIdentity = [
    ...(p.stateId ? [{ stateId: { equals: p.stateId.trim(), mode: 'insensitive' as const } }] : []),
    ...(p.dateOfBirth && p.givenName && p.familyName
      ? [
          {
            dateOfBirth: new Date(`${p.dateOfBirth}T00:00:00Z`),
            givenName: { equals: p.givenName, mode: 'insensitive' as const },
            familyName: { equals: p.familyName, mode: 'insensitive' as const },
          },
        ]
      : []),
  ];
  if (sameIdentity.length === 0) return Promise.resolve([]);
  return db.referral.findMany({
    where: { stage: 'ENROLLED', person: { OR: sameIdentity } },
    select: { id: true, personId: true },
  });
}

/** R-COORD: the enrolled cases of these people. */
export function enrolledCasesOfPeople(db: Database, personIds: string[]) {
  return db.referral.findMany({
    where: { personId: { in: personIds }, stage: 'ENROLLED' },
    select: { id: true, personId: true },
  });
}
