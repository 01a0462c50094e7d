/**
 * Issue 25 item 1, `BENCH_ONLY=profile`: where a referral submission's time goes, before any change.
 * A fixed number of referrals one at a time, at a moderate fixed rate, then at saturation (bench/load-generator.ts,
 * four arrest diversions to one social contact); every API's /metrics read before and after each, and
 * the difference of `lead_request_stage_seconds` told per stage, in the order a submission runs them.
 * Then the read-back: the answer's case is built from the start input (`initialViewOf`); a query of the
 * new workflow right after its start is measured beside it, on an idle engine and under the fixed rate.
 */
import { SUBMISSION_STAGES } from '../src/api/request-stages';
import { CaseWorkflows } from '../src/temporal/case-workflows';
import { apiAs } from '../test/support/api-client';
import { arrestReferral } from '../test/support/referrals';
import { cpuPerReferral, readCpu } from './cpu';
import type { BenchEngine } from './engines';
import { labelValues, scrapeApis, valueOf, type Samples } from './prometheus-text';
import { loadToken, runLoad, type LoadResult } from './run-load';
import { settle } from './settle';
import { round, summarize } from './stats';

const RATE = Number(process.env.BENCH_PROFILE_RATE ?? 10);
const RATE_COUNT = Number(process.env.BENCH_PROFILE_COUNT ?? 300);
const SENDERS = 16;
const SATURATION_COUNT = Number(process.env.BENCH_PROFILE_SATURATION_COUNT ?? 600);
const READ_BACKS = Number(process.env.BENCH_PROFILE_READ_BACKS ?? 50);
const ONE_AT_A_TIME = 100;
const ROUTES = ['/api/referrals/arrest-diversions', '/api/referrals/social-contacts'];
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

export interface StageRow {
  stage: string;
  /** Requests in which the stage ran. */
  ran: number;
  /** Its time per request (all of the route's requests), and per request in which it ran. */
  meanMs: number;
  meanWhenRunMs: number;
  /** Its part of the route's request time. */
  share: number;
  /** Per request: the part with a query of the request in flight, and the queries it made. */
  databaseMs: number;
  queries: number;
}

export interface RouteProfile {
  route: string;
  requests: number;
  meanMs: number;
  /** The stages' sum per request (it should be the request's mean). */
  stagesMs: number;
  stages: StageRow[];
}

function routeProfile(before: Samples, after: Samples, route: string): RouteProfile {
  const delta = (name: string, labels: Record<string, string>) =>
    valueOf(after, name, labels) - valueOf(before, name, labels);
  const requests = delta('http_request_duration_seconds_count', { method: 'POST', route });
  const seconds = delta('http_request_duration_seconds_sum', { method: 'POST', route });
  const seen = labelValues(after, 'lead_request_stage_seconds_count', 'stage', { route });
  const known = Object.keys(SUBMISSION_STAGES);
  const order = [...known.filter((s) => seen.includes(s)), ...seen.filter((s) => !known.includes(s))];
  const stages = order
    .map((stage) => {
      const sum = delta('lead_request_stage_seconds_sum', { route, stage });
      const ran = delta('lead_request_stage_seconds_count', { route, stage });
      return {
        stage,
        ran,
        meanMs: (sum / requests) * 1000,
        meanWhenRunMs: ran ? (sum / ran) * 1000 : 0,
        share: sum / seconds,
        databaseMs: (delta('lead_request_stage_database_seconds_total', { route, stage }) / requests) * 1000,
        queries: delta('lead_request_stage_queries_total', { route, stage }) / requests,
      };
    })
    .filter((s) => s.ran > 0);
  return {
    route,
    requests,
    meanMs: (seconds / requests) * 1000,
    stagesMs: stages.reduce((sum, s) => sum + s.meanMs, 0),
    stages,
  };
}

/** One load, with every API's metrics and the processes' CPU read before and after it. */
async function profiled(stack: BenchEngine, token: string, load: Parameters<typeof runLoad>[2]) {
  const pids = () => ({ api: stack.apiPids(), workers: stack.workerPids() });
  const before = await scrapeApis(stack.apiMetrics);
  const cpuBefore = readCpu(pids());
  const result = await runLoad(stack, token, load);
  const cpu = cpuPerReferral(cpuBefore, readCpu(pids()), result.requests);
  const after = await scrapeApis(stack.apiMetrics);
  const routes = ROUTES.map((route) => routeProfile(before, after, route)).filter((r) => r.requests > 0);
  log(
    `profile ${load.mode} ${load.level}: ${result.requests} referrals, ${round(result.throughput)}/s, p50 ${round(result.latency.p50)} ms p99 ${round(result.latency.p99)} ms, errors ${result.errors}; CPU per referral: API ${round(cpu.api)} ms, workers ${round(cpu.workers)} ms, the rest ${round(cpu.rest)} ms`,
  );
  return { load: result, routes, cpu };
}

/**
 * Submits referrals one at a time, each followed at once by a query of its new case (the workflow's
 * first task must have run before the query is answered): the query's latency, beside the submission's.
 */
