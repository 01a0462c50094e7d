import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { createLogger } from '../logging';

const log = createLogger('launcher');

/**
 * A launcher's insurance against its own death. The parts a launcher starts (PostgreSQL, a Temporal
 * server, workers, APIs) run in process groups of their own, so that the terminal's Ctrl+C reaches only
 * the launcher, which stops them in reverse order; but then nothing stops them if the launcher itself
 * dies — SIGKILL, out of memory, a crash. The watchdog is a small process of its own session, started
 * with the first part, whose input is a pipe from the launcher: the kernel closes that pipe whenever
 * the launcher exits, for any reason, and the watchdog then stops what is still running, newest first
 * (src/process/watchdog-main.ts). The launcher tells it each part as it starts and forgets each as it
 * exits, so a process id the system has reused is never signalled.
 */
export interface Watched {
  pid: number;
  name: string;
  /** How the part stops cleanly (SIGTERM; PostgreSQL's fast shutdown is SIGINT). */
  signal: NodeJS.Signals;
  /** How long it may take before SIGKILL. */
  timeoutMs: number;
  /** It leads a process group of its own: SIGKILL reaches whatever it started too. */
  group: boolean;
}

let watchdog: ChildProcess | undefined;
let unavailable = false;

function channel(): ChildProcess | undefined {
  if (watchdog || unavailable) return watchdog;
  const entry = path.join(__dirname, `watchdog-main${path.extname(__filename)}`);
  // From the sources (tsx, jest) the watchdog is TypeScript too; compiled, plain JavaScript.
  const args = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
  const child = spawn(process.execPath, [...args, String(process.pid)], {
    cwd: PROJECT_ROOT,
    // No inspector, no memory flags of the launcher's: it must start whatever the launcher runs with.
    env: { ...process.env, NODE_OPTIONS: '' },
    detached: true,
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  child.on('error', (err) => {
    unavailable = true;
    watchdog = undefined;
    log.error(`[watchdog] could not start (${err.message}): parts would outlive a crash of this process`);
  });
  child.stdin.on('error', () => undefined);
  // Neither the watchdog nor the pipe to it keeps the launcher running.
  child.unref();
  (child.stdin as Socket).unref();
  watchdog = child;
  return child;
}

function send(message: object): void {
  channel()?.stdin?.write(`${JSON.stringify(message)}\n`);
}

/** The watchdog stops `part` if this process exits while it still runs. */
export function watch(part: Watched): void {
  send({ watch: part });
}

/** `pid` has exited (or been stopped): the watchdog must never signal it. */
export function forget(pid: number): void {
  if (watchdog) send({ forget: pid });
}

/** The watchdog's process id, once a part is watched. */
export const watchdogPid = (): number | undefined => watchdog?.pid;
