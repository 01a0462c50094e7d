import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '../support/api-client';
import { descendantsOf } from '../../src/process/processes';

/**
 * How `npm run stack` (and `npm start`) stop, on real processes but cheap ones: a launcher shaped like
 * the stack (test/fixtures/launcher/fake-stack.ts) starts stand-ins for a database, a Temporal
 * server, a worker that ignores SIGTERM and two APIs through the stack's own `Part`, each in a process
 * group of its own. Ctrl+C (SIGINT to the launcher's process group) reaches none of them: the launcher
 * stops them in reverse order of starting, each waited for, the stubborn one SIGKILLed after its
 * timeout. A launcher SIGKILLed leaves them to its watchdog, which stops them in the same order.
 */
const ROOT = path.join(__dirname, '..', '..');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'launcher', 'fake-stack.ts');

interface Event {
  at: number;
  part: string;
  what: string;
}

async function startFakeStack() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lead-launcher-'));
  const eventsFile = path.join(dir, 'events.txt');
  let output = '';
  const launcher = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dir, eventsFile], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, as in a terminal
  });
  launcher.stdout.on('data', (d: Buffer) => (output += d.toString()));
  launcher.stderr.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor(
    () => output.includes('fake stack running') || launcher.exitCode !== null,
    'the fake stack to run',
    30_000,
  );
  expect(output).toContain('fake stack running');
  const events = (): Event[] =>
    existsSync(eventsFile)
      ? readFileSync(eventsFile, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const [at, part, what] = line.split(' ');
            return { at: Number(at), part, what };
          })
      : [];
  // Every process below the launcher: the five parts, the watchdog, their helpers.
  const processes = descendantsOf(launcher.pid!);
  expect(processes.length).toBeGreaterThanOrEqual(6);
  return { launcher, output: () => output, events, processes };
}

const gone = (pids: number[]) => pids.every((pid) => !existsSync(`/proc/${pid}`));
const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('close', () => resolve())));

/** Each part's SIGTERM comes after the previous step's parts have exited (the stubborn worker: its SIGKILL). */
function expectReverseOrder(events: Event[]) {
  const term = (part: string) => events.find((e) => e.part === part && e.what === 'SIGTERM')?.at;
  const exit = (part: string) => events.find((e) => e.part === part && e.what === 'exit')?.at;
  expect(events.filter((e) => e.what === 'SIGTERM').map((e) => e.part)).toEqual([
    expect.stringMatching(/^api-/),
    expect.stringMatching(/^api-/),
    'worker',
    'temporal',
    'database',
  ]);
  expect(term('worker')!).toBeGreaterThanOrEqual(Math.max(exit('api-1')!, exit('api-2')!));
  // The worker ignored SIGTERM: Temporal's turn came only once it was SIGKILLed, 1 s later.
  expect(term('temporal')! - term('worker')!).toBeGreaterThanOrEqual(900);
  expect(events.some((e) => e.part === 'worker' && e.what === 'exit')).toBe(false);
  expect(term('database')!).toBeGreaterThanOrEqual(exit('temporal')!);
  expect(exit('database')).toBeDefined();
}

test('Ctrl+C reaches the launcher only, which stops its parts in reverse order, each waited for', async () => {
  const { launcher, output, events, processes } = await startFakeStack();
  process.kill(-launcher.pid!, 'SIGINT'); // what the terminal does on Ctrl+C
  await exited(launcher);
  await waitFor(() => gone(processes), 'every process of the fake stack to be gone', 10_000);
  expect(launcher.exitCode).toBe(0);
  expect(events().filter((e) => e.what === 'SIGINT')).toEqual([]);
  expectReverseOrder(events());
  expect(output()).toMatch(
    /stopped the APIs[\s\S]*stopped the workers[\s\S]*stopped the Temporal server[\s\S]*stopped the database[\s\S]*\[fake\] stopped/,
  );
  expect(output()).toMatch(/\[worker\] still running 1 s after SIGTERM: SIGKILL/);
}, 60_000);

test('a launcher killed outright leaves its parts to its watchdog, which stops them in the same order', async () => {
  const { launcher, output, events, processes } = await startFakeStack();
  process.kill(launcher.pid!, 'SIGKILL');
  await exited(launcher);
  await waitFor(() => gone(processes), 'the watchdog to stop every part, and itself', 20_000);
  expectReverseOrder(events());
  expect(output()).toMatch(/\[watchdog\] launcher \d+ exited: stopping api-/);
}, 60_000);
