import { connect } from 'node:net';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SupervisedChild } from '../process/supervised-child';

/**
 * One process of a stack (a Temporal server, a worker, an API…): started with its own log file,
 * ready when its probe says so, stopped with SIGTERM (a clean stop) or SIGKILL (a crash) and started
 * again. The log is appended to across restarts; `logOffset` marks where this start's output begins.
 * With `ownProcessGroup` (a launcher's parts) it runs in a process group of its own, out of reach of
 * the terminal's Ctrl+C, and the launcher's watchdog stops it if the launcher dies
 * (src/process/supervised-child.ts).
 */
export type Readiness = (part: Part) => Promise<boolean>;

export interface PartSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  ready: Readiness;
  logDir: string;
  cwd?: string;
  /** How long a start may take before it is a failure (default 90 s). */
  startTimeoutMs?: number;
  ownProcessGroup?: boolean;
  /** How long a stop may take before SIGKILL (default 30 s). */
  stopTimeoutMs?: number;
}

export class Part {
  private child?: SupervisedChild;
  startedAt = 0;
  logOffset = 0;

  constructor(private readonly spec: PartSpec) {
    mkdirSync(spec.logDir, { recursive: true });
  }

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get logFile(): string {
    return path.join(this.spec.logDir, `${this.spec.name}.log`);
  }

  get running(): boolean {
    return !!this.child?.running;
  }

  /** This start's output so far. */
  output(): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8').slice(this.logOffset) : '';
  }

  async start(): Promise<void> {
    this.logOffset = existsSync(this.logFile) ? statSync(this.logFile).size : 0;
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const supervised = new SupervisedChild({
      name: this.spec.name,
      command: this.spec.command,
      args: this.spec.args,
      options: { cwd: this.spec.cwd, env: { ...process.env, ...this.spec.env }, stdio: ['ignore', 'pipe', 'pipe'] },
      ownProcessGroup: this.spec.ownProcessGroup,
      stopTimeoutMs: this.spec.stopTimeoutMs,
    });
    this.child = supervised;
    const child = supervised.process;
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.startedAt = Date.now();
    const deadline = Date.now() + (this.spec.startTimeoutMs ?? 90_000);
    while (!(await this.spec.ready(this).catch(() => false))) {
      if (!supervised.running)
        throw new Error(
          `${this.name} exited while starting (${supervised.spawnError?.message ?? child.exitCode ?? child.signalCode}); see ${this.logFile}:\n${this.output().slice(-2000)}`,
        );
      if (Date.now() > deadline)
        throw new Error(
          `${this.name} was not ready within ${(this.spec.startTimeoutMs ?? 90_000) / 1000} s; see ${this.logFile}`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Resolves with the exit code (null when killed by the signal); a process that ignores SIGTERM for 30 s (`stopTimeoutMs`) is killed. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (!this.child) return null;
    return (await this.child.stop(signal)).code;
  }
}

export const httpOk =
  (url: string): Readiness =>
  async () =>
    (await fetch(url)).ok;

/** Ready once this start's output contains `text`. */
export const logSays =
  (text: string): Readiness =>
  async (part) =>
    part.output().includes(text);

export const tcpOpen =
  (port: number, host = '127.0.0.1'): Readiness =>
  () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, host);
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
