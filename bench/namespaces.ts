/**
 * `npm run bench:namespaces`: one shared Temporal namespace for every program (what the service does:
 * the program in each workflow id, `BUR-…`, and in the `LeadProgram` search attribute) against one
 * namespace per program, measured on this machine. For each number of programs (BENCH_PROGRAMS, default
 * 2,4) one Temporal CLI dev server is started (the product's dev-server flags, its search attributes, a
 * fresh SQLite file, free ports) with the shared namespaces and one namespace per program, and three
 * worker processes (the product's worker Node flags) poll it:
 *  A. one Worker on one connection and one task queue in the shared namespace, for every program;
 *  B. one Worker per program namespace, each on a connection of its own, all in one process (what a
 *     deployment running every program in one worker process would do);
 *  C. the control: B's worker resources (P Workers, P connections) on one task queue of a second shared
 *     namespace, so that what B gains or costs can be told apart from what more Workers gain or cost.
 * All run bench/bare-workflows.ts (a workflow with one no-op activity) with run.ts's worker settings.
 * Their runs take turns on the same server, so all see the same machine and the same database.
 * Figures: (1) throughput and latency of BENCH_N (default 500) workflows started and awaited by 32
 * concurrent callers, spread evenly over the programs; (2) worker RSS and the long polls held open;
 * (3) visibility: one program's running and completed workflows listed and counted; (4) what adding a
 * program takes. BENCH_RUNS (default 3) runs per figure; medians. Writes
 * bench/results/<date>-namespaces.md and prints it. Benchmarks report; they never fail anything.
 *
 * Run with `worker <json>` it is one of the worker processes (started by the benchmark itself).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { SEARCH_ATTRIBUTE_FLAGS, SEARCH_ATTRIBUTES } from '../src/contract/search-attributes';
import { freePort } from '../src/net/free-port';
import { temporalCliExecutable } from '../src/temporal/binaries';
import { startDevServer, type DevServer } from '../src/temporal/dev-server';
import { DEV_SERVER_FLAGS } from '../src/temporal/dev-server-flags';
import { serveTemporalMetrics } from '../src/temporal/metrics';
import { registerSearchAttributes } from '../src/temporal/search-attribute-registry';
import { WORKER_NODE_FLAGS } from '../src/temporal/worker-node-flags';
import { createBareActivities } from './bare-activities';
import { pool, prepareBench } from './bench-setup';
import { readCpu } from './cpu';
import { parseSamples, type Samples } from './prometheus-text';
import { acrossRuns, round, summarize, type Figure } from './stats';

const ROOT = path.resolve(__dirname, '..');
const N = Number(process.env.BENCH_N ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PROGRAM_COUNTS = (process.env.BENCH_PROGRAMS ?? '2,4').split(',').map(Number);
/** Callers, each starting a workflow and awaiting its result, then the next (as run.ts's 32 starters). */
const CONCURRENCY = 32;
const WARM_UP = 100;
/** Workflows per program left running (on a task queue no worker polls), for the visibility figure. */
const PARKED = 100;
const VISIBILITY_REPS = 15;
/** The dev server allows 100 visibility requests/s per namespace: a pause keeps the reads below it. */
const VISIBILITY_PAUSE_MS = 25;
const PREFIXES = ['BUR', 'HBR', 'RIV', 'KNT'];
const NEW_PREFIXES = ['NWA', 'NWB', 'NWC'];
/** The program whose workflows the visibility figure lists. */
const LISTED = 'HBR';
const TASK_QUEUE = 'bench-namespaces';
const PARKED_QUEUE = 'bench-namespaces-parked';
const SHARED_NAMESPACE = 'lead-shared';
/** The control's namespace: shared by its programs, apart from A's so that A's visibility counts only A's. */
const CONTROL_NAMESPACE = 'lead-shared-control';
const namespaceOf = (prefix: string) => `lead-${prefix.toLowerCase()}`;
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------------
// The worker process
// ---------------------------------------------------------------------------------------------------

interface WorkerSpec {
  address: string;
  bundle: string;
  metricsPort: number;
  namespaces: string[];
}

/** Long polls a Worker may hold open, from its compiled options: workflow tasks (normal + sticky) and activity tasks. */
const configuredPolls = (w: Worker) => ({
  workflow: w.options.workflowTaskPollerBehavior.maximum ?? NaN,
  activity: w.options.activityTaskPollerBehavior.maximum ?? NaN,
});

