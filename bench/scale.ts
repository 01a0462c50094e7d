/**
 * `scale` (issue 25 item 4): how the product's cost grows with its caseload. Open cases are created
 * through the API, in batches, up to each step of BENCH_SCALE (default 1000,10000,50000); once the
 * worker has caught up with a step, the reads people make every day are timed, with the processes'
 * memory, the database per case and Temporal's visibility queries. Each figure is read against the
 * step before it as its growth per 10× cases (10× for linear growth, 1× for none).
 */
import { apiAs } from '../test/support/api-client';
import { arrestReferral } from '../test/support/referrals';
import { pool } from './bench-setup';
import type { BenchEngine } from './engines';
import { round, summarize } from './stats';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const DAY = 24 * 3600_000;
/** Requests per read at each step (after one warm-up), and runs of the reports and evaluation. */
const READS = 20;
const RUNS = 3;
/** Referrals spread over this many past days, so the last month and the evaluation have cases to count. */
const SPREAD_DAYS = 29;

export const scaleSteps = (): number[] =>
  (process.env.BENCH_SCALE ?? '1000,10000,50000').split(',').map((s) => Number(s.trim()));

export interface Timing {
  p50: number;
  p99: number;
  count: number;
}

export interface ScalePoint {
  openCases: number;
  /** Referrals per second while this step's batch was created (through the API). */
  creationRate: number;
  reads: {
    caseload: Timing & { rows: number };
    stuckList: Timing & { rows: number };
    caseRead: Timing;
    monthSoFar: Timing;
    lastMonthRun: Timing;
    evaluationRun: Timing;
    visibilityCount: Timing;
    visibilityPage: Timing;
  };
  workerRssMb: number;
  apiRssMb: number;
  databaseKbPerCase: number;
}

async function timed(times: number, call: (i: number) => Promise<unknown>): Promise<Timing> {
  await call(-1); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await call(i);
    samples.push(performance.now() - started);
  }
  const s = summarize(samples);
  return { p50: round(s.p50), p99: round(s.p99), count: s.count };
}

const monthOf = (at: Date) => at.toISOString().slice(0, 7);

export async function scaleCurve(
  stack: BenchEngine,
  rss: { worker: () => number; api: () => number },
): Promise<ScalePoint[]> {
  const officer = apiAs(stack.baseUrl, 'officer', 'bench-scale');
  const caseManager = apiAs(stack.baseUrl, 'case_manager', 'bench-scale-cm');
  const supervisor = apiAs(stack.baseUrl, 'supervisor', 'bench-scale-supervisor');
  const manager = apiAs(stack.baseUrl, 'project_manager', 'bench-scale-pm');
  const ids: string[] = [];
  const points: ScalePoint[] = [];
  const now = Date.now();
  for (const target of scaleSteps()) {
    const batch = target - ids.length;
    log(`scale: creating ${batch} cases, up to ${target}`);
    const started = performance.now();
    await pool(Array.from({ length: batch }), 32, async (_x, j) => {
      const i = ids.length + j;
      const { body } = await officer.postOk(
        '/api/referrals/arrest-diversions',
        arrestReferral({
          // Spread over the past days (the newest first would put every case in the month under way).
          referredAt: new Date(now - (i % SPREAD_DAYS) * DAY - 3600_000).toISOString(),
          person: {
            givenName: `Scale${i % 997}`,
            familyName: `Person${Math.floor(i / 997)}`,
            dateOfBirth: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
          },
        }),
      );
      ids.push(body.caseId);
    });
    const creationRate = round(batch / ((performance.now() - started) / 1000));
    await waitForProjection(stack, target);
    const lastMonth = monthOf(new Date(new Date(monthOf(new Date())).getTime() - DAY));
    let caseloadRows = 0;
    let stuckRows = 0;
    const point: ScalePoint = {
      openCases: target,
      creationRate,
      reads: {
        caseload: {
          ...(await timed(READS, async () => {
            caseloadRows = (await caseManager.getOk('/api/caseload')).body.cases.length;
          })),
          rows: 0,
        },
        stuckList: {
          ...(await timed(READS, async () => {
            const { lists } = (await supervisor.getOk('/api/stuck')).body;
            stuckRows = Object.values(lists).reduce((n, list) => n + list.cases.length, 0);
          })),
          rows: 0,
        },
        caseRead: await timed(READS, (i) =>
          caseManager.getOk(`/api/cases/${ids[Math.floor(((i + 1) * ids.length) / (READS + 1))]}`),
        ),
        monthSoFar: await timed(RUNS, () => manager.getOk(`/api/reports/${monthOf(new Date())}`)),
        lastMonthRun: await timed(RUNS, () => manager.postOk(`/api/reports/${lastMonth}/runs`)),
        evaluationRun: await timed(RUNS, () => manager.postOk('/api/evaluation/runs')),
        visibilityCount: await timed(READS, () =>
          stack.client.workflow.count(`LeadStage = 'AWAITING_SCREENING' AND ExecutionStatus = 'Running'`),
        ),
        visibilityPage: await timed(READS, async () => {
          let n = 0;
          for await (const _w of stack.client.workflow.list({
            query: `LeadReferralType = 'ARREST_DIVERSION' AND ExecutionStatus = 'Running'`,
            pageSize: 100,
          }))
            if (++n >= 100) break;
        }),
      },
      workerRssMb: round(rss.worker()),
      apiRssMb: round(rss.api()),
      databaseKbPerCase: round((await databaseBytes(stack)) / 1024 / target, 2),
    };
    point.reads.caseload.rows = caseloadRows;
    point.reads.stuckList.rows = stuckRows;
    log(`scale: ${target} open cases: ${JSON.stringify(point)}`);
    points.push(point);
  }
  return points;
}

