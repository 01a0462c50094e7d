import { randomUUID } from 'node:crypto';
import { apiAs, waitFor } from '../support/api-client';
import { arrestReferral } from '../support/referrals';
import { startProcessStack, type ProcessStack } from '../support/process-stack';

/**
 * Load with duplicates: 200 referrals (50 of them submitted twice) and 1,000 case actions (retries
 * with the same Idempotency-Key and refused repeats among them), all concurrently against the real
 * processes. Workflows, rows and e-mails are exactly what was intended.
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

test('200 referrals and 1,000 actions at once, duplicates mixed in: counts match exactly', async () => {
  const officer = apiAs(stack.baseUrl, 'officer');
  const caseManager = apiAs(stack.baseUrl, 'case_manager');
  const bodies = Array.from({ length: 200 }, () => arrestReferral());
  const submissions = [...bodies, ...bodies.slice(0, 50)].sort(() => Math.random() - 0.5);
  const started = Date.now();
  const caseIds = new Set<string>();
  const statuses: number[] = [];
  await pool(submissions, 16, async (body) => {
    const res = await officer.post('/api/referrals/arrest-diversions', body);
    statuses.push(res.status);
    caseIds.add(res.body.caseId);
  });
  expect(statuses.filter((s) => s === 201)).toHaveLength(200);
  expect(statuses.filter((s) => s === 200)).toHaveLength(50);
  expect(caseIds.size).toBe(200);

  // 1,000 actions: screening, consent, intake for every case (600), 200 retries of an action with
  // its Idempotency-Key, and 200 repeats without one (refused with 409).
  const ids = [...caseIds];
  type Action = { caseId: string; path: string; body: object; key: string };
  const first: Action[] = ids.map((caseId) => ({ caseId, path: 'screening', body: {}, key: randomUUID() }));
  const actionStatuses: number[] = [];
  const run = async (a: Action, key?: string) => {
    const res = await caseManager.act(a.caseId, a.path, a.body, key ? { 'Idempotency-Key': key } : {});
    actionStatuses.push(res.status);
  };
  await pool([...first, ...first], 16, (a) => run(a, a.key)); // 400: screening + its retry
  const consents = ids.map((caseId) => ({ caseId, path: 'consent', body: { method: 'WRITTEN' }, key: randomUUID() }));
  const intakes = ids.map((caseId) => ({ caseId, path: 'intake', body: {}, key: randomUUID() }));
  await pool(consents, 16, (a) => run(a, a.key)); // 200
  await pool([...intakes, ...intakes], 16, (a) => run(a)); // 400: intake, then a repeat refused
  expect(actionStatuses).toHaveLength(1000);
  expect(actionStatuses.filter((s) => s === 200)).toHaveLength(800);
  expect(actionStatuses.filter((s) => s === 409)).toHaveLength(200);
  const elapsed = Date.now() - started;

  await waitFor(
    async () => (await stack.db.notification.count({ where: { status: 'SENT' } })) === 400,
    '400 notices sent',
    240_000,
  );
  await waitFor(
    async () => (await stack.db.referral.count({ where: { stage: 'ENROLLED' } })) === 200,
    '200 enrolled in the database',
    240_000,
  );
  await new Promise((r) => setTimeout(r, 3_000));

  expect(await stack.db.referral.count()).toBe(200);
  expect(await stack.db.person.count()).toBe(1); // the same test person, matched by identity
  const workflows = await stack.client.workflow.count('WorkflowType = "arrestDiversion"');
  expect(workflows.count).toBe(200);
  expect(await stack.db.caseEvent.count({ where: { type: 'SCREENING_RECORDED' } })).toBe(200);
  expect(await stack.db.caseEvent.count({ where: { type: 'ENROLLED' } })).toBe(200);
  expect(stack.mail.messages).toHaveLength(400);
  expect(new Set(stack.mail.messages.map((m) => m.headers['x-lead-notice-id'])).size).toBe(400);
  console.log(
    `[fault] 250 submissions + 1,000 actions in ${(elapsed / 1000).toFixed(1)} s: 200 workflows, 200 referrals, 400 e-mails, 0 duplicates`,
  );
}, 600_000);
