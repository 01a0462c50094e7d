import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * One process of a stack (a Temporal server, a worker, an API…): started with its own log file,
 * ready when its probe says so, stopped with SIGTERM (a clean stop) or SIGKILL (a crash) and started
 * again. The log is appended to across restarts; `logOffset` marks where this start's output begins.
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
}

export class Part {
  private child?: ChildProcess;
  private exited?: Promise<number | null>;
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
    return !!this.child && this.child.exitCode === null && !this.child.signalCode;
  }

  /** This start's output so far. */
  output(): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8').slice(this.logOffset) : '';
  }

  async start(): Promise<void> {
    this.logOffset = existsSync(this.logFile) ? statSync(this.logFile).size : 0;
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(this.spec.command, this.spec.args, {
      cwd: this.spec.cwd,
      env: { ...process.env, ...this.spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    this.startedAt = Date.now();
    const deadline = Date.now() + (this.spec.startTimeoutMs ?? 90_000);
    while (!(await this.spec.ready(this).catch(() => false))) {
      if (child.exitCode !== null || child.signalCode)
        throw new Error(
          `${this.name} exited while starting (${child.exitCode ?? child.signalCode}); see ${this.logFile}:\n${this.output().slice(-2000)}`,
        );
      if (Date.now() > deadline)
        throw new Error(
          `${this.name} was not ready within ${(this.spec.startTimeoutMs ?? 90_000) / 1000} s; see ${this.logFile}`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Resolves with the exit code (null when killed by the signal); a process that ignores SIGTERM for 30 s is killed. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (!this.child || !this.running) return this.child?.exitCode ?? null;
    this.child.kill(signal);
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 30_000))]);
    if (this.running) this.child.kill('SIGKILL');
    return this.exited!;
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