/** Every case's opening notices sent: the worker has projected them all and is idle again. */
async function waitForProjection(stack: BenchEngine, cases: number): Promise<void> {
  for (;;) {
    const sent = await stack.db.notification.count({ where: { kind: 'DIVERSION_PACKET', status: 'SENT' } });
    if (sent >= cases) return;
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

async function databaseBytes(stack: BenchEngine): Promise<number> {
  const [row] = await stack.db.$queryRaw<Array<{ size: bigint }>>`SELECT pg_database_size(current_database()) AS size`;
  return Number(row.size);
}

/** Growth per 10× cases between two steps: 10 is linear, 1 flat, above 10 faster than linear. */
export function per10x(a: { n: number; value: number }, b: { n: number; value: number }): number {
  if (!(a.value > 0) || !(b.value > 0)) return NaN;
  return round((b.value / a.value) ** (1 / Math.log10(b.n / a.n)), 2);
}

export function scaleMarkdown(key: string, points: ScalePoint[]): string[] {
  const figures: Array<[string, (p: ScalePoint) => number, string]> = [
    ['caseload (case manager), p50', (p) => p.reads.caseload.p50, 'ms'],
    ['caseload, p99', (p) => p.reads.caseload.p99, 'ms'],
    ['caseload rows', (p) => p.reads.caseload.rows, ''],
    ['stuck list (supervisor), p50', (p) => p.reads.stuckList.p50, 'ms'],
    ['stuck list, p99', (p) => p.reads.stuckList.p99, 'ms'],
    ['stuck list rows', (p) => p.reads.stuckList.rows, ''],
    ['a case read, p50', (p) => p.reads.caseRead.p50, 'ms'],
    ['a case read, p99', (p) => p.reads.caseRead.p99, 'ms'],
    ['monthly report, month so far (computed on read), p50', (p) => p.reads.monthSoFar.p50, 'ms'],
    ['monthly report run, last month (workflow, stored), p50', (p) => p.reads.lastMonthRun.p50, 'ms'],
    ['evaluation run (workflow, stored), p50', (p) => p.reads.evaluationRun.p50, 'ms'],
    ['Temporal visibility: count by stage, p50', (p) => p.reads.visibilityCount.p50, 'ms'],
    ['Temporal visibility: first 100 by type, p50', (p) => p.reads.visibilityPage.p50, 'ms'],
    ['worker RSS', (p) => p.workerRssMb, 'MB'],
    ['API RSS (largest)', (p) => p.apiRssMb, 'MB'],
    ['database per case', (p) => p.databaseKbPerCase, 'KiB'],
    ['creating the batch through the API', (p) => p.creationRate, '/s'],
  ];
  const head = `| ${key} | ${points.map((p) => `${p.openCases} cases`).join(' | ')} | growth per 10× cases |`;
  const rule = `| --- | ${points.map(() => '---').join(' | ')} | --- |`;
  const rows = figures.map(([label, value, unit]) => {
    const cells = points.map((p) => `${value(p)}${unit ? ` ${unit}` : ''}`);
    const growth = points
      .slice(1)
      .map((p, i) => per10x({ n: points[i].openCases, value: value(points[i]) }, { n: p.openCases, value: value(p) }))
      .map((g) => (Number.isNaN(g) ? '—' : `${g}×`))
      .join(', ');
    return `| ${label} | ${cells.join(' | ')} | ${growth || '—'} |`;
  });
  return [head, rule, ...rows];
}
