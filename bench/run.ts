/**
 * `npm run bench`: measures the product against the bare Temporal server it runs on, on this machine,
 * on each engine of bench/engines.ts — the dev server of `npm start`, and the Temporal server on
 * PostgreSQL of `npm run stack` with one and with three workers (nothing else to start). Writes
 * bench/results/<date>.json and .md and prints the tables. Benchmarks report; they never fail
 * anything. BENCH_CASES (default 10000) sets the scale of the deadline storm; BENCH_RUNS (default 3)
 * the runs per figure; BENCH_ENGINES (default dev,stack1,stack3) the engines. `profile`
 * (bench/submission-profile.ts) tells where a submission's time goes, stage by stage.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { apiAs, bodyIf, waitFor } from '../test/support/api-client';
import { arrestReferral } from '../test/support/referrals';
import { createBareActivities } from './bare-activities';
import { ENGINE_KEYS, startEngine, type BenchEngine, type EngineKey } from './engines';
import { pool, prepareBench } from './bench-setup';
import { acrossRuns, round, summarize, type Figure } from './stats';
import { loadToken, runLoad } from './run-load';
import { settle } from './settle';
import { profileMarkdown, submissionProfile } from './submission-profile';
import { scaleCurve, scaleMarkdown } from './scale';

const exec = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');
const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Issue 25: p99 ≤ 250 ms at 20 referrals/s. */
const FIXED_RATE = 20;
const SCENARIOS = ['bare', 'submission', 'profile', 'roundtrip', 'storm', 'history', 'lifecycle'];
/**
 * BENCH_ONLY=storm,history,lifecycle runs some scenarios and merges them into the day's results.
 * `scale` (bench/scale.ts: the cost curve up to BENCH_SCALE open cases) runs only when named: it takes
 * about an hour per engine at 50,000 cases.
 */
const ONLY = new Set(process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : SCENARIOS);
const ENGINES = (process.env.BENCH_ENGINES ? process.env.BENCH_ENGINES.split(',') : [...ENGINE_KEYS]) as EngineKey[];
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}
/** The largest of several processes' RSS (each worker must fit its own ceiling). */
const maxRssMb = (pids: Array<number | undefined>) => Math.max(...pids.map(rssMb));

/** (1) Bare Temporal: starts of a trivial workflow with one no-op activity. */
async function bareLimit(
  stack: BenchEngine,
  bundle: string,
): Promise<{ throughput: Figure; p50: Figure; p99: Figure }> {
  const latencies: number[] = [];
  const connection = await stack.nativeConnection();
  // The product's settings: same server, same worker defaults, same payload encryption.
  const worker = await Worker.create({
    connection,
    taskQueue: 'bench-bare',
    workflowBundle: { codePath: bundle },
    activities: createBareActivities(latencies),
    dataConverter: stack.dataConverter,
    maxCachedWorkflows: 100,
  });
  const throughputs: number[] = [];
  const p50s: number[] = [];
  const p99s: number[] = [];
  await worker.runUntil(async () => {
    for (let run = 0; run <= RUNS; run++) {
      latencies.length = 0;
      const n = 500;
      const started = performance.now();
      await pool(Array.from({ length: n }), 32, async (_x, i) => {
        await stack.client.workflow.start('bareNoop', {
          taskQueue: 'bench-bare',
          workflowId: `bare-${run}-${i}-${Date.now()}`,
          args: [Date.now()],
        });
      });
      const elapsed = (performance.now() - started) / 1000;
      await waitFor(() => latencies.length >= n, 'bare activities', 120_000);
      if (run === 0) continue; // warm-up
      const s = summarize(latencies);
      throughputs.push(n / elapsed);
      p50s.push(s.p50);
      p99s.push(s.p99);
      log(`bare run ${run}: ${round(n / elapsed)} starts/s, start→activity p50 ${s.p50} ms p99 ${s.p99} ms`);
    }
  });
  await connection.close();
  return { throughput: acrossRuns(throughputs, 'starts/s'), p50: acrossRuns(p50s, 'ms'), p99: acrossRuns(p99s, 'ms') };
}

