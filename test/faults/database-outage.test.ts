import { caseStateQuery } from '../../src/contract/definitions';
import { apiAs, expectStatus } from '../support/api-client';
import { waitFor } from '../support/wait-for';
import { arrestReferral } from '../support/referrals';
import { caseSettled, noticeCounts, startProcessStack, type ProcessStack } from '../support/process-stack';

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
  const created = await officer.postOk('/api/referrals/arrest-diversions', arrestReferral());
  const caseId = created.body.caseId;
  await waitFor(async () => Object.keys(noticeCounts(stack.mail, caseId)).length === 2, 'the first notices');

  const stoppedAt = Date.now();
  await stack.parts.database.stop('SIGTERM');
  const body = arrestReferral();
  const refused = await officer.post('/api/referrals/arrest-diversions', body);
  expectStatus(refused, 503);
  expect(refused.body.error).toMatchObject({
    code: 'DATABASE_UNAVAILABLE',
    message: expect.stringMatching(/nothing was recorded/),
  });
  const read = await apiAs(stack.baseUrl, 'supervisor').get(`/api/cases/${caseId}`);
  expect(read.status).toBe(503);
  const ready = await fetch(`${stack.baseUrl}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ database: 'unreachable', temporal: 'ok' });
  // The case's R-SCREEN clock fires while the database is down: the workflow (asked through Temporal,
  // which needs no database) records it, and owes its reminder and its projection.
  const workflow = stack.client.workflow.getHandle(caseId);
  await waitFor(
    async () => (await workflow.query(caseStateQuery)).stuck.some((f) => f.reason === 'SCREENING_OVERDUE'),
    'the screening to become overdue while the database is down',
    60_000,
  );

  await stack.parts.database.start();
  const restartedAt = Date.now();
  // Converged: every notice the case owes delivered (R-CALL, R-PACKET, the R-SCREEN reminder) and every event projected.
  const state = await caseSettled(stack, caseId);
  const recoveryMs = Date.now() - restartedAt;
  const row = await stack.db.referral.findUniqueOrThrow({ where: { id: caseId } });
  const events = await stack.db.caseEvent.findMany({ where: { referralId: caseId }, orderBy: { seq: 'asc' } });
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(row).toMatchObject({ projectedSeq: events.at(-1)!.seq, stuckReasons: ['SCREENING_OVERDUE'] });
  expect(events.filter((e) => e.type === 'SCREENING_OVERDUE')).toHaveLength(1);
  const view = await waitFor(
    async () => {
      const res = await apiAs(stack.baseUrl, 'supervisor').get(`/api/cases/${caseId}`);
      return res.status === 200 ? res.body.case : undefined;
    },
    'the API to answer again',
    60_000,
  );
  expect(view.events.map((e: { seq: number }) => e.seq)).toEqual(events.map((e) => e.seq));
  expect(view.stuck).toEqual(state.stuck);
  expect(await stack.db.referral.count({ where: { submissionId: body.submissionId } })).toBe(0); // nothing half-written

  const retried = await officer.post('/api/referrals/arrest-diversions', body);
  expectStatus(retried, 201);
  await waitFor(
    async () => Object.keys(noticeCounts(stack.mail, retried.body.caseId)).length === 2,
    'the retried referral to notify',
  );
  // R-CALL, R-PACKET and the R-SCREEN reminder of the screening that became overdue meanwhile: each once.
  expect(Object.values(noticeCounts(stack.mail, caseId))).toEqual([1, 1, 1]);
  console.log(
    `[fault] database down ${((restartedAt - stoppedAt) / 1000).toFixed(0)} s: projection converged ${(recoveryMs / 1000).toFixed(1)} s after restart; lost: none; duplicated: none`,
  );
}, 300_000);
