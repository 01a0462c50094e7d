import { recordedRowsOf } from '../db/queries/cases';
import type { Database } from '../db/queries/database';
import type { CaseEvent } from '../case/case-event-types';
import type { CaseView } from '../case/query-views';
import type { NoticeRecord, Recipient } from '../case/notices';
import { servicesRecord } from '../case/services-record';

/**
 * A case's history as the projection recorded it: its events (CaseEvent rows) and its notices
 * (Notification rows). The workflow keeps neither once they are recorded, so every read of a case —
 * open or closed — takes its history from here.
 */
export async function recordedHistory(db: Database, caseId: string, agency: string) {
  const { events, notifications } = await recordedRowsOf(db, caseId);
  return {
    events: events.map(
      // The projection stores the events the workflow recorded: each row's data is its kind's.
      (row) =>
        ({
          seq: row.seq,
          type: row.type as CaseEvent['type'],
          ruleId: row.ruleId as CaseEvent['ruleId'],
          at: row.occurredAt.toISOString(),
          actor: { id: row.actorId ?? 'unknown', role: (row.actorRole ?? 'system') as CaseEvent['actor']['role'] },
          ...(row.requestId ? { requestId: row.requestId } : {}),
          ...(row.data ? { data: row.data } : {}),
        }) as CaseEvent,
    ),
    notices: notifications.map((n): NoticeRecord => {
      const recipient: Recipient =
        n.recipientRole === 'prosecutor'
          ? { role: 'prosecutor', office: n.office ?? '' }
          : n.recipientRole === 'sergeant'
            ? { role: 'sergeant', agency }
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
    }),
  };
}

type RecordedHistory = Awaited<ReturnType<typeof recordedHistory>>;

/**
 * The services of a case (R-IIP, R-SERVICE-WITHDRAW) from its events — and, for a social contact that
 * continues a handed-off diversion (R-VICTIM), from the diversion's events before them.
 */
async function servicesOf(db: Database, view: CaseView, events: CaseEvent[]) {
  const opened = events[0];
  const continues = opened?.type === 'SOCIAL_CONTACT_REFERRED' && opened.data.continuedAt && view.linkedFrom;
  const earlier = continues
    ? (await recordedHistory(db, view.linkedFrom!, view.agency)).events.filter((e) => e.type.startsWith('SERVICE_'))
    : [];
  return servicesRecord([...earlier, ...events]);
}

/** A case's view with its whole history: every event, every notice, every service. */
export async function withHistory(db: Database, view: CaseView, history: RecordedHistory): Promise<CaseView> {
  return { ...view, ...history, ...(await servicesOf(db, view, history.events)) };
}

/**
 * An open case as its workflow answers (state, deadlines, and only what is not recorded yet: events not
 * projected, notices not sent) completed with its recorded history: the same shape a closed case has.
 */
export async function withRecordedHistory(db: Database, view: CaseView): Promise<CaseView> {
  const recorded = await recordedHistory(db, view.referralId, view.agency);
  const lastSeq = recorded.events.at(-1)?.seq ?? 0;
  const recordedNotices = new Set(recorded.notices.map((n) => n.id));
  return withHistory(db, view, {
    events: [...recorded.events, ...view.events.filter((e) => e.seq > lastSeq)],
    notices: [...recorded.notices, ...view.notices.filter((n) => !recordedNotices.has(n.id))],
  });
}
