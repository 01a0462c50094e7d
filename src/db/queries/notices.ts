import type { Database } from './database';

/**
 * The notices the protocol owes (Notification rows), as the worker delivers them: created once per
 * notice id, claimed by one attempt at a time (SENDING, with a lease), marked SENT once delivered.
 */

/** The notice's row, created PENDING unless it exists already. */
export function recordOwedNotice(
  db: Database,
  n: {
    id: string;
    referralId: string;
    kind: string;
    ruleId: string;
    recipientRole: string;
    office: string | null;
    toAddress: string;
    subject: string;
  },
) {
  return db.notification.upsert({ where: { id: n.id }, create: { ...n, status: 'PENDING' }, update: {} });
}

/** Claims the notice for this attempt until `until`, if nobody holds it (or their lease ended): whether it did. */
export async function claimNotice(db: Database, id: string, now: Date, until: Date): Promise<boolean> {
  const claimed = await db.notification.updateMany({
    where: { id, OR: [{ status: 'PENDING' }, { status: 'SENDING', claimedUntil: { lt: now } }] },
    data: { status: 'SENDING', claimedUntil: until, attempts: { increment: 1 } },
  });
  return claimed.count > 0;
}

/** The notice's row as it stands. */
export function noticeById(db: Database, id: string) {
  return db.notification.findUniqueOrThrow({ where: { id } });
}

/** Extends this attempt's claim while it is still sending. */
export function renewNoticeClaim(db: Database, id: string, until: Date) {
  return db.notification.updateMany({ where: { id, status: 'SENDING' }, data: { claimedUntil: until } });
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
