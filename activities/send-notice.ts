import { Context } from '@temporalio/activity';
import type { NoticeReceipt, NoticeRequest } from '../src/contract/activity-contract';
import {
  claimNotice,
  markNoticeSent,
  noticeById,
  recordOwedNotice,
  releaseNoticeClaim,
  renewNoticeClaim,
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

/**
 * Delivers one notice, once per notice id, however often the activity is retried or replayed:
 * - the notice row is created first (PENDING), then claimed by exactly one attempt (SENDING, with a
 *   lease), so an attempt that overlaps another — e.g. after a start-to-close timeout while the first
 *   is still talking to the SMTP server — backs off instead of sending a second copy;
 * - a delivered notice (SENT) is answered from the row without sending again;
 * - the Message-ID is derived from the notice id, so the one gap no database can close (a process
 *   killed after the SMTP server accepted the message and before the SENT mark, then its lease
 *   expiring) yields a duplicate that mail systems recognise as the same message.
 */
export async function sendNotice({ db, mailer, config }: ActivityDeps, notice: NoticeRequest): Promise<NoticeReceipt> {
  const to = recipientAddress(config, notice.recipient);
  const { subject, text } = noticeContent(config, notice);
  const id = notice.noticeId;
  await recordOwedNotice(db, {
    id,
    referralId: notice.referralId,
    kind: notice.kind,
    ruleId: notice.ruleId,
    recipientRole: notice.recipient.role,
    office: notice.recipient.role === 'prosecutor' ? notice.recipient.office : null,
    toAddress: to,
    subject,
  });

  heartbeat();
  const now = new Date();
  if (!(await claimNotice(db, id, now, new Date(now.getTime() + CLAIM_MS)))) {
    const row = await noticeById(db, id);
    if (row.status === 'SENT' && row.sentAt && row.messageId)
      return { messageId: row.messageId, sentAt: row.sentAt.toISOString() };
    throw new NoticeBusyError(
      `Notice ${id} is being sent by another attempt (claimed until ${row.claimedUntil?.toISOString()})`,
    );
  }

  const messageId = `<${id}@lead-referrals>`;
  const keepAlive = setInterval(() => {
    heartbeat();
    void renewNoticeClaim(db, id, new Date(Date.now() + CLAIM_MS)).catch(() => undefined);
  }, RENEW_MS);
  try {
    await mailer.send({
      from: config.mail.from,
      to,
      subject,
      text,
      messageId,
      headers: { 'X-LEAD-Notice-Id': id, 'X-LEAD-Rule': notice.ruleId, 'X-LEAD-Referral': notice.referralId },
    });
  } catch (err) {
    clearInterval(keepAlive);
    await releaseNoticeClaim(db, id, String((err as Error).message).slice(0, 500));
    throw err;
  }
  const sentAt = new Date();
  try {
    await markSent(db, id, { sentAt, messageId });
  } finally {
    clearInterval(keepAlive);
  }
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

/**
 * Every notice one event owes, in one call: each is delivered once (as `sendNotice` delivers it), all
 * are attempted before a failure is reported, so a retry sends only those still owed.
 */
export async function sendNotices(deps: ActivityDeps, notices: NoticeRequest[]): Promise<NoticeReceipt[]> {
  const results = await Promise.allSettled(notices.map((notice) => sendNotice(deps, notice)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<NoticeReceipt>).value);
}
