import type { PrismaClient } from '../generated/prisma/client';
import type {
  ArrestDiversionInput,
  CaseEvent,
  CaseView,
  NoticeRecord,
  Recipient,
  SocialContactInput,
} from '../shared/case-model';
import { evolve } from '../../workflows/case/case-events';
import { viewOf } from '../../workflows/case/case-view';
import { openArrestDiversion, openSocialContact } from '../../workflows/case/open-case';

type RecordedStart =
  { type: 'arrestDiversion'; input: ArrestDiversionInput } | { type: 'socialContact'; input: SocialContactInput };

/**
 * A closed case whose workflow can no longer answer (retention) is rebuilt from its recorded start and
 * events with the workflow's own pure code, so it reads exactly as an open case does; its notices are
 * the ones the database recorded.
 */
export async function caseFromDatabase(db: PrismaClient, caseId: string): Promise<CaseView> {
  const referral = await db.referral.findUniqueOrThrow({
    where: { id: caseId },
    include: { events: { orderBy: { seq: 'asc' } }, notifications: { orderBy: { createdAt: 'asc' } } },
  });
  const start = (referral.details as { workflow?: RecordedStart }).workflow;
  if (!start) throw new Error(`Case ${caseId} has no recorded start`);
  const firstAt = referral.events[0]?.occurredAt.getTime() ?? referral.createdAt.getTime();
  const { state } =
    start.type === 'arrestDiversion'
      ? openArrestDiversion(start.input, firstAt)
      : openSocialContact(start.input, firstAt);
  for (const row of referral.events) {
    // The projection stores the events the workflow recorded: each row's data is its kind's.
    const event = {
      seq: row.seq,
      type: row.type as CaseEvent['type'],
      ruleId: row.ruleId as CaseEvent['ruleId'],
      at: row.occurredAt.toISOString(),
      actor: { id: row.actorId ?? 'unknown', role: (row.actorRole ?? 'system') as CaseEvent['actor']['role'] },
      ...(row.requestId ? { requestId: row.requestId } : {}),
      ...(row.data ? { data: row.data } : {}),
    } as CaseEvent;
    state.seq = event.seq;
    state.events.push(event);
    evolve(state, event);
  }
  state.projectedSeq = state.seq;
  state.notices = referral.notifications.map((n): NoticeRecord => {
    const recipient: Recipient =
      n.recipientRole === 'prosecutor'
        ? { role: 'prosecutor', office: n.office ?? '' }
        : n.recipientRole === 'sergeant'
          ? { role: 'sergeant', agency: referral.agency }
          : { role: n.recipientRole as 'case_manager' | 'project_manager' };
    return {
      id: n.id,
      kind: n.kind as NoticeRecord['kind'],
      ruleId: n.ruleId as NoticeRecord['ruleId'],
      recipient,
      eventSeq: Number(n.id.split('.')[1] ?? 0),
      status: n.status === 'SENT' ? 'SENT' : 'PENDING',
      ...(n.sentAt ? { sentAt: n.sentAt.toISOString() } : {}),
    };
  });
  return viewOf(state);
}
