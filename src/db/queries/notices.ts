import type { Database } from './database';

/**
 * The notices the protocol owes (Notification rows), as the worker delivers them: created once per
 * notice id, claimed by one attempt at a time (SENDING, with a lease), marked SENT once delivered.
 */

/** The rows of notices owed (PENDING), each once: a notice already recorded is left as it is. */
export function recordOwedNotices(
  db: Database,
  notices: Array<{
    id: string;
    referralId: string;
    kind: string;
    ruleId: string;
    recipientRole: string;
    office: string | null;
    toAddress: string;
    subject: string;
  }>,
) {
  return db.notification.createMany({
    skipDuplicates: true,
    data: notices.map((n) => ({ ...n, status: 'PENDING' })),
  });
}

/**
 * Claims each of these notices for this attempt until `until`, if nobody holds it (or their lease
 * ended): the ids it claimed.
 */
export async function claimNotices(db: Database, ids: string[], now: Date, until: Date): Promise<Set<string>> {
  const claimed = await db.notification.updateManyAndReturn({
    where: { id: { in: ids }, OR: [{ status: 'PENDING' }, { status: 'SENDING', claimedUntil: { lt: now } }] },
    data: { status: 'SENDING', claimedUntil: until, attempts: { increment: 1 } },
    select: { id: true },
  });
  return new Set(claimed.map((c) => c.id));
}

/** The notice's row as it stands. */
export function noticeById(db: Database, id: string) {
  return db.notification.findUniqueOrThrow({ where: { id } });
}

/** Extends this attempt's claims while it is still sending. */
export function renewNoticeClaims(db: Database, ids: string[], until: Date) {
  return db.notification.updateMany({ where: { id: { in: ids }, status: 'SENDING' }, data: { claimedUntil: until } });
}

/** The attempt failed: the notice is owed again, with the reason. */
export function releaseNoticeClaim(db: Database, id: string, lastError: string) {
  return db.notification.update({ where: { id }, data: { status: 'PENDING', claimedUntil: null, lastError } });
}

/** Delivered: SENT, with its Message-ID and time. */
export function markNoticeSent(db: Database, id: string, sent: { sentAt: Date; messageId: string }) {
  return db.notification.update({
    where: { id },
    data: { status: 'SENT', sentAt: sent.sentAt, messageId: sent.messageId, claimedUntil: null, lastError: null },
  });
}
