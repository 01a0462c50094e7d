import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { signalProcess } from './processes';
import { forget, watch } from './watchdog';
import { createLogger } from '../logging';

const log = createLogger('launcher');

/**
 * A child process a launcher is responsible for. With `ownProcessGroup` it leads a process group of
 * its own (`detached`): the terminal's Ctrl+C, which goes to the foreground process group, reaches the
 * launcher only, and the launcher stops its parts in its own order; the watchdog (./watchdog.ts) stops
 * it should the launcher die first. `stop()` sends its stop signal, waits up to a timeout, then
 * SIGKILLs it (and, in its own group, whatever it started); a group's leftovers are swept when it exits.
 */
export interface SupervisedChildSpec {
  name: string;
  command: string;
  args: string[];
  options?: Omit<SpawnOptions, 'detached'>;
  ownProcessGroup?: boolean;
  /** How it stops cleanly (default SIGTERM). */
  stopSignal?: NodeJS.Signals;
  /** How long a clean stop may take before SIGKILL (default 30 s). */
  stopTimeoutMs?: number;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class SupervisedChild {
  readonly process: ChildProcess;
  /** Resolves once the process has exited (never rejects). */
  readonly exited: Promise<Exit>;
  /** Why it could not be started (no such command…). */
  spawnError?: Error;

  constructor(private readonly spec: SupervisedChildSpec) {
    const group = !!spec.ownProcessGroup;
    const child = spawn(spec.command, spec.args, { ...spec.options, detached: group });
    this.process = child;
    this.exited = new Promise((resolve) => {
      child.once('error', (err) => {
        this.spawnError = err; // it never started
        resolve({ code: null, signal: null });
      });
      child.once('exit', (code, signal) => {
        if (group && child.pid) {
          forget(child.pid);
          signalProcess(child.pid, 'SIGKILL', true); // anything it left behind in its group
        }
        resolve({ code, signal });
      });
    });
    if (group && child.pid)
      watch({
        pid: child.pid,
        name: spec.name,
        signal: this.stopSignal,
        timeoutMs: this.stopTimeoutMs,
        group,
      });
  }

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get stopSignal(): NodeJS.Signals {
    return this.spec.stopSignal ?? 'SIGTERM';
  }

  get stopTimeoutMs(): number {
    return this.spec.stopTimeoutMs ?? 30_000;
  }

  get running(): boolean {
    return this.process.pid !== undefined && this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Its stop signal (or `signal`), up to the timeout to exit, then SIGKILL; resolves once it has exited. */
  async stop(signal: NodeJS.Signals = this.stopSignal, timeoutMs = this.stopTimeoutMs): Promise<Exit> {
    if (!this.running) return this.exited;
    this.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.exited.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (timedOut && this.running) {
      log.warn(`[${this.name}] still running ${timeoutMs / 1000} s after ${signal}: SIGKILL`);
      this.kill('SIGKILL');
    }
    return this.exited;
  }

  /** A signal to the process alone; SIGKILL to its whole group when it leads one. */
  kill(signal: NodeJS.Signals): void {
    if (!this.process.pid) return;
    signalProcess(this.process.pid, signal, signal === 'SIGKILL' && !!this.spec.ownProcessGroup);
  }
}