async function workerProcess(spec: WorkerSpec) {
  process.on('disconnect', () => process.exit(1)); // the benchmark is gone
  // The SDK's own metrics (num_pollers: the long polls each Worker holds open), for the benchmark to read.
  serveTemporalMetrics(spec.metricsPort, '127.0.0.1');
  const latencies: number[] = [];
  const workers: Array<{ worker: Worker; connection: NativeConnection; running: Promise<void> }> = [];
  const add = async (namespace: string) => {
    const connection = await NativeConnection.connect({ address: spec.address });
    // run.ts's bare worker: the same bundle, activities and cache.
    const worker = await Worker.create({
      connection,
      namespace,
      taskQueue: TASK_QUEUE,
      workflowBundle: { codePath: spec.bundle },
      activities: createBareActivities(latencies),
      maxCachedWorkflows: 100,
    });
    const running = worker.run();
    workers.push({ worker, connection, running });
    while (worker.getState() !== 'RUNNING') {
      if (worker.getState() === 'FAILED') await running;
      await sleep(5);
    }
    return configuredPolls(worker);
  };
  const send = (message: unknown) => process.send!(message);
  try {
    const polls = [];
    for (const namespace of spec.namespaces) polls.push(await add(namespace));
    send({ ready: true, polls });
  } catch (err) {
    send({ ready: false, error: String(err) });
    process.exit(1);
  }
  process.on('message', (message: any) => {
    if (message.add) {
      const started = performance.now();
      add(message.add).then(
        (polls) => send({ added: message.add, ms: performance.now() - started, polls }),
        (err) => send({ added: message.add, error: String(err) }),
      );
    } else if (message.stop) {
      for (const w of workers) w.worker.shutdown();
      void Promise.allSettled(workers.map((w) => w.running))
        .then(() => Promise.allSettled(workers.map((w) => w.connection.close())))
        .then(() => process.exit(0));
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// The benchmark
// ---------------------------------------------------------------------------------------------------

/** VmRSS of a process, in MB (NaN once it is gone). */
function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

/** Established TCP connections from a process to a local port (its sockets, found in /proc/net/tcp). */
function tcpConnectionsTo(pid: number, port: number): number {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch {
      // closed meanwhile
    }
  }
  let count = 0;
  for (const table of ['tcp', 'tcp6']) {
    let text = '';
    try {
      text = readFileSync(`/proc/${pid}/net/${table}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10) continue;
      const remotePort = parseInt(f[2].split(':')[1], 16);
      if (f[3] === '01' && remotePort === port && inodes.has(f[9])) count++;
    }
  }
  return count;
}

class WorkerProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly metricsPort: number,
    readonly polls: Array<{ workflow: number; activity: number }>,
  ) {}

  get pid(): number {
    return this.child.pid!;
  }

  static async start(name: string, spec: Omit<WorkerSpec, 'metricsPort'>, logDir: string): Promise<WorkerProcess> {
    const metricsPort = await freePort();
    const out = openSync(path.join(logDir, `${name}.log`), 'a');
    const child = spawn(
      process.execPath,
      [...WORKER_NODE_FLAGS, '--import', 'tsx', __filename, 'worker', JSON.stringify({ ...spec, metricsPort })],
      { cwd: ROOT, stdio: ['ignore', out, out, 'ipc'] },
    );
    const ready = await new Promise<any>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`worker ${name} exited (${code}); see ${logDir}`)));
    });
    if (!ready.ready) throw new Error(`worker ${name} failed: ${ready.error}`);
    return new WorkerProcess(child, metricsPort, ready.polls);
  }

  /** Asks the process for one more Worker, in a namespace of its own; resolves once it runs. */
  add(namespace: string): Promise<{ ms: number }> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: any) => {
        if (m.added !== namespace) return;
        this.child.off('message', onMessage);
        if (m.error) reject(new Error(m.error));
        else {
          this.polls.push(m.polls);
          resolve({ ms: m.ms });
        }
      };
      this.child.on('message', onMessage);
      this.child.send({ add: namespace });
    });
  }

  async metrics(): Promise<Samples> {
    const res = await fetch(`http://127.0.0.1:${this.metricsPort}/metrics`);
    return parseSamples([await res.text()]);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.send({ stop: true });
    await Promise.race([exited, sleep(30_000)]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** The series of one metric, with their labels. */
function series(samples: Samples, name: string): Array<{ labels: Record<string, string>; value: number }> {
  const found = [];
  for (const [k, value] of samples) {
    if (!k.startsWith(`${name}{`)) continue;
    const labels = Object.fromEntries([...k.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    found.push({ labels, value });
  }
  return found;
}

/** A and B, and the control C: the shared namespace with B's worker resources. */
type LayoutKey = 'A' | 'B' | 'C';
const LAYOUT_KEYS = ['A', 'C', 'B'] as const;
const LAYOUT_NAMES: Record<LayoutKey, string> = {
  A: 'A. shared namespace',
  B: 'B. namespace per program',
  C: 'C. shared namespace, P Workers (control)',
};
const byLayout = <T>(make: (key: LayoutKey) => T): Record<LayoutKey, T> => ({
  A: make('A'),
  B: make('B'),
  C: make('C'),
});

interface Layout {
  key: LayoutKey;
  name: string;
  programs: string[];
  namespaceOf(prefix: string): string;
  namespaces(): string[];
  worker: WorkerProcess;
  clients: Map<string, Client>;
  /** The last `n` of `<PREFIX>-n` per namespace and prefix. */
  counters: Map<string, number>;
  /** Workflows run to completion per prefix. */
  completed: Map<string, number>;
}

function clientOf(layout: Layout, connection: Connection, prefix: string): Client {
  const namespace = layout.namespaceOf(prefix);
  let client = layout.clients.get(namespace);
  if (!client) layout.clients.set(namespace, (client = new Client({ connection, namespace })));
  return client;
}

/** One workflow of a program: id `<PREFIX>-n`, `LeadProgram` set (in both layouts: the product's code sets it). */
async function startOne(layout: Layout, connection: Connection, prefix: string, taskQueue: string, wait: boolean) {
  const key = `${layout.namespaceOf(prefix)}/${prefix}`;
  const n = (layout.counters.get(key) ?? 0) + 1;
  layout.counters.set(key, n);
  const client = clientOf(layout, connection, prefix);
  const options = {
    taskQueue,
    workflowId: `${prefix}-${n}`,
    args: [Date.now()] as [number],
    typedSearchAttributes: [{ key: SEARCH_ATTRIBUTES.program, value: prefix }],
  };
  if (wait) {
    await client.workflow.execute('bareNoop', options);
    layout.completed.set(prefix, (layout.completed.get(prefix) ?? 0) + 1);
  } else await client.workflow.start('bareNoop', options);
}

interface ThroughputRun {
  throughput: number;
  p50: number;
  p99: number;
  peakRssMb: number;
  workerCpuMsPerWorkflow: number;
  serverCpuMsPerWorkflow: number;
  /** CPU of the machine outside the server, the workers and this process, in cores (another load). */
  otherCores: number;
  /** CPU of the whole machine during the run, in cores. */
  machineCores: number;
}

async function throughputRun(
  layout: Layout,
  others: number[],
  connection: Connection,
  server: DevServer,
  n: number,
): Promise<ThroughputRun> {
  const latencies: number[] = [];
  const pid = layout.worker.pid;
  const cpuBefore = readCpu({ api: [server.pid, ...others], workers: [pid] });
  const serverBefore = readCpu({ api: [server.pid], workers: [] }).api;
  const benchBefore = process.cpuUsage();
  let peakRssMb = rssMb(pid);
  const sampler = setInterval(() => {
    const now = rssMb(pid);
    if (now > peakRssMb) peakRssMb = now;
  }, 200);
  const started = performance.now();
  await pool(Array.from({ length: n }), CONCURRENCY, async (_x, i) => {
    const t = performance.now();
    await startOne(layout, connection, layout.programs[i % layout.programs.length], TASK_QUEUE, true);
    latencies.push(performance.now() - t);
  });
  const elapsedMs = performance.now() - started;
  clearInterval(sampler);
  const cpuAfter = readCpu({ api: [server.pid, ...others], workers: [pid] });
  const serverAfter = readCpu({ api: [server.pid], workers: [] }).api;
  const bench = process.cpuUsage(benchBefore);
  const benchMs = (bench.user + bench.system) / 1000;
  const ownMs = cpuAfter.api - cpuBefore.api + (cpuAfter.workers - cpuBefore.workers) + benchMs;
  const s = summarize(latencies);
  return {
    throughput: n / (elapsedMs / 1000),
    p50: s.p50,
    p99: s.p99,
    peakRssMb,
    workerCpuMsPerWorkflow: (cpuAfter.workers - cpuBefore.workers) / n,
    serverCpuMsPerWorkflow: (serverAfter - serverBefore) / n,
    otherCores: Math.max(0, cpuAfter.machine - cpuBefore.machine - ownMs) / elapsedMs,
    machineCores: (cpuAfter.machine - cpuBefore.machine) / elapsedMs,
  };
}

/** Cores busy outside the given processes and this one, over `ms`. */
async function otherCores(pids: number[], ms: number): Promise<number> {
  const before = readCpu({ api: pids, workers: [] });
  const bench = process.cpuUsage();
  await sleep(ms);
  const after = readCpu({ api: pids, workers: [] });
  const own = process.cpuUsage(bench);
  return (after.machine - before.machine - (after.api - before.api) - (own.user + own.system) / 1000) / ms;
}

/**
 * The machine is shared (someone's test suites run on it at times): before each measured run, waits up
 * to QUIET_WAIT_MS for less than a third of a core to be busy elsewhere. Returns what it last saw.
 */
const QUIET_WAIT_MS = 30_000;
/**
 * A run during which more than this many cores were busy elsewhere is done again, up to MAX_ATTEMPTS
 * times, while the benchmark is within its time budget (BENCH_BUDGET_S, default 480 s, shared evenly by
 * the program counts); after that a disturbed run counts, and the results say so.
 */
const DISTURBED_CORES = 0.4;
const MAX_ATTEMPTS = 5;
const BUDGET_MS = Number(process.env.BENCH_BUDGET_S ?? 480) * 1000;
async function waitForQuiet(pids: number[]): Promise<number> {
  const deadline = Date.now() + QUIET_WAIT_MS;
  let other = await otherCores(pids, 1_000);
  while (other > 0.33 && Date.now() < deadline) other = await otherCores(pids, 1_000);
  return other;
}

/** The server's Prometheus label values: its reporter writes `lead-hbr` as `lead_hbr`. */
const asLabel = (value: string) => value.replace(/[^a-zA-Z0-9_]/g, '_');

async function serverMetrics(port: number): Promise<Samples> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  return parseSamples([await res.text()]);
}

interface Polls {
  workers: number;
  tcpConnections: number;
  configured: number;
  sdk: Record<string, number>;
  sdkTotal: number;
  serverPending: number;
  serverPollerIdentities: number;
  /** Long polls the server's own internal worker holds in these namespaces (its per-namespace system workers). */
  serverInternalPolls: number;
}

async function pollsOf(
  layout: Layout,
  connection: Connection,
  serverPort: number,
  metricsPort: number,
): Promise<Polls> {
  const sdk: Record<string, number> = {};
  for (const s of series(await layout.worker.metrics(), 'temporal_num_pollers'))
    sdk[s.labels.poller_type] = (sdk[s.labels.poller_type] ?? 0) + s.value;
  const namespaces = new Set(layout.namespaces());
  const labels = new Set([...namespaces].map(asLabel));
  const server = await serverMetrics(metricsPort);
  const serverPending = series(server, 'service_pending_requests')
    .filter((s) => labels.has(s.labels.namespace) && /^Poll(Workflow|Activity)TaskQueue$/.test(s.labels.operation))
    .reduce((sum, s) => sum + s.value, 0);
  const serverInternalPolls = series(server, 'temporal_num_pollers')
    .filter((s) => labels.has(s.labels.namespace))
    .reduce((sum, s) => sum + s.value, 0);
  let identities = 0;
  for (const namespace of namespaces)
    for (const taskQueueType of [
      temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
    ]) {
      const res = await connection.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: TASK_QUEUE, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType,
      });
      identities += res.pollers?.length ?? 0;
    }
  return {
    workers: layout.worker.polls.length,
    tcpConnections: tcpConnectionsTo(layout.worker.pid, serverPort),
    configured: layout.worker.polls.reduce((sum, p) => sum + p.workflow + p.activity, 0),
    sdk,
    sdkTotal: Object.values(sdk).reduce((a, b) => a + b, 0),
    serverPending,
    serverPollerIdentities: identities,
    serverInternalPolls,
  };
}

/** The visibility reads of one program, in each layout. */
function visibilityQueries(layout: Layout) {
  const namespace = layout.namespaceOf(LISTED);
  const where = (status?: string) => {
    const parts = [
      ...(layout.key === 'A' ? [`LeadProgram = '${LISTED}'`] : []),
      ...(status ? [`ExecutionStatus = '${status}'`] : []),
    ];
    return parts.join(' AND ');
  };
  return { namespace, where };
}

const VISIBILITY_READS = [
  { key: 'runningPage', label: 'list running, first page (100)' },
  { key: 'completedPage', label: 'list completed, first page (100)' },
  { key: 'completedAll', label: 'list every completed one (pages of 1000)' },
  { key: 'countAll', label: 'count all of the program' },
  { key: 'countRunning', label: 'count running' },
] as const;

async function visibilityRead(
  layout: Layout,
  connection: Connection,
  read: (typeof VISIBILITY_READS)[number]['key'],
): Promise<{ ms: number; rows: number }> {
  const { namespace, where } = visibilityQueries(layout);
  const ws = connection.workflowService;
  const started = performance.now();
  let rows = 0;
  if (read === 'runningPage' || read === 'completedPage') {
    const res = await ws.listWorkflowExecutions({
      namespace,
      query: where(read === 'runningPage' ? 'Running' : 'Completed'),
      pageSize: 100,
    });
    rows = res.executions?.length ?? 0;
  } else if (read === 'completedAll') {
    let token: Uint8Array | undefined;
    do {
      const res = await ws.listWorkflowExecutions({
        namespace,
        query: where('Completed'),
        pageSize: 1000,
        nextPageToken: token,
      });
      rows += res.executions?.length ?? 0;
      token = res.nextPageToken?.length ? res.nextPageToken : undefined;
    } while (token);
  } else {
    const res = await ws.countWorkflowExecutions({
      namespace,
      query: where(read === 'countRunning' ? 'Running' : undefined),
    });
    rows = Number(res.count);
  }
  return { ms: performance.now() - started, rows };
}

async function waitForVisibility(layout: Layout, connection: Connection, running: number, completed: number) {
  const { namespace, where } = visibilityQueries(layout);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const r = await connection.workflowService.countWorkflowExecutions({ namespace, query: where('Running') });
    const c = await connection.workflowService.countWorkflowExecutions({ namespace, query: where('Completed') });
    if (Number(r.count) === running && Number(c.count) === completed) return;
    if (Date.now() > deadline)
      throw new Error(
        `${layout.name}: visibility shows ${Number(r.count)} running / ${Number(c.count)} completed, not ${running} / ${completed}`,
      );
    await sleep(500);
  }
}

interface AddProgram {
  steps: Record<string, number>;
  rssDeltaMb?: number;
  serverRssDeltaMb?: number;
  serverInternalPolls?: number;
  firstStartAttempts: number;
}

/** Shared: nothing on Temporal; the new program's first workflow, on the running worker. */
async function addProgramShared(layout: Layout, connection: Connection, prefix: string): Promise<AddProgram> {
  const started = performance.now();
  await startOne({ ...layout, programs: [prefix] }, connection, prefix, TASK_QUEUE, true);
  return { steps: { firstWorkflow: performance.now() - started }, firstStartAttempts: 1 };
}

/** Per namespace: register the namespace, its search attributes, a Worker for it, then its first workflow. */
async function addProgramPerNamespace(
  layout: Layout,
  connection: Connection,
  prefix: string,
  server: DevServer,
  metricsPort: number,
): Promise<AddProgram> {
  const namespace = namespaceOf(prefix);
  const steps: Record<string, number> = {};
  let t = performance.now();
  const lap = (step: string) => {
    const now = performance.now();
    steps[step] = now - t;
    t = now;
  };
  const rssBefore = rssMb(layout.worker.pid);
  const serverRssBefore = rssMb(server.pid);
  await connection.workflowService.registerNamespace({
    namespace,
    workflowExecutionRetentionPeriod: msToTs('1 day'),
  });
  lap('registerNamespace');
  for (;;) {
    const ok = await connection.workflowService.describeNamespace({ namespace }).then(
      () => true,
      () => false,
    );
    if (ok) break;
    await sleep(50);
  }
  lap('describeNamespace answers');
  await registerSearchAttributes(connection, namespace);
  lap('search attributes');
  await layout.worker.add(namespace);
  lap('worker running');
  let attempts = 0;
  for (;;) {
    attempts++;
    try {
      await startOne(layout, connection, prefix, TASK_QUEUE, true);
      break;
    } catch (err) {
      if (attempts >= 200) throw err;
      await sleep(100);
    }
  }
  lap('firstWorkflow');
  await sleep(2_000);
  const serverInternalPolls = series(await serverMetrics(metricsPort), 'temporal_num_pollers')
    .filter((s) => s.labels.namespace === asLabel(namespace))
    .reduce((sum, s) => sum + s.value, 0);
  return {
    steps,
    rssDeltaMb: rssMb(layout.worker.pid) - rssBefore,
    serverRssDeltaMb: rssMb(server.pid) - serverRssBefore,
    serverInternalPolls,
    firstStartAttempts: attempts,
  };
}

async function measureProgramCount(p: number, bundle: string, cli: string, retryUntil: number) {
  const programs = PREFIXES.slice(0, p);
  const dir = mkdtempSync(path.join(os.tmpdir(), `lead-bench-namespaces-${p}-`));
  const serverPort = await freePort();
  const metricsPort = await freePort();
  log(`${p} programs: dev server on 127.0.0.1:${serverPort}, files in ${dir}`);
  const server = await startDevServer({
    executable: cli,
    ip: '127.0.0.1',
    port: serverPort,
    uiPort: await freePort(),
    dbFilename: path.join(dir, 'temporal.sqlite'),
    namespace: SHARED_NAMESPACE,
    extraArgs: [
      '--headless',
      '--metrics-port',
      String(metricsPort),
      ...DEV_SERVER_FLAGS,
      ...SEARCH_ATTRIBUTE_FLAGS.flatMap((f) => ['--search-attribute', f]),
      '--namespace',
      CONTROL_NAMESPACE,
      ...programs.flatMap((prefix) => ['--namespace', namespaceOf(prefix)]),
    ],
  });
  const connection = await Connection.connect({ address: server.address });
  const workers: WorkerProcess[] = [];
  // Once only: a signal and the measurement's own failure may both ask for it.
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const w of workers) await w.stop();
      await connection.close().catch(() => undefined);
      await server.stop();
      if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
    })());
  interrupted = cleanUp;
  try {
    const workerA = await WorkerProcess.start(
      `shared-${p}`,
      { address: server.address, bundle, namespaces: [SHARED_NAMESPACE] },
      dir,
    );
    workers.push(workerA);
    const workerB = await WorkerProcess.start(
      `per-namespace-${p}`,
      { address: server.address, bundle, namespaces: programs.map(namespaceOf) },
      dir,
    );
    workers.push(workerB);
    const workerC = await WorkerProcess.start(
      `control-${p}`,
      { address: server.address, bundle, namespaces: programs.map(() => CONTROL_NAMESPACE) },
      dir,
    );
    workers.push(workerC);
    const control: Layout = {
      key: 'C',
      name: LAYOUT_NAMES.C,
      programs,
      namespaceOf: () => CONTROL_NAMESPACE,
      namespaces: () => [CONTROL_NAMESPACE],
      worker: workerC,
      clients: new Map(),
      counters: new Map(),
      completed: new Map(),
    };
    const shared: Layout = {
      key: 'A',
      name: LAYOUT_NAMES.A,
      programs,
      namespaceOf: () => SHARED_NAMESPACE,
      namespaces: () => [SHARED_NAMESPACE],
      worker: workerA,
      clients: new Map(),
      counters: new Map(),
      completed: new Map(),
    };
    const perNamespace: Layout = {
      key: 'B',
      name: LAYOUT_NAMES.B,
      programs,
      namespaceOf,
      namespaces: () => programs.map(namespaceOf),
      worker: workerB,
      clients: new Map(),
      counters: new Map(),
      completed: new Map(),
    };
    const layouts = [shared, perNamespace];
    const all = [shared, control, perNamespace];
    const layoutOf = byLayout((key) => all.find((l) => l.key === key)!);
    await sleep(3_000);
    const idleRss = byLayout((key) => rssMb(layoutOf[key].worker.pid));
    log(`${p} programs: workers running; idle RSS ${JSON.stringify(idleRss)} MB`);

    // (1) Throughput and latency, the layouts taking turns (warm-up first, not counted).
    for (const layout of all) await throughputRun(layout, [], connection, server, WARM_UP);
    const runs = byLayout((): ThroughputRun[] => []);
    const redone = byLayout(() => 0);
    const disturbed = byLayout(() => 0);
    const allPids = () => [server.pid, ...workers.map((w) => w.pid)];
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? all : [...all].reverse();
      for (const layout of order) {
        const other = all.filter((l) => l !== layout).map((l) => l.worker.pid);
        let r: ThroughputRun;
        for (let attempt = 1; ; attempt++) {
          const before = await waitForQuiet(allPids());
          if (before > 0.33) log(`${p} programs: still ${round(before, 2)} cores busy elsewhere; measuring anyway`);
          r = await throughputRun(layout, other, connection, server, N);
          if (r.otherCores <= DISTURBED_CORES || attempt === MAX_ATTEMPTS || Date.now() > retryUntil) break;
          redone[layout.key]++;
          log(`${p} programs, ${layout.name}: ${round(r.otherCores, 2)} cores busy elsewhere during the run; again`);
        }
        runs[layout.key].push(r);
        if (r.otherCores > DISTURBED_CORES) disturbed[layout.key]++;
        log(
          `${p} programs, ${layout.name}, run ${run + 1}: ${round(r.throughput)} workflows/s, p50 ${round(r.p50)} ms, p99 ${round(r.p99)} ms, peak RSS ${round(r.peakRssMb)} MB, other load ${round(r.otherCores, 2)} cores`,
        );
      }
    }

    // (2) Long polls and memory, idle after the runs.
    await sleep(3_000);
    const polls = {
      A: await pollsOf(shared, connection, serverPort, metricsPort),
      B: await pollsOf(perNamespace, connection, serverPort, metricsPort),
      C: await pollsOf(control, connection, serverPort, metricsPort),
    };
    const rssAfter = byLayout((key) => rssMb(layoutOf[key].worker.pid));
    log(`${p} programs: polls ${JSON.stringify(polls)}; RSS after runs ${JSON.stringify(rssAfter)}`);

    await waitForQuiet(allPids());
    // (3) Visibility: PARKED running workflows per program (no worker polls their queue), then the reads.
    for (const layout of layouts)
      await pool(
        Array.from({ length: PARKED * p }),
        16,
        async (_x, i) => void (await startOne(layout, connection, programs[i % p], PARKED_QUEUE, false)),
      );
    // A run done again leaves its layout more completed workflows: the other is topped up to as many.
    const target = Math.max(...layouts.flatMap((l) => programs.map((prefix) => l.completed.get(prefix) ?? 0)));
    for (const layout of layouts) {
      const missing = programs.flatMap((prefix) =>
        Array.from({ length: target - (layout.completed.get(prefix) ?? 0) }, () => prefix),
      );
      await pool(missing, 16, async (prefix) => void (await startOne(layout, connection, prefix, TASK_QUEUE, true)));
    }
    for (const layout of layouts) await waitForVisibility(layout, connection, PARKED, target);
    const visibility = byLayout((): Record<string, { ms: number[]; rows: number }> => ({}));
    for (let rep = -1; rep < VISIBILITY_REPS; rep++) {
      const order = rep % 2 === 0 ? layouts : [...layouts].reverse();
      for (const layout of order)
        for (const read of VISIBILITY_READS) {
          const r = await visibilityRead(layout, connection, read.key);
          await sleep(VISIBILITY_PAUSE_MS);
          if (rep < 0) continue; // warm-up
          const v = (visibility[layout.key][read.key] ??= { ms: [], rows: r.rows });
          v.ms.push(r.ms);
          v.rows = r.rows;
        }
    }
    log(`${p} programs: visibility measured`);

    await waitForQuiet(allPids());
    // (4) Adding a program.
    const adds: Record<'A' | 'B', AddProgram[]> = { A: [], B: [] };
    for (const prefix of NEW_PREFIXES) {
      adds.A.push(await addProgramShared(shared, connection, prefix));
      adds.B.push(await addProgramPerNamespace(perNamespace, connection, prefix, server, metricsPort));
      log(`${p} programs: added ${prefix}: ${JSON.stringify(adds.B.at(-1))}`);
    }
    const rssAfterAdds = rssMb(workerB.pid);
    return {
      programs: p,
      idleRss,
      rssAfter,
      rssAfterAdds,
      runs,
      redone,
      disturbed,
      polls,
      visibility,
      adds,
    };
  } finally {
    await cleanUp();
    interrupted = undefined;
  }
}

/** What Ctrl+C or SIGTERM must stop (the Temporal Runtime catches both signals, so the process would not exit). */
let interrupted: (() => Promise<void>) | undefined;
let stopping: Promise<void> | undefined;

type Measured = Awaited<ReturnType<typeof measureProgramCount>>;

/** A layout's throughput divided by A's in the same round, round by round. */
const pairedRatios = (r: Measured, key: LayoutKey) =>
  r.runs[key].map((run, i) => run.throughput / r.runs.A[i].throughput);

const fig = (x: Figure, digits = 1) => `${round(x.median, digits)} (${round(x.min, digits)}–${round(x.max, digits)})`;
const median = (values: number[]) => acrossRuns(values, '').median;

function markdown(results: Measured[], machine: Record<string, string | number>, started: Date, elapsedS: number) {
  const out: string[] = [];
  const layoutName = LAYOUT_NAMES;
  out.push(
    `# One shared namespace or one namespace per program (${started.toISOString().slice(0, 10)})`,
    '',
    `Measured by \`npx tsx bench/namespaces.ts\` on ${started.toISOString()} in ${Math.round(elapsedS)} s.`,
    '',
    `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}; Temporal CLI dev server ${machine.cli} (SQLite file, the product's dev-server flags: WAL with synchronous=full, the product's dynamic config and search attributes). Load average at start ${machine.loadStart}, at the end ${machine.loadEnd}. The machine is shared (other people's test suites run on it at times): the "other load" column of table 1 shows, per run, how many cores were busy outside the server, the three worker processes and the benchmark.`,
    '',
    '## Method',
    '',
    `- For each number of programs P (${results.map((r) => r.programs).join(', ')}; prefixes ${PREFIXES.join(', ')}) one fresh dev server, started by the script on free ports with its own temporary SQLite file, has the namespaces \`${SHARED_NAMESPACE}\`, \`${CONTROL_NAMESPACE}\` and \`lead-<prefix>\` per program, and the product's search attributes (\`LeadProgram\` Keyword among them) registered in each.`,
    `- Three worker processes (\`node ${WORKER_NODE_FLAGS.join(' ')} --import tsx\`, as the product's worker) run bench/bare-workflows.ts (one no-op activity) with run.ts's bare-worker settings (cache 100 workflows, SDK default pollers, default data converter): **A** one Worker on one connection, task queue \`${TASK_QUEUE}\` in \`${SHARED_NAMESPACE}\`; **B** one Worker per program namespace, **each on its own NativeConnection, all in one process** (a deployment that serves every program from one worker process); **C**, a control that is not a deployment option anyone asked for: B's worker resources — P Workers, each on its own NativeConnection, in one process — all polling the one task queue of a second shared namespace \`${CONTROL_NAMESPACE}\`, so that what B gains or costs can be told apart from what more Workers (more pollers, more workflow threads) gain or cost. All processes stay up for the whole P; their runs take turns (A,C,B then B,C,A…) on the same server, so all see the same machine and database; the idle ones keep their polls open.`,
    `- Workflows get ids \`<PREFIX>-n\` and \`LeadProgram = <PREFIX>\` in every layout (the product's code sets it anyway; so the start payload is the same and only the layout differs). The benchmark process holds one client Connection, with one Client per namespace.`,
    `- (1) ${N} workflows per run, round-robin over the programs, by ${CONCURRENCY} concurrent callers each starting a workflow and awaiting its result (latency = start call → result). One warm-up of ${WARM_UP} per layout, then ${RUNS} runs each. Before each run the script waits (up to ${QUIET_WAIT_MS / 1000} s) for the machine to be quiet, and a run during which more than ${DISTURBED_CORES} cores were busy outside the bench's own processes is done again (up to ${MAX_ATTEMPTS} attempts while the script is within its ${BUDGET_MS / 1000} s budget; then the last attempt counts, and the table says how many counted runs were disturbed). Figures: median (min–max) over the runs. With ${CONCURRENCY} workflows always in flight, latency ≈ ${CONCURRENCY} ÷ throughput (queueing on 2 cores), so p50 follows throughput; p99 shows the tail. Worker RSS from /proc/PID/status (VmRSS), sampled every 200 ms; CPU from /proc (bench/cpu.ts).`,
    `- (2) After the runs, idle: long polls held open read three ways — computed from the Workers' compiled options (workflow-task + activity-task poller maximum per Worker); the SDK's own gauge \`temporal_num_pollers\` from each worker process's Prometheus endpoint; and the server's \`service_pending_requests\` gauge for PollWorkflowTaskQueue + PollActivityTaskQueue in the layout's namespaces (recorded by the frontend at each poll's arrival). \`describeTaskQueue\` lists poller *identities* (one per process, namespace and task-queue type: the Workers of one process share an identity), not concurrent polls: shown too. TCP connections: the worker process's established sockets to the server port.`,
    `- (3) ${PARKED} workflows per program left running (a task queue no worker polls) besides the completed ones; then one program's (${LISTED}) workflows are read ${VISIBILITY_REPS} times (after one warm-up), A and B alternating, ${VISIBILITY_PAUSE_MS} ms apart (the dev server allows 100 visibility requests/s per namespace). A queries \`LeadProgram = '${LISTED}' [AND ExecutionStatus = …]\` in \`${SHARED_NAMESPACE}\`; B queries \`[ExecutionStatus = …]\` in \`${namespaceOf(LISTED)}\`. Raw gRPC (listWorkflowExecutions / countWorkflowExecutions) from the benchmark process.`,
    `- (4) Adding a program, ${NEW_PREFIXES.length} times (${NEW_PREFIXES.join(', ')}): A starts the new program's first workflow on the running worker (nothing registered on Temporal); B registers the namespace (RegisterNamespace, 1-day retention), waits for DescribeNamespace to answer, registers the product's search attributes in it (src/temporal/search-attribute-registry.ts: the 10 attributes, LeadProgram among them), has the worker process create a NativeConnection and Worker for it (timed in the benchmark from the request to the Worker's RUNNING state), and then runs the first workflow (retried until the server accepts it).`,
    '',
  );

  out.push(
    '## 1. Throughput and latency',
    '',
    `${N} workflows started and completed per run, ${CONCURRENCY} concurrent callers; median (min–max) of ${RUNS} runs. The layouts take turns in each round; "÷ A, same round" divides a run's throughput by A's in the same round (median, min–max over the rounds), which cancels what a round's machine state does to all layouts alike.`,
    '',
    '| P | layout | Workers / connections | workflows/s | ÷ A, same round | p50 ms | p99 ms | worker CPU ms per workflow | server CPU ms per workflow | machine busy (cores) | other load (cores) | runs redone / counted although disturbed |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const r of results)
    for (const key of LAYOUT_KEYS) {
      const runs = r.runs[key];
      const f = (pick: (x: ThroughputRun) => number, digits = 1) => fig(acrossRuns(runs.map(pick), ''), digits);
      out.push(
        `| ${r.programs} | ${layoutName[key]} | ${r.polls[key].workers} / ${r.polls[key].tcpConnections} | ${f((x) => x.throughput)} | ${fig(acrossRuns(pairedRatios(r, key), ''), 2)} | ${f((x) => x.p50)} | ${f((x) => x.p99)} | ${f((x) => x.workerCpuMsPerWorkflow, 2)} | ${f((x) => x.serverCpuMsPerWorkflow, 2)} | ${f((x) => x.machineCores, 2)} | ${f((x) => x.otherCores, 2)} | ${r.redone[key]} / ${r.disturbed[key]} |`,
      );
    }
  out.push('');

  out.push(
    '## 2. Worker memory and long polls',
    '',
    'RSS of the worker process (MB): idle after start, peak during the runs (median of the runs), idle after the runs. Long polls: idle, after the runs.',
    '',
    '| P | layout | Workers | TCP conns to server | RSS idle at start | RSS peak in runs | RSS idle after runs | long polls, from options (max) | long polls, SDK gauge (by type) | long polls, server gauge (incl. server-internal ones) | describeTaskQueue poller identities | server-internal per-namespace worker: long polls |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const r of results)
    for (const key of LAYOUT_KEYS) {
      const po = r.polls[key];
      const byType = Object.entries(po.sdk)
        .sort()
        .map(([t, v]) => `${t.replace(/_task$/, '')} ${v}`)
        .join(', ');
      out.push(
        `| ${r.programs} | ${layoutName[key]} | ${po.workers} | ${po.tcpConnections} | ${round(r.idleRss[key])} | ${round(median(r.runs[key].map((x) => x.peakRssMb)))} | ${round(r.rssAfter[key])} | ${po.configured} | ${po.sdkTotal} (${byType})${key === 'C' ? '; its P Workers share one set of gauge series (same namespace and queue), so this shows one Worker' : ''} | ${po.serverPending} | ${po.serverPollerIdentities} | ${po.serverInternalPolls} |`,
      );
    }
  out.push('');

  out.push(
    "## 3. Visibility: one program's workflows",
    '',
    `Program ${LISTED}: ${PARKED} running workflows and those completed in (1) (the rows column says how many each read returned); ms, median (min–max) of ${VISIBILITY_REPS} reads.`,
    '',
    '| P | read | rows | A. shared (`LeadProgram` query) | B. own namespace |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const r of results)
    for (const read of VISIBILITY_READS) {
      const a = r.visibility.A[read.key];
      const b = r.visibility.B[read.key];
      const rows = a.rows === b.rows ? `${a.rows}` : `A ${a.rows} / B ${b.rows}`;
      out.push(
        `| ${r.programs} | ${read.label} | ${rows} | ${fig(acrossRuns(a.ms, 'ms'))} | ${fig(acrossRuns(b.ms, 'ms'))} |`,
      );
    }
  out.push('');

  out.push(
    '## 4. Adding a program',
    '',
    `ms, median (min–max) over the ${NEW_PREFIXES.length} programs added (${NEW_PREFIXES.join(', ')}), with the P programs' workers running.`,
    '',
    '| P | layout | step | ms |',
    '| --- | --- | --- | --- |',
  );
  for (const r of results) {
    const steps = (key: 'A' | 'B') => Object.keys(r.adds[key][0].steps);
    const total = (a: AddProgram) => Object.values(a.steps).reduce((x, y) => x + y, 0);
    out.push(
      `| ${r.programs} | ${layoutName.A} | nothing on Temporal; the first workflow \`NWx-1\` on the running worker | ${fig(
        acrossRuns(
          r.adds.A.map((a) => a.steps.firstWorkflow),
          'ms',
        ),
      )} |`,
    );
    for (const step of steps('B'))
      out.push(
        `| ${r.programs} | ${layoutName.B} | ${step} | ${fig(
          acrossRuns(
            r.adds.B.map((a) => a.steps[step]),
            'ms',
          ),
        )} |`,
      );
    out.push(
      `| ${r.programs} | ${layoutName.B} | **total** (first-workflow start attempts: ${r.adds.B.map((a) => a.firstStartAttempts).join(', ')}) | ${fig(acrossRuns(r.adds.B.map(total), 'ms'))} |`,
      `| ${r.programs} | ${layoutName.B} | worker process RSS per added Worker (MB, 2 s after its first workflow) | ${fig(
        acrossRuns(
          r.adds.B.map((a) => a.rssDeltaMb ?? NaN),
          'MB',
        ),
      )} |`,
      `| ${r.programs} | ${layoutName.B} | server RSS per added namespace (MB, same moment; Go heap, noisy) | ${fig(
        acrossRuns(
          r.adds.B.map((a) => a.serverRssDeltaMb ?? NaN),
          'MB',
        ),
      )} |`,
      `| ${r.programs} | ${layoutName.B} | long polls the server's own worker holds in the new namespace, 2 s after its first workflow (0: not started yet) | ${r.adds.B.map((a) => a.serverInternalPolls).join(', ')} |`,
    );
  }
  out.push('');

  out.push('## Conclusion', '', ...conclusion(results), '');
  return out.join('\n');
}

/** What the numbers say, computed from them (so a rerun states its own). */
function conclusion(results: Measured[]): string[] {
  const facts: string[] = [];
  /** Visibility reads of B against A (median of each read's ratio), per P. */
  const reads: number[] = [];
  const perWorkerRss: number[] = [];
  const addMs: number[] = [];
  for (const r of results) {
    const t = (key: LayoutKey) => median(r.runs[key].map((x) => x.throughput));
    const p99 = (key: LayoutKey) => median(r.runs[key].map((x) => x.p99));
    const peak = (key: LayoutKey) => median(r.runs[key].map((x) => x.peakRssMb));
    const cpu = (key: LayoutKey) =>
      median(r.runs[key].map((x) => x.workerCpuMsPerWorkflow)) +
      median(r.runs[key].map((x) => x.serverCpuMsPerWorkflow));
    reads.push(
      median(VISIBILITY_READS.map((v) => median(r.visibility.B[v.key].ms) / median(r.visibility.A[v.key].ms))),
    );
    const addB = median(r.adds.B.map((a) => Object.values(a.steps).reduce((x, y) => x + y, 0)));
    addMs.push(addB);
    perWorkerRss.push(...r.adds.B.map((a) => a.rssDeltaMb ?? NaN));
    facts.push(
      `- P = ${r.programs}: throughput B ${round(t('B'))}, A ${round(t('A'))}, C ${round(t('C'))} workflows/s (÷ A in the same round: B ${round(median(pairedRatios(r, 'B')), 2)}, C ${round(median(pairedRatios(r, 'C')), 2)}); machine ${round(median(r.runs.A.concat(r.runs.B, r.runs.C).map((x) => x.machineCores)), 2)} of ${os.cpus().length} cores busy during the runs; p99 B ${round(p99('B'))}, A ${round(p99('A'))}, C ${round(p99('C'))} ms; worker + server CPU per workflow B ${round(cpu('B'))}, A ${round(cpu('A'))}, C ${round(cpu('C'))} ms; worker RSS at peak B ${round(peak('B'))}, A ${round(peak('A'))}, C ${round(peak('C'))} MB; long polls held by the worker B ${r.polls.B.sdkTotal}, A ${r.polls.A.sdkTotal}, C ${r.polls.C.sdkTotal}, plus ${r.polls.B.serverInternalPolls} vs ${r.polls.A.serverInternalPolls} by the server's own per-namespace worker in B's and A's namespaces; one program's visibility reads took B ${round(reads.at(-1)!, 2)}× A's time (median over the five reads); adding a program took B ${round(addB)} ms of Temporal set-up and a new Worker, A nothing.`,
    );
  }
  const within = (x: number, tolerance: number) => Math.abs(x - 1) <= tolerance;
  const last = results[results.length - 1];
  const pollsPerWorker = round(last.polls.B.sdkTotal / last.polls.B.workers);
  const serverPollsPerNamespace = round(last.polls.B.serverInternalPolls / last.programs);
  const lines = [
    "B (namespace per program) against A (shared) and C (shared, with B's Workers), medians:",
    '',
    ...facts,
    '',
  ];
  const disturbedRuns = results.reduce((n, r) => n + r.disturbed.A + r.disturbed.B + r.disturbed.C, 0);
  if (disturbedRuns > 0)
    lines.push(
      `Caution: ${disturbedRuns} of the counted runs of table 1 had more than ${DISTURBED_CORES} cores busy elsewhere on the machine; their throughput and latency say more about that load than about the layout. CPU per workflow (worker + server) depends much less on it.`,
      '',
    );
  /** Per P: B ÷ A and C ÷ A, round by round. */
  const ratiosB = results.map((r) => pairedRatios(r, 'B'));
  const ratiosC = results.map((r) => pairedRatios(r, 'C'));
  const range = (xs: number[]) => `${round(Math.min(...xs), 2)}–${round(Math.max(...xs), 2)}`;
  const perP = (all: number[][]) =>
    results.map((r, i) => `${range(all[i])} at P = ${r.programs} (median ${round(median(all[i]), 2)})`).join(', ');
  const busy = Math.min(
    ...results.flatMap((r) => LAYOUT_KEYS.map((k) => median(r.runs[k].map((x) => x.machineCores)))),
  );
  const busyText =
    busy >= 0.8 * os.cpus().length
      ? `; at least ${round(busy, 2)} of the ${os.cpus().length} cores were busy in every layout's runs, the dev server using the most CPU per workflow`
      : '';
  /** B against C, per P: what B's namespaces add to what its Workers give. */
  const bOverC = results.map((_r, i) => median(ratiosB[i]) / median(ratiosC[i]));
  const likeControl = bOverC.every((x) => within(x, 0.1));
  const bAboveC = bOverC.some((x) => x > 1.1);
  const straddles = [...ratiosB, ...ratiosC].some((xs) => Math.min(...xs) < 1 && Math.max(...xs) > 1);
  const throughputText =
    `Throughput divided by A's in the same round was, for B, ${perP(ratiosB)}; for C, the shared namespace with as many Workers as B, ${perP(ratiosC)}${busyText ? ` (table 1${busyText})` : ' (table 1)'}.` +
    (likeControl
      ? ' B and C stay within 10 % of each other at each P: whatever one namespace per program gains over A here, the shared namespace gains as well when it is given as many Workers — the Workers make the difference, not the namespaces.'
      : bAboveC
        ? ` B was more than 10 % above C at some P (B ÷ C ${bOverC.map((x) => round(x, 2)).join(', ')}): not all of its gain comes from its extra Workers.`
        : ` C was more than 10 % above B at some P (B ÷ C ${bOverC.map((x) => round(x, 2)).join(', ')}).`) +
    (straddles
      ? ' Some ratios fall on both sides of 1 from round to round: differences of that size are within the noise on this machine.'
      : '');
  const p99Of = (r: Measured, key: LayoutKey) => median(r.runs[key].map((x) => x.p99));
  const p99s = results.map(
    (r) => `${round(p99Of(r, 'B'))} / ${round(p99Of(r, 'C'))} / ${round(p99Of(r, 'A'))} ms at P = ${r.programs}`,
  );
  const bTail = results.every((r) => p99Of(r, 'B') < 0.8 * p99Of(r, 'A'));
  const cTail = results.every((r) => within(p99Of(r, 'B') / p99Of(r, 'C'), 0.25));
  const tailText = !bTail
    ? ''
    : cTail
      ? ` The p99 latency was lower with P Workers, in B and about as much in C, the shared namespace with the same Workers (B / C / A: ${p99s.join('; ')}): that gain comes from the Workers, not from the namespaces.`
      : ` B's p99 latency was lower than A's, and C, the shared namespace with the same Workers, did not match it (B / C / A: ${p99s.join('; ')}).`;
  const readsText = reads.every((x) => within(x, 0.3))
    ? "Reading one program's workflows with the `LeadProgram` keyword in the shared namespace took about as long as reading a namespace of its own (within 30 %, table 3) at these volumes."
    : `Reading one program's workflows differed between the layouts by more than 30 % (B/A ${reads.map((x) => round(x, 2)).join(', ')}; table 3).`;
  const costText = `Each further program costs the per-namespace layout a Worker (about ${round(median(perWorkerRss))} MB more worker RSS per added Worker, ${pollsPerWorker} more long polls and one more connection with the SDK's default settings, tables 2 and 4), ${serverPollsPerNamespace} more long polls of the server's own per-namespace worker, and adding a program becomes an operation on Temporal (register the namespace and its search attributes, start a Worker: ${round(median(addMs))} ms here) where the shared namespace needs nothing.`;
  const favoursShared = !bAboveC && (!bTail || cTail);
  lines.push(
    favoursShared
      ? `The numbers favour **one shared namespace** for this service. ${throughputText}${tailText} ${readsText} ${costText}`
      : `The numbers are mixed. ${throughputText}${tailText} ${readsText} ${costText}`,
    '',
    'Not measured, but part of the choice: in the Temporal Web UI, one namespace lets a supervisor keep a saved query per program (`LeadProgram = "HBR"`) and still see every program in one list; with a namespace per program the UI shows one namespace at a time and programs are switched with its namespace switcher (no list across programs). What only separate namespaces give (per-namespace rate limits, retention, access control by namespace) was not measured either.',
  );
  return lines;
}

async function main() {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      log(`${signal}: stopping`);
      stopping = (interrupted?.() ?? Promise.resolve()).finally(() => process.exit(130));
    });
  const startedAt = new Date();
  const loadStart = os
    .loadavg()
    .map((l) => round(l, 2))
    .join(' / ');
  const { bare } = await prepareBench();
  const cli = temporalCliExecutable();
  if (!cli) throw new Error('no Temporal CLI: scripts/provide-temporal-cli.sh could not provide one');
  const results: Measured[] = [];
  for (const [i, p] of PROGRAM_COUNTS.entries())
    results.push(
      await measureProgramCount(p, bare, cli.path, startedAt.getTime() + (BUDGET_MS * (i + 1)) / PROGRAM_COUNTS.length),
    );
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '?',
    memoryGb: round(os.totalmem() / 2 ** 30),
    node: process.version,
    cli: /temporal-cli-(v[\d.]+)/.exec(cli.path)?.[1] ?? cli.path,
    loadStart,
    loadEnd: os
      .loadavg()
      .map((l) => round(l, 2))
      .join(' / '),
  };
  const md = markdown(results, machine, startedAt, (Date.now() - startedAt.getTime()) / 1000);
  const file = path.join(__dirname, 'results', `${startedAt.toISOString().slice(0, 10)}-namespaces.md`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, md + '\n');
  console.log(md);
  log(`wrote ${path.relative(ROOT, file)}`);
  process.exit(0);
}

if (process.argv[2] === 'worker') {
  void workerProcess(JSON.parse(process.argv[3]) as WorkerSpec);
} else {
  main().catch((err) => {
    if (stopping) return; // interrupted: the signal's handler exits once everything is stopped
    console.error('[bench] failed:', err);
    process.exit(1);
  });
}
