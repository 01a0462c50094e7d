import type { PrismaClient } from '../generated/prisma/client';
import type { ProtectiveOrder } from './person-schema';

/**
 * R-EX-ORDER: does each order protect someone enrolled in LEAD today (an arrest diversion or a social
 * contact)? The same person means the same state id (whatever the spelling of the name), or the same
 * date of birth with the same full name — a name alone never matches. Former participants and people
 * never enrolled do not count. The answer is yes or no per order: never who, nor anything of their case.
 */
export async function ordersProtectingParticipants(db: PrismaClient, orders: ProtectiveOrder[]): Promise<boolean[]> {
  return Promise.all(
    orders.map(async ({ protectedPerson: p }) => {
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
      if (sameIdentity.length === 0) return false;
      return (await db.referral.count({ where: { stage: 'ENROLLED', person: { OR: sameIdentity } } })) > 0;
    }),
  );
}

/** What the referral keeps of its orders: their type and the finding, not whom they protect. */
export const recordedOrders = (orders: ProtectiveOrder[], findings: boolean[]) =>
  orders.map((o, i) => ({ type: o.type, protectsCurrentParticipant: findings[i] ?? false }));
