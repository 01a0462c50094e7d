import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createTokenService, generateLocalKey, type TokenService } from '../../src/auth/tokens';
import { DEFAULT_CONFIG_FILE } from '../../src/config/load-config';
import { createPrisma, type PrismaClient } from '../../src/db/prisma';
import { LEAD_APP_ROLE, LEAD_DATABASE } from '../../src/db/embedded-database';
import { MailCapture } from '../../src/mail/capture-server';
import { dataConverterFor } from '../../src/main/security-settings';
import { SEARCH_ATTRIBUTE_FLAGS } from '../../src/contract/search-attributes';
import { DEV_SERVER_FLAGS } from '../../src/temporal/dev-server-flags';
import { WORKER_NODE_FLAGS } from '../../src/temporal/worker-node-flags';
import { formatPayloadKeys, newPayloadKey } from '../../src/temporal/payload-encryption';
import { freePort } from '../../src/net/free-port';
import { httpOk, logSays, Part, tcpOpen, type Readiness } from '../../src/stack/part';
import { registerTestTokens } from './api-client';
import { waitFor } from './wait-for';
import { caseStateQuery } from '../../src/contract/definitions';
import type { ConfigFile } from './config-file';

/**
 * The product as it runs for real, one process per part: the embedded database, a Temporal dev server
 * with a database file, the worker and the API (each started as `npm run` would), and an SMTP receiver
 * in the test process. Fault tests kill, stop and restart them.
 */
const ROOT = path.resolve(__dirname, '..', '..');
/** `node --import tsx <script>`: one process per part (the tsx wrapper would leave the child running on SIGKILL). */
const NODE = process.execPath;
const fromSources = (file: string) => ['--import', 'tsx', file];
/** What production runs: the same script compiled by `npm run build`. */
const compiled = (file: string) => [path.join('dist', file.replace(/\.ts$/, '.js'))];
export const FAULT_LOGS = path.join(ROOT, 'test-artifacts', 'fault-logs');

export interface ProcessStack {
  db: PrismaClient;
  mail: MailCapture;
  client: Client;
  tokens: TokenService;
  baseUrl: string;
  temporalAddress: string;
  dataConverter: ReturnType<typeof dataConverterFor>;
  parts: { database: Part; temporal: Part; worker: Part; api: Part };
  /** The API's metrics and the bearer token they need (with `apiMetrics`). */
  apiMetrics?: { url: string; token: string };
  stop(): Promise<void>;
}