/** (2) Referral submission through the API, from a load generator in a second process. */
async function submission(stack: BenchEngine) {
  const token = await loadToken(stack);
  const load = (mode: 'rate' | 'saturation', level: number, seconds: number): Promise<any> =>
    runLoad(stack, token, { mode, level, seconds });
  await load('saturation', 8, 5); // warm-up
  const fixed = [];
  const saturated = [];
  for (let run = 0; run < RUNS; run++) {
    fixed.push(await load('rate', FIXED_RATE, 10));
    saturated.push(await load('saturation', 16, 10));
    log(
      `submission run ${run + 1}: at ${FIXED_RATE}/s p99 ${round(fixed.at(-1).latency.p99)} ms; saturation ${round(saturated.at(-1).throughput)}/s p99 ${round(saturated.at(-1).latency.p99)} ms`,
    );
  }
  const f = (runs: any[], pick: (r: any) => number, unit: string) => acrossRuns(runs.map(pick), unit);
  return {
    fixedRate: {
      rate: FIXED_RATE,
      throughput: f(fixed, (r) => r.throughput, 'req/s'),
      p50: f(fixed, (r) => r.latency.p50, 'ms'),
      p95: f(fixed, (r) => r.latency.p95, 'ms'),
      p99: f(fixed, (r) => r.latency.p99, 'ms'),
      errors: f(fixed, (r) => r.errors, 'errors'),
      errorsByStatus: fixed.map((r) => r.errorsByStatus),
    },
    saturation: {
      concurrency: 16,
      throughput: f(saturated, (r) => r.throughput, 'req/s'),
      p50: f(saturated, (r) => r.latency.p50, 'ms'),
      p95: f(saturated, (r) => r.latency.p95, 'ms'),
      p99: f(saturated, (r) => r.latency.p99, 'ms'),
      errors: f(saturated, (r) => r.errors, 'errors'),
    },
  };
}

/** (3) A case-manager action until the new stage is visible through the read endpoint, one case at a time. */
async function roundTrip(stack: BenchEngine) {
  const officer = apiAs(stack.baseUrl, 'officer', 'bench-officer');
  const cm = apiAs(stack.baseUrl, 'case_manager', 'bench-cm');
  const p50s: number[] = [];
  const p99s: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const ids: string[] = [];
    await pool(Array.from({ length: 100 }), 8, async () => {
      ids.push((await officer.postOk('/api/referrals/arrest-diversions', arrestReferral())).body.caseId);
    });
    // Measured on a worker that has caught up with the new cases' notices: the action, not the backlog.
    await settle(stack);
    const samples: number[] = [];
    for (const id of ids) {
      const started = performance.now();
      await cm.act(id, 'screening');
      for (;;) {
        const read = await cm.get(`/api/cases/${id}`);
        if (bodyIf(read)?.case.stage === 'AWAITING_INTAKE') break;
      }
      samples.push(performance.now() - started);
    }
    if (run === 0) continue;
    const s = summarize(samples);
    p50s.push(s.p50);
    p99s.push(s.p99);
    log(`round trip run ${run}: p50 ${round(s.p50)} ms p99 ${round(s.p99)} ms`);
  }
  return { p50: acrossRuns(p50s, 'ms'), p99: acrossRuns(p99s, 'ms') };
}