async function readBacks(stack: BenchEngine, count: number, until?: Promise<unknown>) {
  const officer = apiAs(stack.baseUrl, 'officer', 'bench-read-back');
  const cases = new CaseWorkflows(stack.client);
  let over = false;
  const end = () => void (over = true);
  void until?.then(end, end);
  const submitted: number[] = [];
  const queried: number[] = [];
  while (queried.length < count && !over) {
    const started = performance.now();
    const { caseId } = (await officer.postOk('/api/referrals/arrest-diversions', arrestReferral())).body;
    const answered = performance.now();
    await cases.view(caseId);
    queried.push(performance.now() - answered);
    submitted.push(answered - started);
  }
  return { submission: summarize(submitted), query: summarize(queried) };
}

export async function submissionProfile(stack: BenchEngine) {
  const token = await loadToken(stack);
  log('profile: warm-up');
  await runLoad(stack, token, { mode: 'saturation', level: 8, seconds: 60, count: 100 });
  await settle(stack);
  const oneAtATime = await profiled(stack, token, { mode: 'saturation', level: 1, seconds: 300, count: ONE_AT_A_TIME });
  await settle(stack);
  const fixedRate = await profiled(stack, token, {
    mode: 'rate',
    level: RATE,
    seconds: RATE_COUNT / RATE + 60,
    count: RATE_COUNT,
  });
  await settle(stack);
  const saturation = await profiled(stack, token, {
    mode: 'saturation',
    level: SENDERS,
    seconds: 300,
    count: SATURATION_COUNT,
  });
  await settle(stack);
  log('profile: read-back on an idle engine');
  const idle = await readBacks(stack, READ_BACKS);
  log(`read-back idle: query p50 ${round(idle.query.p50)} ms p99 ${round(idle.query.p99)} ms`);
  log(`profile: read-back under ${RATE}/s`);
  const background = runLoad(stack, token, { mode: 'rate', level: RATE, seconds: 60 });
  await new Promise((r) => setTimeout(r, 5_000));
  const loaded = await readBacks(stack, READ_BACKS, background);
  const backgroundLoad: LoadResult = await background;
  log(`read-back under load: query p50 ${round(loaded.query.p50)} ms p99 ${round(loaded.query.p99)} ms`);
  await settle(stack);
  return {
    oneAtATime,
    fixedRate,
    saturation,
    readBack: { idle, underLoad: { ...loaded, background: backgroundLoad } },
  };
}

type Profile = Awaited<ReturnType<typeof submissionProfile>>;

function stageTable(route: RouteProfile): string[] {
  const ms = (n: number) => round(n, 2);
  return [
    `${route.route}: ${route.requests} requests, mean ${ms(route.meanMs)} ms (its stages add up to ${ms(route.stagesMs)} ms)`,
    '',
    '| stage | mean ms per request | share of the request | of which database ms | queries | ran in | what it covers |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...route.stages.map(
      (s) =>
        `| ${s.stage} | ${ms(s.meanMs)} | ${round(s.share * 100)} % | ${ms(s.databaseMs)} | ${round(s.queries, 2)} | ${s.ran === route.requests ? 'every request' : `${s.ran} (${ms(s.meanWhenRunMs)} ms each)`} | ${SUBMISSION_STAGES[s.stage] ?? ''} |`,
    ),
    '',
  ];
}

/** The profile as Markdown: one table per load and route, then the read-back. */
export function profileMarkdown(p: Profile): string[] {
  const load = ({ load: l, cpu }: Profile['fixedRate']) =>
    `${l.requests} referrals, ${round(l.throughput)}/s, p50 ${round(l.latency.p50)} ms, p99 ${round(l.latency.p99)} ms, errors ${l.errors}; CPU per referral: API ${round(cpu.api)} ms, workers ${round(cpu.workers)} ms, the rest of the machine ${round(cpu.rest)} ms`;
  const readBack = (r: { submission: ReturnType<typeof summarize>; query: ReturnType<typeof summarize> }) =>
    `| ${r.query.count} | ${round(r.submission.p50)} / ${round(r.submission.p99)} ms | ${round(r.query.p50)} / ${round(r.query.p99)} ms |`;
  return [
    `#### One at a time, one sender (${load(p.oneAtATime)})`,
    '',
    ...p.oneAtATime.routes.flatMap(stageTable),
    `#### At ${p.fixedRate.load.level} referrals/s (${load(p.fixedRate)})`,
    '',
    ...p.fixedRate.routes.flatMap(stageTable),
    `#### At saturation, ${p.saturation.load.level} senders (${load(p.saturation)})`,
    '',
    ...p.saturation.routes.flatMap(stageTable),
    '#### Reading the new case back',
    '',
    '| engine state | referrals | submission p50 / p99 | query of the new case right after, p50 / p99 |',
    '| --- | --- | --- | --- |',
    readBack(p.readBack.idle).replace(/^\|/, '| idle |'),
    readBack(p.readBack.underLoad).replace(/^\|/, `| under ${p.readBack.underLoad.background.level}/s |`),
    '',
  ];
}
