import { apiAs, waitFor } from '../support/api-client';
import { arrestReferral } from '../support/referrals';
import { noticeCounts, startProcessStack, type ProcessStack } from '../support/process-stack';

/**
 * Fault: the database goes away for a while. The API answers 503 with a clear message (no 500, no
 * half-written referral, no workflow); the workflow's writes retry; everything converges after.
 */
let stack: ProcessStack;
beforeAll(async () => {
  stack = await startProcessStack('database-outage', (config) => {
    config.durations.screeningOverdueAfter = '10 seconds';
  });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
}, 120_000);

test('database down: 503s and retries, then everything converges with nothing lost or doubled', async () => {
  const officer = apiAs(stack.baseUrl, 'officer');
  const created = await officer.post('/api/referrals/arrest-diversions', arrestReferral());
  const caseId = created.body.caseId;
  await waitFor(async () => Object.keys(noticeCounts(stack.mail, caseId)).length === 2, 'the first notices');

  const stoppedAt = Date.now();
  await stack.parts.database.stop('SIGTERM');
  const body = arrestReferral();
  const refused = await officer.post('/api/referrals/arrest-diversions', body);
  expect(refused.status).toBe(503);
  expect(refused.body.error).toMatchObject({
    code: 'DATABASE_UNAVAILABLE',
    message: expect.stringMatching(/nothing was recorded/),
  });
  const read = await apiAs(stack.baseUrl, 'supervisor').get(`/api/cases/${caseId}`);
  expect(read.status).toBe(503);
  const ready = await fetch(`${stack.baseUrl}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ database: 'unreachable', temporal: 'ok' });
  await new Promise((r) => setTimeout(r, 20_000)); // the screening-overdue timer fires while the database is down

  await stack.parts.database.start();
  const restartedAt = Date.now();
  const row = await waitFor(
    async () => {
      const r = await stack.db.referral.findUnique({ where: { id: caseId } }).catch(() => undefined);
      return r?.stuckReasons.includes('SCREENING_OVERDUE') ? r : undefined;
    },
    'the projection to catch up',
    120_000,
  );
  const recoveryMs = Date.now() - restartedAt;
  const view = await waitFor(
    async () => {
      const res = await apiAs(stack.baseUrl, 'supervisor').get(`/api/cases/${caseId}`);
      return res.status === 200 ? res.body.case : undefined;
    },
    'the API to answer again',
    60_000,
  );
  const events = await stack.db.caseEvent.findMany({ where: { referralId: caseId }, orderBy: { seq: 'asc' } });
  expect(events.map((e) => e.seq)).toEqual(view.events.map((e: { seq: number }) => e.seq));
  expect(row.projectedSeq).toBeGreaterThanOrEqual(events.at(-1)!.seq - 1);
  expect(await stack.db.referral.count({ where: { submissionId: body.submissionId } })).toBe(0); // nothing half-written

  const retried = await officer.post('/api/referrals/arrest-diversions', body);
  expect(retried.status).toBe(201);
  await waitFor(
    async () => Object.keys(noticeCounts(stack.mail, retried.body.caseId)).length === 2,
    'the retried referral to notify',
  );
  // R-CALL, R-PACKET and the R-SCREEN reminder of the screening that became overdue meanwhile: each once.
  await waitFor(async () => Object.keys(noticeCounts(stack.mail, caseId)).length === 3, 'the reminder', 60_000);
  expect(Object.values(noticeCounts(stack.mail, caseId))).toEqual([1, 1, 1]);
  console.log(
    `[fault] database down ${((restartedAt - stoppedAt) / 1000).toFixed(0)} s: projection converged ${(recoveryMs / 1000).toFixed(1)} s after restart; lost: none; duplicated: none`,
  );
}, 300_000);
