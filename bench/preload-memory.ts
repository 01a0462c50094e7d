/**
 * Memory per cached workflow (bench/results/2026-12-03-preload.md): one worker in this process with the
 * product's workflow bundle, in debug mode so that its reusable V8 context runs on this thread and its
 * heap is this process's heap (BENCH_THREADED=1: on the worker's own workflow thread, as in production,
 * where only the process's RSS tells). BENCH_CASES arrest diversions (default 100) are started, then each is
 * screened (a case action: its input is parsed with the zod schemas), all kept in the worker's cache; the
 * heap is read after a full collection before, between and after. Run with
 * `node --expose-gc --import tsx bench/preload-memory.ts`.
 */
import { Worker } from '@temporalio/worker';
import { temporalCliExecutable, timeSkippingServerExecutable } from '../src/temporal/binaries';
import { bundleLeadWorkflows } from '../src/temporal/workflow-bundle';
import {
  act,
  DAY,
  endStarted,
  RecordingActivities,
  startArrest,
  startWorkflowEnv,
  useFreshTaskQueue,
} from '../test/support/workflow-env';
import { pool } from './bench-setup';

const MB = 1024 * 1024;

function memory() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed: heapUsed / MB, rss: rss / MB };
}

async function main() {
  const cases = Number(process.env.BENCH_CASES ?? 100);
  const cli = temporalCliExecutable();
  if (cli) process.env.TEMPORAL_CLI_PATH = cli.path;
  const testServer = timeSkippingServerExecutable();
  if (testServer) process.env.TEMPORAL_TEST_SERVER_PATH = testServer.path;
  const noop = () => undefined;
  const { code } = await bundleLeadWorkflows({
    logger: { trace: noop, debug: noop, info: noop, warn: noop, error: console.error, log: noop },
  });
  const wf = await startWorkflowEnv();
  useFreshTaskQueue(wf);
  const worker = await Worker.create({
    connection: wf.env.nativeConnection,
    namespace: wf.env.namespace ?? 'default',
    taskQueue: wf.taskQueue,
    workflowBundle: { code },
    dataConverter: wf.dataConverter,
    activities: new RecordingActivities().activities(),
    debugMode: process.env.BENCH_THREADED !== '1',
    maxCachedWorkflows: cases + 10,
  });
  const figures: Record<string, { heapUsed: number; rss: number; cached: number }> = {};
  const read = (stage: string) => {
    figures[stage] = { ...memory(), cached: worker.getStatus().numCachedWorkflows };
  };
  try {
    await worker.runUntil(async () => {
      // One case first: the reusable context, what it preloads and what a first action loads are the baseline.
      const first = await startArrest(wf);
      await act(wf, first, 'recordScreening', {});
      read('worker running, 1 case screened');
      const ids = [first];
      await pool(Array.from({ length: cases - 1 }), 8, async () => void ids.push(await startArrest(wf)));
      read(`${cases} cases started`);
      const intakeAt = new Date((await wf.env.currentTimeMs()) + 2 * DAY).toISOString();
      await pool(
        ids.slice(1),
        8,
        async (id) => void (await act(wf, id, 'recordScreening', { intakeScheduledFor: intakeAt })),
      );
      read(`${cases} cases screened`);
    });
  } finally {
    await endStarted(wf);
    await wf.stop();
  }
  const base = figures['worker running, 1 case screened'];
  const perCase = (after: number, before: number) => `${(((after - before) / (cases - 1)) * 1024).toFixed(0)} KB`;
  for (const [stage, f] of Object.entries(figures)) {
    const growth =
      f === base
        ? ''
        : `; per further case: heap ${perCase(f.heapUsed, base.heapUsed)}, rss ${perCase(f.rss, base.rss)}`;
    console.log(`${stage}: heap ${f.heapUsed.toFixed(1)} MB, rss ${f.rss.toFixed(0)} MB, cached ${f.cached}${growth}`);
  }
}

void main();
