import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from '../support/api-client';
import { freePort } from '../../src/net/free-port';
import { commandLine, descendantsOf } from '../../src/process/processes';
import { readEmbeddedDatabaseFile } from '../../src/main/embedded-database-file';

/**
 * `npm start` launched through npm — as a developer does, and as a process manager does — and stopped:
 * by SIGTERM to its node process, to npm alone, by Ctrl+C (SIGINT to its process group), and killed
 * outright. Each time every process it started (every PID below npm, read from /proc once it is ready)
 * is gone within a deadline, Temporal's dev server before PostgreSQL; a stop reports each part in
 * reverse order of starting and no error. The first service also answers `npm run users`, run as the
 * README says, with no database setting: it finds `npm start`'s embedded database by itself. Each
 * later start restarts on the data folder of the one stopped before it, as a developer does (and
 * skips creating a database): the roles' passwords stay what they were.
 */
const ROOT = path.join(__dirname, '..', '..');
const execFileAsync = promisify(execFile);

interface Started {
  npm: ChildProcess;
  output: () => string;
  closed: Promise<void>;
  ports: Record<string, number>;
  dataDir: string;
}

/** The data folder of the last service stopped, for the next start. */
let stoppedDataDir: string | undefined;

async function startNpmStart(): Promise<Started> {
  const ports = {
    PORT: await freePort(),
    TEMPORAL_PORT: await freePort(),
    TEMPORAL_UI_PORT: await freePort(),
    DEV_SMTP_PORT: await freePort(),
    EMBEDDED_DB_PORT: await freePort(),
    METRICS_PORT: await freePort(),
    API_METRICS_PORT: await freePort(),
  };
  const dataDir = stoppedDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'lead-npm-start-'));
  stoppedDataDir = undefined;
  chmodSync(dataDir, 0o755); // the database server's own user keeps its data in here
  const before = readEmbeddedDatabaseFile(dataDir);
  let text = '';
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      LEAD_DATA_DIR: dataDir,
      // The workflows the test set-up bundled once, instead of bundling them at each start.
      LEAD_WORKFLOW_BUNDLE: process.env.LEAD_TEST_WORKFLOW_BUNDLE ?? '',
      NODE_OPTIONS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, as in a terminal
  });
  npm.stdout.on('data', (d: Buffer) => (text += d.toString()));
  npm.stderr.on('data', (d: Buffer) => (text += d.toString()));
  // npm's output is complete only once its pipes close: every process holding them has exited.
  const closed = new Promise<void>((resolve) => npm.once('close', () => resolve()));
  const ready = async () =>
    text.includes('LEAD referral service is running') &&
    (await fetch(`http://127.0.0.1:${ports.PORT}/readyz`).then(
      (r) => r.ok,
      () => false,
    ));
  await waitFor(async () => (await ready()) || npm.exitCode !== null, 'npm start to be ready', 240_000);
  expect(text).toContain('LEAD referral service is running');
  if (before) expect(passwords(readEmbeddedDatabaseFile(dataDir)!)).toEqual(passwords(before));
  return { npm, output: () => text, closed, ports, dataDir };
}

const passwords = (details: { ownerUrl: string; appUrl: string }) =>
  [details.ownerUrl, details.appUrl].map((url) => new URL(url).password);

/** Every process npm start runs, once it is ready, each named by what it is. */
function partsOf(npm: ChildProcess) {
  const pids = descendantsOf(npm.pid!);
  const find = (test: (args: string[]) => boolean) => pids.find((pid) => test(commandLine(pid) ?? []));
  const parts = {
    // node itself, not the shell npm runs it under (whose command line names the script too)
    launcher: find((a) => path.basename(a[0] ?? '') === 'node' && a.includes('src/main/dev.ts')),
    temporal: find((a) => a.includes('start-dev')),
    postgres: find((a) => /\/postgres$/.test(a[0] ?? '') && a.includes('-D')),
    watchdog: find((a) => a.some((x) => x.includes('watchdog-main'))),
  };
  for (const [name, pid] of Object.entries(parts)) expect([name, pid]).toEqual([name, expect.any(Number)]);
  return { pids, parts: parts as Record<keyof typeof parts, number> };
}

/** When each process was first seen gone (polled every 20 ms), and the wait for them all. */
/**
 * A process has exited once its /proc entry is gone or is a zombie's: an orphan's entry stays until
 * init reaps it, later than its exit and in no particular order.
 */
function exited(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.startsWith('Z');
  } catch {
    return true;
  }
}

function trackExits(pids: number[]) {
  const goneAt = new Map<number, number>();
  const timer = setInterval(() => {
    for (const pid of pids) if (!goneAt.has(pid) && exited(pid)) goneAt.set(pid, Date.now());
  }, 20);
  return {
    goneAt,
    all: async () => {
      await waitFor(() => goneAt.size === pids.length, 'every process npm start ran to be gone', 60_000).finally(() =>
        clearInterval(timer),
      );
      const left = pids.filter((pid) => !exited(pid));
      expect(left).toEqual([]);
    },
  };
}

/** Once every process is gone, the next start may restart on its data folder. */
async function stoppedAll(service: Started, exits: ReturnType<typeof trackExits>) {
  await exits.all();
  await service.closed;
  stoppedDataDir = service.dataDir;
}

