import { randomUUID } from 'node:crypto';
import { caseStateQuery } from '../../src/contract/definitions';
import { apiAs } from '../support/api-client';
import { waitFor } from '../support/wait-for';
import { arrestReferral } from '../support/referrals';
import { startProcessStack, type ProcessStack } from '../support/process-stack';

/**
 * Load with duplicates: referrals (some submitted twice) and case actions (retries with the same
 * Idempotency-Key and refused repeats among them), all concurrently against the real processes.
 * Workflows, rows and e-mails are exactly what was intended.
 */
let stack: ProcessStack;
beforeAll(async () => {
  stack = await startProcessStack('concurrency');
}, 180_000);
afterAll(async () => {
  await stack?.stop();
}, 120_000);

async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

/** Sized for a 2-core machine: enough concurrency (16 at a time) that every race has its chance. */
const CASES = 80;
const RESUBMITTED = 20;

test(`${CASES} referrals and ${5 * CASES} actions at once, duplicates mixed in: counts match exactly`, async () => {
  const officer = apiAs(stack.baseUrl, 'officer');
  const caseManager = apiAs(stack.baseUrl, 'case_manager');
  const bodies = Array.from({ length: CASES }, () => arrestReferral());
  const submissions = [...bodies, ...bodies.slice(0, RESUBMITTED)].sort(() => Math.random() - 0.5);
  const started = Date.now();
  const caseIds = new Set<string>();
  const statuses: number[] = [];
  await pool(submissions, 16, async (body) => {
    const res = await officer.postOk('/api/referrals/arrest-diversions', body);
    statuses.push(res.status);
    caseIds.add(res.body.caseId);
  });
  expect(statuses.filter((s) => s === 201)).toHaveLength(CASES);
  expect(statuses.filter((s) => s === 200)).toHaveLength(RESUBMITTED);
  expect(caseIds.size).toBe(CASES);

  // Five actions a case: screening, consent and intake (3), a retry of the screening with its
  // Idempotency-Key (answered as the first), and a repeat of the intake without one (refused with 409).
  const ids = [...caseIds];
  type Action = { caseId: string; path: string; body: object; key: string };
  const first: Action[] = ids.map((caseId) => ({ caseId, path: 'screening', body: {}, key: randomUUID() }));
  const actionStatuses: number[] = [];
  const run = async (a: Action, key?: string) => {
    const res = await caseManager.act(a.caseId, a.path, a.body, key ? { 'Idempotency-Key': key } : {});
    actionStatuses.push(res.status);
  };
  await pool([...first, ...first], 16, (a) => run(a, a.key));
  const consents = ids.map((caseId) => ({
    caseId,
    path: 'consent',
    body: { method: 'WRITTEN', covers: { staffing: true, providers: [] } },
    key: randomUUID(),
  }));
  const intakes = ids.map((caseId) => ({ caseId, path: 'intake', body: {}, key: randomUUID() }));
  await pool(consents, 16, (a) => run(a, a.key));
  await pool([...intakes, ...intakes], 16, (a) => run(a));
  expect(actionStatuses).toHaveLength(5 * CASES);
  expect(actionStatuses.filter((s) => s === 200)).toHaveLength(4 * CASES);
  expect(actionStatuses.filter((s) => s === 409)).toHaveLength(CASES);
  const elapsed = Date.now() - started;

  // Done: every case has delivered what it owes (R-CALL, R-PACKET) and projected every event it recorded.
  await waitFor(
    async () => {
      for (const id of ids) {
        const state = await stack.client.workflow.getHandle(id).query(caseStateQuery);
        if (state.stage !== 'ENROLLED' || state.notices.length > 0 || state.events.length > 0) return false;
      }
      return true;
    },
    `${CASES} cases enrolled, every notice delivered and every event projected`,
    240_000,
  );

  expect(await stack.db.referral.count()).toBe(CASES);
  expect(await stack.db.referral.count({ where: { stage: 'ENROLLED' } })).toBe(CASES);
  expect(await stack.db.person.count()).toBe(1); // the same test person, matched by identity
  const workflows = await stack.client.workflow.count('WorkflowType = "arrestDiversion"');
  expect(workflows.count).toBe(CASES);
  expect(await stack.db.caseEvent.count({ where: { type: 'SCREENING_RECORDED' } })).toBe(CASES);
  expect(await stack.db.caseEvent.count({ where: { type: 'ENROLLED' } })).toBe(CASES);
  expect(await stack.db.notification.count({ where: { status: 'SENT' } })).toBe(2 * CASES);
  expect(stack.mail.messages).toHaveLength(2 * CASES);
  expect(new Set(stack.mail.messages.map((m) => m.headers['x-lead-notice-id'])).size).toBe(2 * CASES);
  console.log(
    `[fault] ${CASES + RESUBMITTED} submissions + ${5 * CASES} actions in ${(elapsed / 1000).toFixed(1)} s: ${CASES} workflows, ${CASES} referrals, ${2 * CASES} e-mails, 0 duplicates`,
  );
}, 600_000);
