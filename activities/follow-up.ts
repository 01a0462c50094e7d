import {
  followUpDue,
  markFollowUpConfirmed,
  markFollowUpReminded,
  markFollowUpStuck,
} from '../src/db/queries/evaluation';
import type { ActivityDeps } from './activity-deps';

/**
 * R-EVAL: a follow-up falls due — its row says so, and the agency's sergeants are told once (a retry
 * after the row was marked sends nothing; a crash between the two resends with the same Message-ID).
 */
export async function remindFollowUp(
  { db, mailer, configOf }: ActivityDeps,
  request: { recordId: string; agency: string; months: number; dueAt: string },
): Promise<void> {
  const id = `${request.recordId}.${request.months}`;
  const row = await followUpDue(db, {
    recordId: request.recordId,
    agency: request.agency,
    months: request.months,
    dueAt: new Date(request.dueAt),
  });
  if (row.remindedAt) return;
  const config = await configOf(request.recordId);
  const sergeants = config.agencies[request.agency]?.sergeantsEmail;
  if (sergeants)
    await mailer.send({
      from: config.mail.from,
      to: sergeants,
      subject: `[LEAD] ${request.months}-month follow-up due for ${request.recordId}: confirm its outcomes (R-EVAL)`,
      text: [
        `The ${request.months}-month follow-up of ${request.recordId} is due.`,
        'Record any new arrest, booking or charge since the diversion or booking, then confirm the follow-up:',
        `${config.program.publicUrl.replace(/\/$/, '')}/api/follow-ups/${request.recordId}/confirmations`,
      ].join('\n'),
      messageId: `<follow-up.${id}@lead-referrals>`,
      headers: { 'X-LEAD-Rule': 'R-EVAL', 'X-LEAD-Referral': request.recordId },
    });
  await markFollowUpReminded(db, id);
}

/** A follow-up left unconfirmed becomes stuck; a confirmed one is no longer stuck. */
export async function markFollowUp(
  { db }: ActivityDeps,
  request: { recordId: string; months: number; stuck?: boolean; confirmedById?: string },
): Promise<void> {
  const id = `${request.recordId}.${request.months}`;
  if (request.stuck) await markFollowUpStuck(db, id);
  if (request.confirmedById) await markFollowUpConfirmed(db, id, request.confirmedById);
}
