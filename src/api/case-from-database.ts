import type { PrismaClient } from '../generated/prisma/client';

/** A closed case whose workflow history is gone (retention) is read from the projection instead. */
export async function caseFromDatabase(db: PrismaClient, caseId: string) {
  const referral = await db.referral.findUniqueOrThrow({
    where: { id: caseId },
    include: { events: { orderBy: { seq: 'asc' } }, deadlines: true, notifications: true },
  });
  return {
    referralId: referral.id,
    type: referral.type,
    stage: referral.stage,
    outcome: referral.outcome ?? undefined,
    enrolled: referral.stage === 'ENROLLED',
    referredAt: referral.referredAt?.toISOString(),
    prosecutorOffice: referral.prosecutorOffice,
    agency: referral.agency,
    deadlines: referral.deadlines.map((d) => ({ ruleId: d.ruleId, name: d.name, dueAt: d.dueAt.toISOString(), status: d.status })),
    stuck: referral.stuckReason ? [{ reason: referral.stuckReason }] : [],
    notices: referral.notifications.map((n) => ({ id: n.id, kind: n.kind, ruleId: n.ruleId, status: n.status, sentAt: n.sentAt?.toISOString() })),
    events: referral.events.map((e) => ({ seq: e.seq, type: e.type, ruleId: e.ruleId, at: e.occurredAt.toISOString(), actor: { id: e.actorId, role: e.actorRole }, data: e.data })),
    source: 'database' as const,
  };
}