export async function startProcessStack(
  name: string,
  configChanges: (config: ConfigFile) => void = () => undefined,
  options: {
    headersOnlyMail?: boolean;
    logDir?: string;
    env?: Record<string, string>;
    workerNodeArgs?: string[];
    apiNodeArgs?: string[];
    /** Run the compiled service of `npm run build` (dist/), as production does. */
    compiled?: boolean;
    /** Serve the API's metrics on a loopback port of their own, behind a token (as production may). */
    apiMetrics?: boolean;
  } = {},
): Promise<ProcessStack> {
  const script = options.compiled ? compiled : fromSources;
  const dir = mkdtempSync(path.join(os.tmpdir(), `lead-${name}-`));
  chmodSync(dir, 0o755); // the database server's own user keeps its data in here
  const logDir = options.logDir ?? path.join(FAULT_LOGS, name);
  mkdirSync(logDir, { recursive: true });
  const config = JSON.parse(readFileSync(DEFAULT_CONFIG_FILE, 'utf8')) as ConfigFile;
  configChanges(config);
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));

  const [dbPort, temporalPort, apiPort, workerHealthPort, apiMetricsPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const apiMetrics = options.apiMetrics
    ? { url: `http://127.0.0.1:${apiMetricsPort}/metrics`, token: randomBytes(16).toString('hex') }
    : undefined;
  const mail = await new MailCapture({ headersOnly: options.headersOnlyMail }).start();
  const localKey = await generateLocalKey();
  const payloadKeys = [newPayloadKey('fault-1')];
  const passwords = { owner: randomBytes(12).toString('hex'), app: randomBytes(12).toString('hex') };
  const databaseUrl = `postgresql://${LEAD_APP_ROLE}:${passwords.app}@127.0.0.1:${dbPort}/${LEAD_DATABASE}?sslmode=disable`;
  const env = {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    SMTP_URL: mail.url,
    LEAD_CONFIG_FILE: path.join(dir, 'config.json'),
    LEAD_PAYLOAD_KEYS: formatPayloadKeys(payloadKeys),
    AUTH_LOCAL_KEY: JSON.stringify(localKey),
    AUTH_ISSUER: 'lead-referrals',
    AUTH_AUDIENCE: 'lead-referrals',
    CSRF_SECRET: randomBytes(32).toString('base64'),
    EVALUATION_PSEUDONYM_KEY: randomBytes(32).toString('base64'),
    // From the sources: the bundle the test set-up built once. Compiled: the one npm run build made.
    LEAD_WORKFLOW_BUNDLE: options.compiled ? '' : (process.env.LEAD_TEST_WORKFLOW_BUNDLE ?? ''),
    LOG_LEVEL: 'info',
    RECONCILE_INTERVAL_MS: '3000',
    RATE_LIMIT_SUBMISSIONS: '100000',
    RATE_LIMIT_ORDER_CHECKS: '100000',
    RECONCILE_AFTER_MS: '3000',
    ...options.env,
  };

  const cli = process.env.TEMPORAL_CLI_PATH;
  if (!cli) throw new Error('TEMPORAL_CLI_PATH is not set (the test set-up provides the Temporal CLI)');
  const part = (name: string, command: string, args: string[], partEnv: NodeJS.ProcessEnv, ready: Readiness) =>
    new Part({ name, command, args, env: partEnv, ready, logDir, cwd: ROOT });
  const parts = {
    database: part(
      'database',
      NODE,
      script('src/main/embedded-db.ts'),
      {
        EMBEDDED_DB_PORT: String(dbPort),
        EMBEDDED_DB_DIR: path.join(dir, 'pg'),
        EMBEDDED_DB_OWNER_PASSWORD: passwords.owner,
        EMBEDDED_DB_APP_PASSWORD: passwords.app,
      },
      logSays('PostgreSQL ready'),
    ),
    temporal: part(
      'temporal',
      cli,
      [
        'server',
        'start-dev',
        '--headless',
        '--ip',
        '127.0.0.1',
        '--port',
        String(temporalPort),
        '--db-filename',
        path.join(dir, 'temporal.sqlite'),
        '--log-level',
        'warn',
        ...DEV_SERVER_FLAGS,
        ...SEARCH_ATTRIBUTE_FLAGS.flatMap((f) => ['--search-attribute', f]),
      ],
      {},
      tcpOpen(temporalPort),
    ),
    worker: part(
      'worker',
      NODE,
      [...WORKER_NODE_FLAGS, ...(options.workerNodeArgs ?? []), ...script('src/main/worker.ts')],
      { ...env, WORKER_HEALTH_PORT: String(workerHealthPort) },
      httpOk(`http://127.0.0.1:${workerHealthPort}/readyz`),
    ),
    api: part(
      'api',
      NODE,
      [...(options.apiNodeArgs ?? []), ...script('src/main/api.ts')],
      {
        ...env,
        PORT: String(apiPort),
        ...(apiMetrics ? { API_METRICS_PORT: String(apiMetricsPort), METRICS_TOKEN: apiMetrics.token } : {}),
      },
      httpOk(`http://127.0.0.1:${apiPort}/readyz`),
    ),
  };
  try {
    await parts.database.start();
    await parts.temporal.start();
    await Promise.all([parts.worker.start(), parts.api.start()]);
  } catch (err) {
    // A part that failed to start must not leave the others running.
    for (const p of [parts.api, parts.worker, parts.temporal, parts.database]) await p.stop().catch(() => undefined);
    await mail.stop();
    throw err;
  }

  const db = createPrisma(databaseUrl, 2);
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const dataConverter = dataConverterFor(payloadKeys);
  const client = new Client({ connection, dataConverter });
  const tokens = await createTokenService({
    issuer: 'lead-referrals',
    audience: 'lead-referrals',
    sessionSeconds: 3600,
    localKey,
  });
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  registerTestTokens(baseUrl, tokens);

  return {
    db,
    mail,
    client,
    tokens,
    baseUrl,
    temporalAddress: env.TEMPORAL_ADDRESS,
    dataConverter,
    parts,
    apiMetrics,
    async stop() {
      await parts.api.stop();
      await parts.worker.stop();
      await connection.close().catch(() => undefined);
      await parts.temporal.stop();
      await db.$disconnect().catch(() => undefined);
      await parts.database.stop();
      await mail.stop();
    },
  };
}

/**
 * The barrier after a fault: the case's workflow (asked through Temporal, which needs no database) has
 * delivered every notice it owes and projected every event it recorded. A notice is sent only by the
 * attempt that claimed it and never once it is marked sent, so the mail captured by then is all there
 * will be: a test counts it without waiting for stragglers.
 */
export async function caseSettled(stack: Pick<ProcessStack, 'client'>, caseId: string, timeoutMs = 120_000) {
  return waitFor(
    async () => {
      const state = await stack.client.workflow.getHandle(caseId).query(caseStateQuery);
      return state.notices.length === 0 && state.events.length === 0 ? state : undefined;
    },
    `case ${caseId} to deliver and project everything it recorded`,
    timeoutMs,
  );
}

/** Mail about one case, by notice id: each should appear once. */
export function noticeCounts(mail: MailCapture, caseId: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of mail.messages.filter((x) => x.headers['x-lead-referral'] === caseId)) {
    const id = m.headers['x-lead-notice-id'];
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}
