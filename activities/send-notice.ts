import { Context } from '@temporalio/activity';
import type { NoticeReceipt, NoticeRequest } from '../src/contract/activity-contract';
import {
  claimNotices,
  markNoticeSent,
  noticeById,
  recordOwedNotices,
  releaseNoticeClaim,
  renewNoticeClaims,
} from '../src/db/queries/notices';
import type { ActivityDeps } from './activity-deps';
import { noticeContent, recipientAddress } from './notice-content';

/**
 * How long one attempt holds a notice before another may take it over. A live attempt renews the claim
 * (and heartbeats) every RENEW_MS; a crashed one loses it within CLAIM_MS, so a retry on another
 * worker can send.
 */
const CLAIM_MS = 30_000;
const RENEW_MS = 10_000;
/**
 * How long a delivered notice's SENT mark is retried while the database is unreachable: within the
 * attempt's one-minute start-to-close timeout, so no second attempt runs meanwhile.
 */
const MARK_SENT_FOR_MS = 40_000;

export class NoticeBusyError extends Error {}

type Owed = { notice: NoticeRequest; from: string; to: string; subject: string; text: string };

/**
 * Delivers the notices one event owes, each once per notice id, however often the activity is retried
 * or replayed:
 * - their rows are created first (PENDING), then claimed (SENDING, with a lease) — in one statement each
 *   for all of them — so an attempt that overlaps another (e.g. after a start-to-close timeout while the
 *   first is still talking to the SMTP server) sends none of the notices the other holds;
 * - a delivered notice (SENT) is answered from its row without sending again;
 * - the Message-ID is derived from the notice id, so the one gap no database can close (a process
 *   killed after the SMTP server accepted the message and before the SENT mark, then its lease
 *   expiring) yields a duplicate that mail systems recognise as the same message.
 * Every notice is attempted before a failure is reported, so a retry sends only those still owed.
 */
export async function sendNotices(deps: ActivityDeps, notices: NoticeRequest[]): Promise<NoticeReceipt[]> {
  const { db } = deps;
  const owed: Owed[] = await Promise.all(
    notices.map(async (notice) => {
      // Each notice is its case's program's: its addresses, words, links and sender.
      const config = await deps.configOf(notice.referralId);
      return {
        notice,
        from: config.mail.from,
        to: recipientAddress(config, notice.recipient),
        ...noticeContent(config, notice),
      };
    }),
  );
  await recordOwedNotices(
    db,
    owed.map(({ notice, to, subject }) => ({
      id: notice.noticeId,
      referralId: notice.referralId,
      kind: notice.kind,
      ruleId: notice.ruleId,
      recipientRole: notice.recipient.role,
      office: notice.recipient.role === 'prosecutor' ? notice.recipient.office : null,
      toAddress: to,
      subject,
    })),
  );

  heartbeat();
  const now = new Date();
  const claimed = await claimNotices(
    db,
    notices.map((n) => n.noticeId),
    now,
    new Date(now.getTime() + CLAIM_MS),
  );
  const sending = new Set(claimed);
  const keepAlive = setInterval(() => {
    heartbeat();
    if (sending.size > 0)
      void renewNoticeClaims(db, [...sending], new Date(Date.now() + CLAIM_MS)).catch(() => undefined);
  }, RENEW_MS);
  try {
    const results = await Promise.allSettled(
      owed.map((o) =>
        claimed.has(o.notice.noticeId)
          ? deliver(deps, o).finally(() => sending.delete(o.notice.noticeId))
          : receiptOfUnclaimed(db, o.notice.noticeId),
      ),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return results.map((r) => (r as PromiseFulfilledResult<NoticeReceipt>).value);
  } finally {
    clearInterval(keepAlive);
  }
}

/** A notice this attempt did not claim: delivered already (its receipt), or held by another attempt. */
async function receiptOfUnclaimed(db: ActivityDeps['db'], id: string): Promise<NoticeReceipt> {
  const row = await noticeById(db, id);
  if (row.status === 'SENT' && row.sentAt && row.messageId)
    return { messageId: row.messageId, sentAt: row.sentAt.toISOString() };
  throw new NoticeBusyError(
    `Notice ${id} is being sent by another attempt (claimed until ${row.claimedUntil?.toISOString()})`,
  );
}

/** A notice this attempt holds: sent, then marked SENT; a failed send makes it owed again. */
async function deliver(
  { db, mailer }: ActivityDeps,
  { notice, from, to, subject, text }: Owed,
): Promise<NoticeReceipt> {
  const id = notice.noticeId;
  const messageId = `<${id}@lead-referrals>`;
  try {
    await mailer.send({
      from,
      to,
      subject,
      text,
      messageId,
      headers: { 'X-LEAD-Notice-Id': id, 'X-LEAD-Rule': notice.ruleId, 'X-LEAD-Referral': notice.referralId },
    });
  } catch (err) {
    await releaseNoticeClaim(db, id, String((err as Error).message).slice(0, 500));
    throw err;
  }
  const sentAt = new Date();
  await markSent(db, id, { sentAt, messageId });
  return { messageId, sentAt: sentAt.toISOString() };
}

/**
 * The SMTP server has accepted the message: only this process knows it. A failed SENT mark (the
 * database restarting) is retried here, renewing the claim, rather than failing the attempt — a
 * retry would find the claim expired and send a second copy.
 */
async function markSent(db: ActivityDeps['db'], id: string, sent: { sentAt: Date; messageId: string }): Promise<void> {
  const giveUpAt = Date.now() + MARK_SENT_FOR_MS;
  for (;;) {
    try {
      await markNoticeSent(db, id, sent);
      return;
    } catch (err) {
      if (Date.now() > giveUpAt) throw err;
      heartbeat();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** Heartbeats when running as an activity (a worker that died is noticed within the heartbeat timeout); a local activity lives in its workflow task instead. */
function heartbeat(): void {
  let context: Context;
  try {
    context = Context.current();
  } catch {
    return; // not inside an activity
  }
  if (!context.info.isLocal) context.heartbeat();
}
