import type { AddressInfo } from 'node:net';
import { httpMetrics, serveMetrics } from '../../../src/api/metrics';
import { createLogger } from '../../../src/logging';
import { SUBMISSION_STAGES } from '../../../src/api/request-stages';
import { apiAs, expectStatus } from '../../support/api-client';
import { arrestReferral, socialContactReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/** Observability of the API: Prometheus metrics by route pattern, and one JSON log line per request. */
let stack: TestStack;
const logLines: string[] = [];
beforeAll(async () => {
  stack = await startTestStack({
    log: createLogger('lead-api', 'debug', { write: (line: string) => void logLines.push(line) }),
  });
});
afterAll(async () => {
  await stack?.stop();
});

async function scrape(): Promise<string> {
  const res = await fetch(stack.metricsUrl);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of the one sample of `name` with exactly these labels (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const found = text.split('\n').filter((line) => {
    const m = line.match(/^([a-zA-Z_:][\w:]*)\{(.*)\} (\S+)$/);
    if (!m || m[1] !== name) return false;
    const got = Object.fromEntries([...m[2].matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    return (
      Object.keys(got).length === Object.keys(labels).length && Object.entries(labels).every(([k, v]) => got[k] === v)
    );
  });
  expect(found.length).toBeLessThanOrEqual(1);
  return found.length ? Number(found[0].split(' ').pop()) : 0;
}

/** The stages a route's requests have reported, each with its count, sum and database share. */
function stagesOf(text: string, route: string) {
  const names = [...text.matchAll(/^lead_request_stage_seconds_count\{route="([^"]*)",stage="([^"]*)"\} /gm)]
    .filter((m) => m[1] === route)
    .map((m) => m[2]);
  return new Map(
    names.map((stage) => [
      stage,
      {
        count: sample(text, 'lead_request_stage_seconds_count', { route, stage }),
        seconds: sample(text, 'lead_request_stage_seconds_sum', { route, stage }),
        database: sample(text, 'lead_request_stage_database_seconds_total', { route, stage }),
        queries: sample(text, 'lead_request_stage_queries_total', { route, stage }),
      },
    ]),
  );
}

test("issue 25 item 1: one submission's time by stage — each stage it ran, once, adding up to its request's time", async () => {
  const route = '/api/referrals/arrest-diversions';
  const before = await scrape();
  // With a protective order, so that R-EX-ORDER is checked against today's participants too.
  const protectedPerson = { givenName: 'Marlow', familyName: 'Tessaly', dateOfBirth: '1990-05-06' };
  const created = await apiAs(stack.baseUrl, 'officer').post(
    route,
    arrestReferral({ protectiveOrders: [{ type: 'NO_CONTACT', protectedPerson }] }),
  );
  expectStatus(created, 201);
  const after = await scrape();

  const was = stagesOf(before, route);
  const stages = [...stagesOf(after, route)]
    .map(([stage, now]) => ({
      stage,
      count: now.count - (was.get(stage)?.count ?? 0),
      seconds: now.seconds - (was.get(stage)?.seconds ?? 0),
      database: now.database - (was.get(stage)?.database ?? 0),
      queries: now.queries - (was.get(stage)?.queries ?? 0),
    }))
    .filter((s) => s.count > 0);
  // What an operator reads: the stages of a new referral, every one documented, each once.
  expect(stages.map((s) => s.stage).sort()).toEqual(
    [
      'authentication',
      'rate_limits',
      'body_parse',
      'body_validation',
      'prior_referrals',
      'existing_submission',
      'eligibility',
      'protective_orders',
      'record_referral',
      'person_match',
      'workflow_start',
      'mark_started',
      'coordination_alert',
      'initial_view',
      'case_status',
      'answer',
      'audit',
      'other',
    ].sort(),
  );
  for (const s of stages) {
    expect(Object.keys(SUBMISSION_STAGES)).toContain(s.stage);
    expect(s.count).toBe(1);
    expect(s.database).toBeLessThanOrEqual(s.seconds + 1e-6);
  }
  // The stages that query PostgreSQL say so.
  for (const stage of ['existing_submission', 'person_match', 'mark_started', 'audit'])
    expect(stages.find((s) => s.stage === stage)!.database).toBeGreaterThan(0);
  // Issue 25 item 2: a new referral asks the database only what it does not know. Its row is inserted
  // without looking the submission up again, its status read without records a new case cannot have
  // (one scoped read, R-ROI), R-COORD looks up the person's enrolled cases by the person just matched.
  const queriesOf = (stage: string) => stages.find((s) => s.stage === stage)!.queries;
  expect({
    record_referral: queriesOf('record_referral'),
    case_status: queriesOf('case_status'),
    coordination_alert: queriesOf('coordination_alert'),
  }).toEqual({ record_referral: 1, case_status: 1, coordination_alert: 1 });
  // They add up to the request's duration (the same request: one of this route's requests since `before`).
  const labels = { method: 'POST', route };
  expect(
    sample(after, 'http_request_duration_seconds_count', labels) -
      sample(before, 'http_request_duration_seconds_count', labels),
  ).toBe(1);
  const duration =
    sample(after, 'http_request_duration_seconds_sum', labels) -
    sample(before, 'http_request_duration_seconds_sum', labels);
  const total = stages.reduce((sum, s) => sum + s.seconds, 0);
  expect(Math.abs(total - duration)).toBeLessThan(0.001 + duration * 0.01);
});

test('issue 25 item 1: a social contact reports its stages; routes that do not report them add no series', async () => {
  const created = await apiAs(stack.baseUrl, 'officer').post('/api/referrals/social-contacts', socialContactReferral());
  expectStatus(created, 201);
  expect((await apiAs(stack.baseUrl, 'case_manager').get('/api/caseload')).status).toBe(200);
  const text = await scrape();
  const stages = stagesOf(text, '/api/referrals/social-contacts');
  for (const stage of ['eligibility', 'record_referral', 'workflow_start', 'initial_view', 'audit', 'other'])
    expect(stages.get(stage)?.count).toBeGreaterThanOrEqual(1);
  expect(stagesOf(text, '/api/caseload').size).toBe(0);
});

test("issue 22 item 11: the API's port serves no metrics: they listen on a loopback listener of their own", async () => {
  expect((await fetch(`${stack.baseUrl}/metrics`)).status).toBe(404);
  expect(new URL(stack.metricsUrl).hostname).toBe('127.0.0.1');
  expect((await fetch(stack.metricsUrl.replace(/\/metrics$/, '/livez'))).status).toBe(404);
});

test('GET /metrics serves Prometheus text with process metrics, without signing in', async () => {
  const text = await scrape();
  expect(text).toContain('# TYPE http_requests_total counter');
  expect(text).toContain('# TYPE http_request_duration_seconds histogram');
  expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
  expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
});

test('request counts, errors and latencies move by exactly the requests made, labelled by route pattern', async () => {
  const caseManager = apiAs(stack.baseUrl, 'case_manager');
  const officer = apiAs(stack.baseUrl, 'officer');
  const caseload = { method: 'GET', route: '/api/caseload' };
  const unmatched = { method: 'GET', route: 'unmatched' };
  const invalid = { method: 'POST', route: '/api/referrals/arrest-diversions' };
  const before = await scrape();

  for (let i = 0; i < 3; i++) expect((await caseManager.get('/api/caseload')).status).toBe(200);
  expect((await caseManager.get('/api/no-such-route/12345')).status).toBe(404);
  // Thrown inside a router mounted under /api: the label keeps the mount path.
  expect((await officer.post('/api/referrals/arrest-diversions', { agency: 'BURIEN_PD' })).status).toBe(400);

  const after = await scrape();
  const delta = (name: string, labels: Record<string, string>) =>
    sample(after, name, labels) - sample(before, name, labels);
  expect(delta('http_requests_total', { ...caseload, status: '200' })).toBe(3);
  expect(delta('http_requests_total', { ...unmatched, status: '404' })).toBe(1);
  expect(delta('http_requests_total', { ...invalid, status: '400' })).toBe(1);
  expect(delta('http_request_errors_total', { ...unmatched, class: '4xx' })).toBe(1);
  expect(delta('http_request_errors_total', { ...invalid, class: '4xx' })).toBe(1);
  expect(delta('http_request_errors_total', { ...caseload, class: '4xx' })).toBe(0);
  expect(delta('http_request_duration_seconds_count', caseload)).toBe(3);
  expect(sample(after, 'http_request_duration_seconds_bucket', { ...caseload, le: '+Inf' })).toBe(
    sample(after, 'http_request_duration_seconds_count', caseload),
  );
  // Scrapes count too (the one before this test's "after" at least).
  expect(delta('http_requests_total', { method: 'GET', route: '/metrics', status: '200' })).toBeGreaterThanOrEqual(1);
  expect(after).not.toContain('no-such-route');
});

test('neither metrics nor request logs carry personal data, case ids in paths or query strings', async () => {
  const person = { givenName: 'Zephyrine', familyName: 'Quillfeather', dateOfBirth: '1983-07-19' };
  const created = await apiAs(stack.baseUrl, 'officer').post(
    '/api/referrals/arrest-diversions',
    arrestReferral({ person }),
  );
  expectStatus(created, 201);
  const caseId: string = created.body.caseId;
  const viewed = await apiAs(stack.baseUrl, 'supervisor').get(`/api/cases/${caseId}?name=${person.familyName}`);
  expectStatus(viewed, 200);
  expect(viewed.body.referral?.person.familyName).toBe(person.familyName);

  const text = await scrape();
  expect(
    sample(text, 'http_requests_total', { method: 'GET', route: '/api/cases/:caseId', status: '200' }),
  ).toBeGreaterThanOrEqual(1);
  expect(
    sample(text, 'http_requests_total', { method: 'POST', route: '/api/referrals/arrest-diversions', status: '201' }),
  ).toBeGreaterThanOrEqual(1);
  const logs = logLines.join('');
  for (const output of [text, logs]) {
    for (const secret of [person.givenName, person.familyName, person.dateOfBirth, caseId, 'name='])
      expect(output).not.toContain(secret);
  }
});

test("each request logs one JSON line with the request id the service generated; a caller's well-formed id is kept beside it", async () => {
  const given = 'obs-test-request-0001';
  const res = await apiAs(stack.baseUrl, 'case_manager').get('/api/caseload');
  expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  const echoed = await fetch(`${stack.baseUrl}/api/caseload`, { headers: { 'x-request-id': given } });
  expect(echoed.status).toBe(401);
  expect(echoed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(echoed.headers.get('x-client-request-id')).toBe(given);
  const replaced = await fetch(`${stack.baseUrl}/livez`, { headers: { 'x-request-id': 'bad id\twith spaces' } });
  expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(replaced.headers.get('x-client-request-id')).toBeNull();

  const entries = logLines.map((l) => JSON.parse(l)).filter((e) => e.msg === 'request');
  const entry = entries.find((e) => e.clientRequestId === given);
  expect(entry).toMatchObject({
    service: 'lead-api',
    method: 'GET',
    route: 'unmatched',
    status: 401,
    requestId: echoed.headers.get('x-request-id'),
  });
  expect(typeof entry.durationMs).toBe('number');
  const ok = entries.find((e) => e.requestId === res.headers.get('x-request-id'));
  expect(ok).toMatchObject({ method: 'GET', route: '/api/caseload', status: 200, level: 30 });
  expect(Object.keys(ok).sort()).toEqual([
    'durationMs',
    'level',
    'method',
    'msg',
    'name',
    'requestId',
    'route',
    'service',
    'status',
    'time',
  ]);
  expect(entries.find((e) => e.requestId === replaced.headers.get('x-request-id'))).toMatchObject({
    route: '/livez',
    level: 20,
  });
});

test('with METRICS_TOKEN set, /metrics needs it as a bearer token', async () => {
  const metrics = httpMetrics('scrape-secret-123');
  const server = await serveMetrics(metrics, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  try {
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await fetch(url, { headers: { authorization: 'Bearer scrape-secret-123' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/http_requests_total\{method="GET",route="\/metrics",status="401"\} 2/);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