/** (4)+(5) The deadline storm, and the footprint with that many open cases. */
async function stormAndFootprint(stack: BenchEngine) {
  const officer = apiAs(stack.baseUrl, 'officer', 'bench-storm');
  const pilotStarted = performance.now();
  const pilotIds: string[] = [];
  await pool(Array.from({ length: 200 }), 32, async () => {
    pilotIds.push((await officer.postOk('/api/referrals/arrest-diversions', arrestReferral())).body.caseId);
  });
  const pilotRate = 200 / ((performance.now() - pilotStarted) / 1000);
  // The deadlines must fall after every case is created *and* the worker has caught up with them (it
  // handles fewer cases per second than the API accepts), or the storm would overlap the creation.
  const budgetMs = Math.max(120_000, (CASES / Math.min(pilotRate, 8)) * 1000 + 120_000);
  const dueAt = Date.now() + budgetMs;
  const referredAt = new Date(dueAt - STORM_INTAKE_HOURS * 3600_000).toISOString();
  log(`storm: creating ${CASES} cases (pilot ${round(pilotRate)}/s) due ${new Date(dueAt).toISOString()}`);
  const createStarted = performance.now();
  const stormIds: string[] = [];
  await pool(Array.from({ length: CASES }), 32, async (_x, i) => {
    const res = await officer.post(
      '/api/referrals/arrest-diversions',
      arrestReferral({
        referredAt,
        person: { givenName: `Storm${i % 101}`, familyName: `Case${i % 103}`, dateOfBirth: '1980-01-01' },
      }),
    );
    if (res.status !== 201)
      throw new Error(`storm referral ${i}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    stormIds.push(res.body.caseId);
    if (i % 1000 === 999) log(`storm: ${i + 1} created`);
  });
  const createSeconds = (performance.now() - createStarted) / 1000;
  await waitFor(
    async () => (await stack.db.notification.count({ where: { kind: 'DIVERSION_PACKET', status: 'SENT' } })) >= CASES,
    'the creation notices',
    1_800_000,
  );
  await sleep(5_000);
  const footprint = {
    workerRssMb: maxRssMb(stack.workerPids()),
    apiRssMb: maxRssMb(stack.apiPids()),
    openCases: await stack.db.referral.count({ where: { stage: { in: ['AWAITING_SCREENING', 'AWAITING_INTAKE'] } } }),
  };
  log(
    `footprint with ${footprint.openCases} open cases: worker ${round(footprint.workerRssMb)} MB, API ${round(footprint.apiRssMb)} MB`,
  );
  const overran = Date.now() > dueAt;
  await sleep(Math.max(0, dueAt - Date.now()));
  const stormStart = performance.now();
  const missed = {
    where: { kind: 'INTAKE_MISSED', recipientRole: 'prosecutor', status: 'SENT', referralId: { in: stormIds } },
  };
  let peakWorkerRssMb = maxRssMb(stack.workerPids());
  const sampler = setInterval(() => (peakWorkerRssMb = Math.max(peakWorkerRssMb, maxRssMb(stack.workerPids()))), 2_000);
  await waitFor(
    async () => (await stack.db.notification.count(missed)) >= CASES,
    'every prosecutor notice',
    3_600_000,
  ).finally(() => clearInterval(sampler));
  const stormSeconds = (performance.now() - stormStart) / 1000;
  log(`storm: worker RSS peaked at ${round(peakWorkerRssMb)} MB`);
  const perNotice = new Map<string, number>();
  for (const m of stack.mail.messages)
    perNotice.set(m.headers['x-lead-notice-id'], (perNotice.get(m.headers['x-lead-notice-id']) ?? 0) + 1);
  const duplicates = [...perNotice.values()].filter((n) => n > 1).length;
  log(
    `storm: ${CASES} prosecutor notices in ${round(stormSeconds)} s (${round(CASES / stormSeconds)}/s), duplicates ${duplicates}`,
  );
  return {
    cases: CASES,
    createSeconds: round(createSeconds),
    creationRate: round(CASES / createSeconds),
    creationOverranDeadline: overran,
    stormSeconds: round(stormSeconds),
    noticesPerSecond: round(CASES / stormSeconds),
    duplicates,
    footprint: { ...footprint, peakWorkerRssMbDuringStorm: round(peakWorkerRssMb) },
  };
}

/**
 * A history's size as the server stores it and counts it against its limits: its protobuf encoding.
 * (JSON of the same history spells every byte of the encrypted payloads as a number: about 2.4 times.)
 */
const storedBytes = (history: temporal.api.history.v1.IHistory) =>
  temporal.api.history.v1.History.encode(history).finish().length;

/**
 * (5b) A participant's three years after enrollment, as case management records them: an IIP review
 * and a service a month, a note a week, a service withdrawn and offered again each quarter. The case
 * continues as new every 100 events (the bench's setting); each new run starts from the state the last
 * one carried. Reported: the largest carried state (the new run's input, as stored) and the longest run.
 */
async function threeYearCase(stack: BenchEngine) {
  const officer = apiAs(stack.baseUrl, 'officer', 'bench-three-years');
  const cm = apiAs(stack.baseUrl, 'case_manager', 'bench-three-years');
  const id = (await officer.postOk('/api/referrals/arrest-diversions', arrestReferral())).body.caseId;
  for (const [action, body] of [
    ['screening', {}],
    ['consent', { method: 'WRITTEN', covers: { staffing: true, providers: ['Provider of the month'] } }],
    ['intake', {}],
  ] as const)
    await cm.act(id, action, body);
  const goals = ['HOUSING', 'TREATMENT', 'EDUCATION', 'JOB_TRAINING', 'BENEFITS', 'CHILD_CARE'];
  const actions: Array<[string, unknown]> = [];
  for (let month = 1; month <= 36; month++) {
    actions.push(['iip', { goals: [goals[month % goals.length], goals[(month + 1) % goals.length]] }]);
    actions.push(['services', { service: `Service ${month % 9}`, provider: 'Provider of the month' }]);
    for (let week = 0; week < 4; week++)
      actions.push(['notes', { note: `Week ${week + 1} of month ${month}: met, on track with the plan.` }]);
    if (month % 3 === 0) {
      actions.push(['service-withdrawals', { service: `Service ${month % 9}`, reasonCode: 'NOT_USING_SERVICE' }]);
      actions.push(['service-reinstatements', { service: `Service ${month % 9}` }]);
    }
  }
  const handle = stack.client.workflow.getHandle(id);
  const carried: number[] = [];
  let longestRun = { events: 0, bytes: 0 };
  const measureRun = async (runId: string) => {
    const history = await stack.client.workflow.getHandle(id, runId).fetchHistory();
    const start = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    const input = start?.input?.payloads?.[0];
    if (start?.continuedExecutionRunId && input)
      carried.push(temporal.api.common.v1.Payload.encode(input).finish().length);
    if (storedBytes(history) > longestRun.bytes)
      longestRun = { events: history.events?.length ?? 0, bytes: storedBytes(history) };
  };
  let runId = (await handle.describe()).runId;
  for (const [path, body] of actions) {
    const res = await cm.act(id, path, body);
    if (res.status !== 200)
      throw new Error(`three-year case: ${path} answered ${res.status} ${JSON.stringify(res.body)}`);
    const now = (await handle.describe()).runId;
    if (now !== runId) {
      await measureRun(runId);
      runId = now;
    }
  }
  await sleep(2_000);
  await measureRun(runId);
  return {
    actions: actions.length + 3,
    runs: carried.length + 1,
    largestCarriedStateBytes: Math.max(0, ...carried),
    longestRunEvents: longestRun.events,
    longestRunBytes: longestRun.bytes,
  };
}

async function perCase(stack: BenchEngine) {
  const officer = apiAs(stack.baseUrl, 'officer', 'bench-footprint');
  const cm = apiAs(stack.baseUrl, 'case_manager', 'bench-footprint');
  const id = (await officer.postOk('/api/referrals/arrest-diversions', arrestReferral())).body.caseId;
  await cm.act(id, 'screening');
  await cm.act(id, 'consent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
  await cm.act(id, 'intake');
  await waitFor(
    async () => (await stack.db.notification.count({ where: { referralId: id, status: 'SENT' } })) === 2,
    'notices',
    60_000,
  );
  await sleep(2_000);
  const history = await stack.client.workflow.getHandle(id).fetchHistory();
  const cases = await stack.db.referral.count();
  const [{ size }] = await stack.db.$queryRaw<{ size: bigint }[]>`SELECT pg_database_size(current_database()) AS size`;
  const rows = {
    events: await stack.db.caseEvent.count(),
    deadlines: await stack.db.deadline.count(),
    notifications: await stack.db.notification.count(),
    audit: await stack.db.auditEntry.count(),
    people: await stack.db.person.count(),
  };
  return {
    historyEventsAtEnrollment: history.events?.length ?? 0,
    historyBytesAtEnrollment: storedBytes(history),
    historyJsonBytesAtEnrollment: Buffer.byteLength(JSON.stringify(history)),
    dbBytesPerCase: Math.round(Number(size) / cases),
    dbRowsPerCase: round(
      (cases + rows.events + rows.deadlines + rows.notifications + rows.audit + rows.people) / cases,
      1,
    ),
    casesInDatabase: cases,
  };
}

/**
 * (6) The suite's own six-month lifecycle test (social contact → approval → re-assessment at six
 * months → renewal → twelve months → closed), run by jest under time skipping: its reported duration
 * where it sits in the suite (after its file's earlier tests), and alone (then it also pays for the
 * stack's first workflow task, first requests and first e-mails).
 */
const LIFECYCLE_FILE = 'test/workflows/social-contact.test.ts';
const LIFECYCLE_TEST = 're-assessment at six months and not a day before';
async function lifecycleDuration(alone: boolean): Promise<number> {
  const out = path.join(os.tmpdir(), 'lead-bench-lifecycle.json');
  await exec(
    'npx',
    ['jest', LIFECYCLE_FILE, ...(alone ? ['-t', LIFECYCLE_TEST] : []), '--json', `--outputFile=${out}`],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules --no-warnings=ExperimentalWarning' },
      maxBuffer: 50_000_000,
    },
  ).catch((err) => {
    throw new Error(`the lifecycle test failed: ${err.stderr?.slice(-2000) ?? err}`);
  });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const result = report.testResults[0].assertionResults.find(
    (r: { title: string; status: string }) => r.title.includes(LIFECYCLE_TEST) && r.status === 'passed',
  );
  if (!result) throw new Error('the lifecycle test did not pass');
  return result.duration / 1000;
}

async function lifecycleSpeed() {
  const inSuite: number[] = [];
  const alone: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const suite = await lifecycleDuration(false);
    const cold = await lifecycleDuration(true);
    if (run > 0) {
      inSuite.push(suite);
      alone.push(cold);
    }
    log(
      `lifecycle run ${run}: ${round(suite, 2)} s in the suite, ${round(cold, 2)} s alone${run === 0 ? ' (warm-up)' : ''}`,
    );
  }
  return { inSuite: acrossRuns(inSuite, 's'), alone: acrossRuns(alone, 's') };
}

function engineRows(e: any): string[] {
  const f = (x: Figure) => `${round(x.median)} ${x.unit} (min ${round(x.min)}, max ${round(x.max)}, ${x.runs} runs)`;
  const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
  const rows: string[] = [];
  const { bare, submission: s, roundTrip, storm, perCase } = e;
  if (bare) {
    rows.push(`| bare Temporal: starts/s (no-op workflow + activity, 32 starters) | ${f(bare.throughput)} | — |`);
    rows.push(
      `| bare Temporal: start → activity p50 / p99 (500 starts at once: mostly queueing) | ${round(bare.p50.median)} / ${round(bare.p99.median)} ms | — |`,
    );
  }
  if (s) {
    const ratio = bare ? s.saturation.throughput.median / bare.throughput.median : NaN;
    rows.push(
      `| referral submission at saturation (16 senders) | ${f(s.saturation.throughput)}, p50 ${round(s.saturation.p50.median)} ms, p95 ${round(s.saturation.p95.median)} ms, p99 ${round(s.saturation.p99.median)} ms, errors ${s.saturation.errors.median} | ≥ 0.5 × bare on this engine: ratio ${round(ratio, 2)} — ${mark(ratio >= 0.5)} |`,
    );
    // Results recorded before issue 25 measured 50/s, against p99 ≤ 50 ms.
    const rate = s.fixedRate.rate ?? 50;
    const p99Target = rate === 50 ? 50 : 250;
    rows.push(
      `| referral submission at ${rate}/s | p50 ${round(s.fixedRate.p50.median)} ms, p95 ${round(s.fixedRate.p95.median)} ms, p99 ${f(s.fixedRate.p99)}, errors ${s.fixedRate.errors.median} | p99 ≤ ${p99Target} ms — ${mark(s.fixedRate.p99.median <= p99Target)} |`,
    );
  }
  if (roundTrip)
    rows.push(
      `| case action round trip p50 / p99 | ${round(roundTrip.p50.median)} / ${f(roundTrip.p99)} | p99 ≤ 150 ms — ${mark(roundTrip.p99.median <= 150)} |`,
    );
  if (storm) {
    rows.push(
      `| deadline storm: ${storm.cases} prosecutor notices due at once | ${storm.stormSeconds} s, ${storm.noticesPerSecond} notices/s, ${storm.duplicates} duplicates (1 run${storm.creationOverranDeadline ? '; creation overran the deadline' : ''}) | ≤ 5 min, none twice — ${mark(storm.stormSeconds <= 300 && storm.duplicates === 0)} |`,
    );
    if (bare)
      rows.push(
        `| the storm against bare Temporal on this engine | ${round(storm.noticesPerSecond / bare.throughput.median, 2)} × bare starts/s (each notice: a timer, a workflow task, two e-mails) | — |`,
      );
    rows.push(
      `| creating the storm's cases through the API | ${storm.createSeconds} s (${storm.creationRate}/s) | — |`,
    );
    rows.push(
      `| worker RSS with ${storm.footprint.openCases} open cases (largest worker) | ${round(storm.footprint.workerRssMb)} MB | ≤ 512 MB — ${mark(storm.footprint.workerRssMb <= 512)} |`,
    );
    rows.push(`| worker RSS peak during the storm | ${round(storm.footprint.peakWorkerRssMbDuringStorm)} MB | — |`);
    rows.push(`| API RSS with the same (largest API) | ${round(storm.footprint.apiRssMb)} MB | — |`);
  }
  if (perCase) {
    const kib = perCase.historyBytesAtEnrollment / 1024;
    // Results recorded before the protobuf figure hold the JSON size only.
    rows.push(
      perCase.historyJsonBytesAtEnrollment === undefined
        ? `| history per case at enrollment (as JSON, before compact state) | ${perCase.historyEventsAtEnrollment} events, ${round(kib)} KiB | — |`
        : `| history per case at enrollment (as stored: protobuf) | ${perCase.historyEventsAtEnrollment} events, ${round(kib)} KiB (${round(perCase.historyJsonBytesAtEnrollment / 1024)} KiB as JSON) | ≤ 15 KiB — ${mark(kib <= 15)} |`,
    );
    // Per case only where the storm filled the database (alone, `history` creates two cases).
    if (perCase.casesInDatabase >= 100)
      rows.push(
        `| database per case | ${perCase.dbRowsPerCase} rows, ${round(perCase.dbBytesPerCase / 1024)} KiB | — |`,
      );
  }
  const years = e.threeYears;
  if (years) {
    const kib = years.largestCarriedStateBytes / 1024;
    rows.push(
      `| three-year participant (${years.actions} actions, ${years.runs} runs): largest carried state | ${round(kib, 2)} KiB | ≤ 8 KiB — ${mark(kib <= 8)} |`,
    );
    rows.push(
      `| the same: longest run's history | ${years.longestRunEvents} events, ${round(years.longestRunBytes / 1024)} KiB | — |`,
    );
  }
  return rows;
}

function markdown(result: any): string {
  const f = (x: Figure) => `${round(x.median)} ${x.unit} (min ${round(x.min)}, max ${round(x.max)}, ${x.runs} runs)`;
  const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
  const out = [
    `# Benchmark ${result.date}`,
    '',
    `Machine: ${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryGb} GB, Node ${result.machine.node}. SMTP receiver in the bench process; the API and workers are separate processes (worker cache ${process.env.WORKER_CACHED_WORKFLOWS ?? 100} workflows). Each engine's figures are read against bare Temporal on the same engine.`,
    '',
  ];
  for (const [key, e] of Object.entries<any>(result.engines ?? {})) {
    const rows = engineRows(e);
    out.push(`## ${key}: ${e.description}`, '');
    if (rows.length) out.push('| figure | value | target |', '| --- | --- | --- |', ...rows, '');
    if (e.profile) out.push(`### Where a submission's time goes (${key})`, '', ...profileMarkdown(e.profile));
    if (e.scale) out.push(`### The cost curve: open cases (${key})`, '', ...scaleMarkdown(key, e.scale), '');
  }
  if (result.lifecycle) {
    out.push('## Time skipping (the test server)', '', '| figure | value | target |', '| --- | --- | --- |');
    out.push(
      `| one time-skipped lifecycle in the suite (social contact → six months → renewal → twelve months) | ${f(result.lifecycle.inSuite)} | ≤ 2 s — ${mark(result.lifecycle.inSuite.median <= 2)} |`,
    );
    out.push(
      `| the same test run alone (pays for the stack's first workflow, requests and e-mails) | ${f(result.lifecycle.alone)} | — |`,
      '',
    );
  }
  return out.join('\n');
}

/**
 * The storm's R-INTAKE deadline: not a whole number of days, so it falls due at the exact instant (30
 * whole days end at the end of a local day, R-INTAKE, which would put the storm at the program's next
 * midnight). All of a day's referrals falling due at one midnight is the storm this stands for.
 */
const STORM_INTAKE_HOURS = 30 * 24 + 1;

/** The storm's cases are backdated so that all their R-INTAKE deadlines fall due at one instant; their 4-hour and 12-hour clocks are set long so they do not fire during the run. */
const benchConfig = (config: any) => {
  config.durations.maxReferralBackdate = '31 days';
  config.durations.intakeDeadline = `${STORM_INTAKE_HOURS} hours`;
  config.durations.screeningOverdueAfter = '40 days';
  config.durations.sceneWindow = '40 days';
  // The three-year case continues as new every 100 events, so that its carried state is measured often.
  config.continueAsNewAfterEvents = 100;
};

async function measure(key: EngineKey, bare: string): Promise<any> {
  log(`engine ${key}: starting`);
  const stack = await startEngine(key, benchConfig);
  const result: any = { description: stack.description };
  try {
    if (ONLY.has('bare')) {
      log(`${key}: bare Temporal limit`);
      result.bare = await bareLimit(stack, bare);
    }
    // The cost curve on a fresh system: its database per case counts its own cases only.
    if (ONLY.has('scale')) {
      log(`${key}: the cost curve`);
      result.scale = await scaleCurve(stack, {
        worker: () => maxRssMb(stack.workerPids()),
        api: () => maxRssMb(stack.apiPids()),
      });
      await settle(stack);
    }
    // The storm on a fresh system: its deadlines must not meet another scenario's backlog.
    if (ONLY.has('storm')) {
      log(`${key}: deadline storm`);
      result.storm = await stormAndFootprint(stack);
    }
    // History and database per case: after the storm when it runs, alone with BENCH_ONLY=history.
    if (ONLY.has('storm') || ONLY.has('history')) {
      result.perCase = await perCase(stack);
      log(`${key}: a three-year case`);
      result.threeYears = await threeYearCase(stack);
      await settle(stack);
    }
    if (ONLY.has('submission')) {
      log(`${key}: referral submission`);
      result.submission = await submission(stack);
      log('waiting for the worker to catch up');
      await settle(stack);
    }
    if (ONLY.has('profile')) {
      log(`${key}: where a submission's time goes`);
      result.profile = await submissionProfile(stack);
    }
    if (ONLY.has('roundtrip')) {
      log(`${key}: action round trip`);
      result.roundTrip = await roundTrip(stack);
      await settle(stack);
    }
  } finally {
    await stack.stop();
  }
  return result;
}

async function main() {
  const { bare } = await prepareBench();
  const result: any = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGb: round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    engines: {},
  };
  for (const key of ENGINES) result.engines[key] = await measure(key, bare);
  if (ONLY.has('lifecycle')) {
    log('time-skipped lifecycle');
    result.lifecycle = await lifecycleSpeed();
  }
  const day = result.date.slice(0, 10);
  const file = path.join(__dirname, 'results', `${day}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  // A partial run (BENCH_ONLY, BENCH_ENGINES) replaces its own figures in the day's results and keeps the others.
  const earlier = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const merged = { ...earlier, ...result, engines: { ...earlier.engines } };
  for (const [key, e] of Object.entries<any>(result.engines)) merged.engines[key] = { ...earlier.engines?.[key], ...e };
  if (!result.lifecycle && earlier.lifecycle) merged.lifecycle = earlier.lifecycle;
  writeFileSync(file, JSON.stringify(merged, null, 2));
  const md = markdown(merged);
  writeFileSync(path.join(__dirname, 'results', `${day}.md`), md);
  console.log(md);
  process.exit(0);
}

main().catch((err) => {
  console.error('[bench] failed:', err);
  process.exit(1);
});
