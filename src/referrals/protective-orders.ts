import type { EligibilityResult, Reason } from '../eligibility/eligibility';
import type { Database } from '../db/queries/database';
import { enrolledCasesOfIdentity } from '../db/queries/people';
import type { ProtectiveOrder } from './person-schema';

/** A current participant an order was found to protect (never named to the officer). */
export interface ProtectedParticipant {
  caseId: string;
  personId: string;
}

/** Told of each participant whose protection an answer reveals, to record it (R-DISCLOSE). */
export type DiscloseParticipant = (participant: ProtectedParticipant) => void;

/**
 * R-EX-ORDER: the enrolled cases (an arrest diversion or a social contact) of the person each order
 * protects. The same person means the same state id (whatever the spelling of the name), or the same
 * date of birth with the same full name — a name alone never matches. Former participants and people
 * never enrolled do not count.
 */
async function participantsProtectedBy(db: Database, orders: ProtectiveOrder[]): Promise<ProtectedParticipant[][]> {
  return Promise.all(
    orders.map(async ({ protectedPerson: p }) => {
      const cases = await enrolledCasesOfIdentity(db, p);
      return cases.map((c) => ({ caseId: c.id, personId: c.personId }));
    }),
  );
}

/**
 * R-EX-ORDER, R-DISCLOSE: checks the orders of a submission the officer is making — only then, never in
 * a dry run, so that the check cannot be used to ask who is in LEAD. The finding is yes or no per order,
 * never who nor anything of their case; the answer reveals each participant it finds (that they are in
 * LEAD today) to the officer, so each is reported to `disclose`, once.
 */
export async function checkProtectiveOrders(
  db: Database,
  orders: ProtectiveOrder[],
  disclose: DiscloseParticipant,
): Promise<boolean[]> {
  if (orders.length === 0) return [];
  const found = await participantsProtectedBy(db, orders);
  const cases = new Map(found.flat().map((p) => [p.caseId, p]));
  for (const participant of cases.values()) disclose(participant);
  return found.map((participants) => participants.length > 0);
}

/** Whether a request body, as sent, carries orders that its submission would have checked (rate limits count it). */
export function hasProtectiveOrders(body: unknown): boolean {
  const orders = (body as { protectiveOrders?: unknown } | undefined)?.protectiveOrders;
  return Array.isArray(orders) && orders.length > 0;
}

/** What an answer says of orders it did not check against today's participants. */
export const ORDERS_NOT_CHECKED: Reason = {
  ruleId: 'R-EX-ORDER',
  message:
    'the protective orders are checked against the people in LEAD today only when the referral is recorded (R-EX-ORDER)',
};

/** An eligibility judged without checking the orders says so, when there are orders. */
export const notingUncheckedOrders = (result: EligibilityResult, orders: ProtectiveOrder[]): EligibilityResult =>
  orders.length === 0 ? result : { ...result, notes: [...result.notes, ORDERS_NOT_CHECKED] };

/** What the referral keeps of its orders: their type and the finding, not whom they protect. */
export const recordedOrders = (orders: ProtectiveOrder[], findings: boolean[]) =>
  orders.map((o, i) => ({ type: o.type, protectsCurrentParticipant: findings[i] ?? false }));
