import type { CapturedMail } from '../../src/mail/capture-server';
import type { AnswerBody } from '../../src/api/contract/api-answers';
import { apiAs, waitFor } from './api-client';
import type { TestStack } from './test-stack';

/** Mail about one case (every notice names its referral in a header). */
export function mailFor(stack: TestStack, caseId: string, to?: string): CapturedMail[] {
  return stack.mail.messages.filter((m) => m.headers['x-lead-referral'] === caseId && (!to || m.to.includes(to)));
}

export function ruleOf(mail: CapturedMail): string {
  return mail.headers['x-lead-rule'];
}

/**
 * The whole case as a supervisor reads it (one of every program the stack runs): program status,
 * referral record and case-management record.
 */
export async function readWholeCase(stack: TestStack, caseId: string) {
  const scope = stack.programIds ? { programs: stack.programIds } : {};
  const res = await apiAs(stack.baseUrl, 'supervisor', 'supervisor-1', scope).get(`/api/cases/${caseId}`);
  if (res.status !== 200) throw new Error(`GET case ${caseId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The case's program status (stage, deadlines, notices, timeline), as a supervisor reads it. */
export async function readCase(stack: TestStack, caseId: string) {
  return (await readWholeCase(stack, caseId)).case;
}

/**
 * Waits until the case has delivered every notice it owes (each delivery recorded as an event) and its
 * database projection caught up —
 * what a person would see as "done" before the clock moves on.
 */
export async function settled(stack: TestStack, caseId: string) {
  return waitFor(async () => {
    const view = await readCase(stack, caseId);
    const row = await stack.db.referral.findUnique({ where: { id: caseId } });
    const lastSeq = view.events.at(-1)?.seq ?? 0;
    // A notice is done once its delivery is a recorded event (its row says SENT a moment before that).
    const delivered = new Set(view.events.filter((e) => e.type === 'NOTICE_SENT').map((e) => e.data?.noticeId));
    return view.notices.every((n: { id: string }) => delivered.has(n.id)) && row?.projectedSeq === lastSeq
      ? view
      : undefined;
  }, `case ${caseId} to settle`);
}

export async function submitArrest(stack: TestStack, body: Record<string, unknown>): Promise<string> {
  const res = await apiAs(stack.baseUrl, 'officer').post('/api/referrals/arrest-diversions', body);
  if (res.status !== 201) throw new Error(`referral refused: ${res.status} ${JSON.stringify(res.body)}`);
  await settled(stack, res.body.caseId);
  return res.body.caseId;
}

/** Skips the stack's test server to an instant plus an offset (a deadline, or just past it). */
export async function sleepTo(stack: TestStack, instant: string, offsetMs = 0): Promise<void> {
  const ms = Date.parse(instant) + offsetMs - (await stack.env.currentTimeMs());
  if (ms > 0) await stack.env.sleep(ms);
}

type CaseManagementRecord = NonNullable<AnswerBody<'GET', `/api/cases/${string}`>['caseManagement']>;

/**
 * The whole case-management record (R-ROI kind 2) of a case answer, for a reader who sees all of it:
 * the test fails if it was summarised or left out.
 */
export function fullRecord(body: { caseManagement: CaseManagementRecord | null }) {
  const record = body.caseManagement;
  if (record?.level !== 'FULL')
    throw new Error(`expected the whole case-management record, got ${JSON.stringify(record)}`);
  return record;
}
