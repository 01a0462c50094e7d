import { apiAs, waitFor } from '../support/api-client';
import { arrestReferral } from '../support/referrals';
import { freePort } from '../../src/net/free-port';
import { noticeCounts, startProcessStack, type ProcessStack } from '../support/process-stack';

/**
 * The worker process with METRICS_PORT serves the Temporal SDK's metrics for Prometheus (a real
 * process: the Runtime that exports them is one per process).
 */
let stack: ProcessStack;
let metricsUrl: string;
beforeAll(async () => {
  const port = await freePort();
  metricsUrl = `http://127.0.0.1:${port}/metrics`;
  stack = await startProcessStack('worker-metrics', undefined, { env: { METRICS_PORT: String(port) } });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
}, 120_000);

/** The sum of every sample of one metric, whatever its labels. */
async function total(name: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

test('the worker serves Temporal SDK metrics, and they move as referrals are worked', async () => {
  const res = await fetch(metricsUrl);
  expect(res.status).toBe(200);
  const text = await res.text();
  expect(text).toMatch(/^temporal_worker_task_slots_available\{.*task_queue="lead-referrals".*\} \d+/m);

  // Histograms and counters appear once first observed: absent counts as 0.
  const tasksBefore = await total('temporal_workflow_task_execution_latency_count');
  const activitiesBefore = await total('temporal_activity_execution_latency_count');
  const person = { givenName: 'Marisol', familyName: 'Thistlewood', dateOfBirth: '1991-11-05' };
  const created = await apiAs(stack.baseUrl, 'officer').post(
    '/api/referrals/arrest-diversions',
    arrestReferral({ person }),
  );
  expect(created.status).toBe(201);
  const caseId: string = created.body.caseId;
  await waitFor(async () => Object.keys(noticeCounts(stack.mail, caseId)).length === 2, 'R-CALL and R-PACKET', 60_000);

  await waitFor(
    async () => (await total('temporal_workflow_task_execution_latency_count')) > tasksBefore,
    'workflow task metrics to move',
  );
  await waitFor(
    async () => (await total('temporal_activity_execution_latency_count')) > activitiesBefore,
    'activity metrics to move (R-CALL and R-PACKET go out in one activity)',
  );
  const after = await (await fetch(metricsUrl)).text();
  expect(after).toMatch(/^temporal_workflow_task_schedule_to_start_latency_count\{.*\} [1-9]/m);
  for (const secret of [person.givenName, person.familyName, person.dateOfBirth]) expect(after).not.toContain(secret);
}, 120_000);
