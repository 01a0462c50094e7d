import os from 'node:os';
import { apiAs, expectStatus, waitFor } from '../support/api-client';
import { arrestReferral } from '../support/referrals';
import { freePort } from '../../src/net/free-port';
import { noticeCounts, startProcessStack, type ProcessStack } from '../support/process-stack';

/**
 * The worker process with METRICS_PORT serves the Temporal SDK's metrics for Prometheus (a real
 * process: the Runtime that exports them is one per process); the API process with API_METRICS_PORT
 * serves its own on a listener of their own. Both on loopback (METRICS_HOST's default).
 */
let stack: ProcessStack;
let metricsUrl: string;
let apiMetricsPort: number;
const METRICS_TOKEN = 'scrape-token-for-tests-0001';
beforeAll(async () => {
  const port = await freePort();
  apiMetricsPort = await freePort();
  metricsUrl = `http://127.0.0.1:${port}/metrics`;
  stack = await startProcessStack('worker-metrics', undefined, {
    env: { METRICS_PORT: String(port), API_METRICS_PORT: String(apiMetricsPort), METRICS_TOKEN },
  });
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
  const localActivitiesBefore = await total('temporal_local_activity_execution_latency_count');
  const person = { givenName: 'Marisol', familyName: 'Thistlewood', dateOfBirth: '1991-11-05' };
  const created = await apiAs(stack.baseUrl, 'officer').post(
    '/api/referrals/arrest-diversions',
    arrestReferral({ person }),
  );
  expectStatus(created, 201);
  const caseId: string = created.body.caseId;
  await waitFor(async () => Object.keys(noticeCounts(stack.mail, caseId)).length === 2, 'R-CALL and R-PACKET', 60_000);

  await waitFor(
    async () => (await total('temporal_workflow_task_execution_latency_count')) > tasksBefore,
    'workflow task metrics to move',
  );
  await waitFor(
    async () => (await total('temporal_local_activity_execution_latency_count')) > localActivitiesBefore,
    'local activity metrics to move (a new case projects and sends R-CALL and R-PACKET inside its first task)',
  );
  const after = await (await fetch(metricsUrl)).text();
  expect(after).toMatch(/^temporal_workflow_task_schedule_to_start_latency_count\{.*\} [1-9]/m);
  for (const secret of [person.givenName, person.familyName, person.dateOfBirth]) expect(after).not.toContain(secret);
}, 120_000);

/** This machine's addresses other machines reach it at. */
const externalAddresses = () =>
  Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i && !i.internal && i.family === 'IPv4')
    .map((i) => i!.address);

const refused = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
    (res) => `answered ${res.status}`,
    () => 'refused',
  );

test("issue 22 item 11: metrics listen on loopback only — the worker's, and the API's, which need METRICS_TOKEN and are never on the API's port", async () => {
  const apiMetricsUrl = `http://127.0.0.1:${apiMetricsPort}/metrics`;
  expect((await fetch(apiMetricsUrl)).status).toBe(401);
  const scraped = await fetch(apiMetricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(scraped.status).toBe(200);
  expect(await scraped.text()).toContain('# TYPE http_requests_total counter');
  // The API's own port (the one a front publishes) serves no metrics.
  expect((await fetch(`${stack.baseUrl}/metrics`)).status).toBe(404);
  const external = externalAddresses();
  expect(external.length).toBeGreaterThan(0);
  for (const address of external) {
    expect(await refused(metricsUrl.replace('127.0.0.1', address))).toBe('refused');
    expect(await refused(apiMetricsUrl.replace('127.0.0.1', address))).toBe('refused');
  }
});