/** The stop's report, in reverse order of starting: the API first, PostgreSQL last. */
function expectStoppedInOrder(output: string) {
  const steps = [
    '[dev] stopped the API (',
    '[dev] stopped the worker (',
    '[dev] stopped the Temporal dev server (',
    '[dev] stopped the mail capture (',
    '[dev] stopped PostgreSQL (',
    '[dev] stopped\n',
  ];
  const at = steps.map((step) => output.indexOf(step));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  // The worker began to stop only once the API had stopped (its requests may wait on the worker). Its own
  // lines reach this output through the launcher's pipe, a moment after they were written: they may come
  // after the launcher's next line, so only "after the API stopped" can be read from their order here.
  const workerStopping = output.indexOf("state: 'STOPPING'");
  expect(workerStopping).toBeGreaterThan(at[0]);
  expect(output).not.toMatch(/while stopping|IllegalStateError|failed to start|\[watchdog\]/);
}

async function refusesConnections(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/livez`).then(
    () => false,
    () => true,
  );
}

/** `npm run users -- …` as the README has it, with no database setting: exit status, output, errors. */
async function users(dataDir: string, ...args: string[]) {
  return execFileAsync('npm', ['run', '--silent', 'users', '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, LEAD_DATA_DIR: dataDir, DATABASE_URL: '', MIGRATION_DATABASE_URL: '', NODE_OPTIONS: '' },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({
      code: err.code,
      stdout: err.stdout,
      stderr: err.stderr,
    }),
  );
}

describe('one npm start: npm run users against its embedded database, then SIGTERM to its node process', () => {
  let service: Started;
  beforeAll(async () => {
    service = await startNpmStart();
  }, 300_000);
  afterAll(async () => {
    // Only if a test failed before stopping it: the watchdog stops the rest once npm start has gone.
    if (service?.npm.exitCode === null && service.npm.signalCode === null) process.kill(-service.npm.pid!, 'SIGKILL');
  });

  test('npm run users adds a person and lists them, with no setting; they sign in to the API', async () => {
    const added = await users(
      service.dataDir,
      'add',
      'ana.lopez',
      '--name',
      'Officer Ana Lopez',
      '--role',
      'officer',
      '--agency',
      'BURIEN_PD',
      '--badge',
      'B-2231',
      // npm start runs Burien and Harbor County: a sign-in names its programs (issue 26).
      '--program',
      'burien',
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const password = /Password, shown once: (\S+)/.exec(added.stdout)?.[1];
    expect(password).toBeDefined();
    const listed = await users(service.dataDir, 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^ana\.lopez\tofficer\tBURIEN_PD\tburien\tactive\t\tOfficer Ana Lopez$/m);
    expect(listed.stdout).toMatch(/^demo-officer\tofficer\tBURIEN_PD\tburien\t/m);
    // Issue 26: Harbor County runs beside Burien, with its own people.
    expect(listed.stdout).toMatch(/^demo-harbor-officer\tofficer\tHARBOR_PD\tharbor-county\t/m);
    // The same database the API reads.
    const signIn = await fetch(`http://127.0.0.1:${service.ports.PORT}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ana.lopez', password }),
    });
    expect(signIn.status).toBe(200);
    // Its URLs (with the roles' passwords, kept across restarts) are readable by their owner only.
    for (const file of ['embedded-database.json', 'postgresql-18.roles.json'])
      expect([file, statSync(path.join(service.dataDir, file)).mode & 0o777]).toEqual([file, 0o600]);
  }, 60_000);

  test('SIGTERM to its node process stops every part in reverse order, leaving no process behind', async () => {
    const { pids, parts } = partsOf(service.npm);
    const exits = trackExits(pids);
    process.kill(parts.launcher, 'SIGTERM');
    await stoppedAll(service, exits);
    expect(exits.goneAt.get(parts.temporal)!).toBeLessThanOrEqual(exits.goneAt.get(parts.postgres)!);
    expect(exits.goneAt.get(parts.postgres)!).toBeLessThanOrEqual(exits.goneAt.get(parts.launcher)!);
    expectStoppedInOrder(service.output());
    expect(await refusesConnections(service.ports.PORT)).toBe(true);
  }, 120_000);

  test('npm run users says in one sentence that the database does not answer, or that there is none', async () => {
    const stopped = await users(service.dataDir, 'list');
    expect(stopped.code).toBe(1);
    expect(stopped.stderr.trim()).toMatch(
      /^users: the embedded database of `npm start` \(127\.0\.0\.1:\d+\) does not answer: start `npm start` and run this again$/,
    );
    const none = await users(mkdtempSync(path.join(os.tmpdir(), 'lead-no-data-')), 'list');
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toMatch(/^users: no database: set MIGRATION_DATABASE_URL [^\n]*npm start[^\n]*$/);
  }, 60_000);
});

test.each([
  ['SIGTERM to npm alone, as a process manager sends it', 'npm', 'SIGTERM'],
  ['SIGINT to its process group, as Ctrl+C in a terminal sends it', 'group', 'SIGINT'],
  ['SIGKILL to its node process: a crash, left to its watchdog', 'launcher', 'SIGKILL'],
] as const)(
  'npm start stopped by %s leaves no process behind',
  async (_how, target, signal) => {
    const service = await startNpmStart();
    const { pids, parts } = partsOf(service.npm);
    const exits = trackExits(pids);
    process.kill(target === 'npm' ? service.npm.pid! : target === 'group' ? -service.npm.pid! : parts.launcher, signal);
    await stoppedAll(service, exits);
    expect(exits.goneAt.get(parts.temporal)!).toBeLessThanOrEqual(exits.goneAt.get(parts.postgres)!);
    if (signal === 'SIGKILL')
      expect(service.output()).toMatch(
        /\[watchdog\] launcher \d+ exited: stopping temporal [^\n]*\n[\s\S]*\[watchdog\] launcher \d+ exited: stopping postgresql/,
      );
    else expectStoppedInOrder(service.output());
    expect(await refusesConnections(service.ports.PORT)).toBe(true);
  },
  300_000,
);
