import { PROJECT_ROOT } from '../project-root';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { DEFAULT_CONFIG_FILE } from '../config/load-config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../db/embedded-postgres';
import { provisionLeadDatabase, provisionTemporalDatabases, type ProvisionedUrls } from '../db/provision';
import { applyMigrations } from '../db/schema-engine';
import { MailCapture } from '../mail/capture-server';
import { temporalServerTools } from '../temporal/binaries';
import { registerSearchAttributes } from '../temporal/search-attribute-registry';
import { bundleLeadWorkflows } from '../temporal/workflow-bundle';
import { WORKER_NODE_FLAGS } from '../temporal/worker-node-flags';
import { ensureCertificates, mtlsClientEnvironment, type CertificateFiles } from './certificates';
import { keptSecrets, type StackSecrets } from './kept-secrets';
import { startFront, type Front } from './front';
import { freePort, freePortBetween, TEMPORAL_RANGE } from '../net/free-port';
import { httpOk, Part } from './part';
import { StopSequence } from '../process/stop-sequence';
import { APIS, DATABASES, WORKERS } from './settings';
import {
  applyTemporalSchema,
  ensureNamespace,
  mtlsOptions,
  TEMPORAL_PORT_NAMES,
  temporalServerPart,
  writeServerConfig,
  type TemporalServerPorts,
} from './temporal-server';
import { temporalUiPart } from './ui-server';

/**
 * The production topology on one machine, without Docker: PostgreSQL (least-privilege roles), a
 * Temporal server on it with its frontend behind mutual TLS, the Temporal Web UI server, an SMTP
 * receiver, several workers and several API processes behind a round-robin front — each a process
 * of its own, started as production starts them (`src/main/api.ts`, `src/main/worker.ts`). State,
 * secrets and ports are kept in `dataDir`, so a restart finds everything where it was.
 */
export interface ProductionStackOptions {
  dataDir: string;
  logDir?: string;
  apis?: number;
  workers?: number;
  /** The front's port (default: chosen once and kept in dataDir). */
  frontPort?: number;
  namespace?: string;
  configFile?: string;
  /** A prebuilt workflow bundle for the workers (default: bundled into dataDir at start). */
  workflowBundle?: string;
  /** More environment for the API and worker processes. */
  env?: Record<string, string>;
  mail?: { headersOnly?: boolean; saveDir?: string; port?: number };
  /** Serve each API's metrics on a loopback port of its own, behind one token (default: not served). */
  apiMetrics?: boolean;
}

export interface ProductionStack {
  /** The front: where people and clients reach the API. */
  baseUrl: string;
  apiUrls: string[];
  namespace: string;
  temporalAddress: string;
  certs: CertificateFiles;
  /** TEMPORAL_* settings of a client of this stack (address, namespace, mTLS). */
  temporalEnv: Record<string, string>;
  /** The settings the API and worker processes run with. */
  processEnv: Record<string, string>;
  database: { server: EmbeddedPostgres; urls: ProvisionedUrls & { temporal: string } };
  mail: MailCapture;
  parts: { temporal: Part; ui: Part; apis: Part[]; workers: Part[] };
  /** Each API's metrics and the bearer token they need (with `apiMetrics`). */
  apiMetrics?: { urls: string[]; token: string };
  uiUrl: string;
  front: Front;
  /** An mTLS client connection to the Temporal frontend. */
  connect(): Promise<Connection>;
  /** A new worker or API process, as the stack starts them (for rolling restarts with other settings). */
  workerPart(index: number, env?: Record<string, string>): Part;
  /** Stops every part in reverse order of starting, each waited for (SIGKILL after 30 s). */
  stop(): Promise<void>;
}

interface Kept extends StackSecrets {
  ports: {
    postgres: number;
    front: number;
    ui: number;
    smtp: number;
    temporal: TemporalServerPorts;
    apis: number[];
    workerHealth: number[];
  };
}

const ROOT = PROJECT_ROOT;
const NODE = process.execPath;
const script = (file: string) => ['--import', 'tsx', path.join(ROOT, file)];

/** Ports and secrets are chosen once per data directory: a Temporal server restarted on other ports waits for its old membership to expire. */
async function keptState(dataDir: string, apis: number, workers: number, frontPort?: number): Promise<Kept> {
  const file = path.join(dataDir, 'stack.json');
  const kept = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as Partial<Kept>;
  const ports = kept.ports ?? {
    postgres: await freePort(),
    front: frontPort ?? (await freePort()),
    ui: await freePort(),
    smtp: await freePort(),
    temporal: Object.fromEntries(
      await Promise.all(TEMPORAL_PORT_NAMES.map(async (n) => [n, await freePortBetween(...TEMPORAL_RANGE)])),
    ) as unknown as TemporalServerPorts,
    apis: [],
    workerHealth: [],
  };
  if (frontPort) ports.front = frontPort;
  while (ports.apis.length < apis) ports.apis.push(await freePort());
  while (ports.workerHealth.length < workers) ports.workerHealth.push(await freePort());
  const state: Kept = { ports, ...(await keptSecrets(kept)) };
  writeFileSync(file, JSON.stringify(state, null, 2), { mode: 0o600 });
  return state;
}

/**
 * Every part runs in a process group of its own (the terminal's Ctrl+C reaches the launcher only) and
 * is stopped in reverse order of starting: the front, the APIs (their requests in flight may wait on a
 * worker's answer), the workers (finishing what they hold, with Temporal, PostgreSQL and SMTP still
 * there), the Web UI, the SMTP receiver, the Temporal server, PostgreSQL last. `started` (a launcher's)
 * hears each part as it starts; a launcher that dies leaves them to its watchdog (src/process/watchdog.ts).
 */
export async function startProductionStack(
  options: ProductionStackOptions,
  started: StopSequence = new StopSequence(),
): Promise<ProductionStack> {
  try {
    return await start(options, started);
  } catch (err) {
    await started.stop();
    throw err;
  }
}

async function start(options: ProductionStackOptions, started: StopSequence): Promise<ProductionStack> {
  const dataDir = path.resolve(options.dataDir);
  const logDir = options.logDir ?? path.join(dataDir, 'logs');
  mkdirSync(dataDir, { recursive: true });
  const apiCount = options.apis ?? APIS;
  const workerCount = options.workers ?? WORKERS;
  const namespace = options.namespace ?? 'default';
  const kept = await keptState(dataDir, apiCount, workerCount, options.frontPort);
  const { ports, passwords } = kept;
  const certs = await ensureCertificates(path.join(dataDir, 'certs'));
  const tools = temporalServerTools();

  // PostgreSQL, its roles and both applications' schemas.
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'postgresql-18'),
    port: ports.postgres,
    maxConnections: 300,
    ownProcessGroup: true,
  });
  started.add('PostgreSQL', () => pg.stop());
  const lead = DATABASES.lead;
  const urls = await provisionLeadDatabase(pg.adminUrl(), {
    database: lead.database,
    owner: { name: lead.owner, password: passwords.leadOwner },
    app: { name: lead.app, password: passwords.leadApp },
  });
  await applyMigrations(urls.ownerUrl);
  const temporalRole = { name: DATABASES.temporal.role, password: passwords.temporal };
  await provisionTemporalDatabases(pg.adminUrl(), temporalRole, [...DATABASES.temporal.databases]);
  const serverSettings = {
    tools,
    configDir: path.join(dataDir, 'temporal-config'),
    postgres: {
      port: ports.postgres,
      role: temporalRole.name,
      password: temporalRole.password,
      databases: DATABASES.temporal.databases,
    },
    ports: ports.temporal,
    certs,
  };
  await applyTemporalSchema(serverSettings);
  writeServerConfig(serverSettings);

  // Temporal, its namespace and the product's search attributes (through the operator API).
  const temporal = temporalServerPart(serverSettings, logDir, namespace);
  started.add('the Temporal server', () => temporal.stop());
  await temporal.start();
  const temporalAddress = `127.0.0.1:${ports.temporal.frontend}`;
  const connect = () => Connection.connect({ address: temporalAddress, tls: mtlsOptions(certs) });
  const admin = await connect();
  try {
    await ensureNamespace(admin, namespace);
    await registerSearchAttributes(admin, namespace);
  } finally {
    await admin.close();
  }

  const mail = await new MailCapture({ headersOnly: options.mail?.headersOnly, saveDir: options.mail?.saveDir }).start(
    options.mail?.port ?? ports.smtp,
  );
  started.add('the SMTP receiver', () => mail.stop());
  const ui = temporalUiPart({
    tools,
    configDir: path.join(dataDir, 'ui-config'),
    logDir,
    port: ports.ui,
    frontendPort: ports.temporal.frontend,
    namespace,
    certs,
  });

  const workflowBundle = options.workflowBundle ?? path.join(dataDir, 'workflow-bundle.js');
  if (!options.workflowBundle) writeFileSync(workflowBundle, (await bundleLeadWorkflows()).code);
  const baseUrl = `http://127.0.0.1:${ports.front}`;
  const temporalEnv = {
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    ...mtlsClientEnvironment(certs),
  };
  const processEnv: Record<string, string> = {
    ...temporalEnv,
    DATABASE_URL: urls.appUrl,
    SMTP_URL: mail.url,
    LEAD_CONFIG_FILE: options.configFile ?? DEFAULT_CONFIG_FILE,
    LEAD_PAYLOAD_KEYS: kept.payloadKeys,
    AUTH_LOCAL_KEY: kept.authLocalKey,
    AUTH_ISSUER: 'lead-referrals',
    AUTH_AUDIENCE: 'lead-referrals',
    CSRF_SECRET: kept.csrfSecret,
    PUBLIC_URL: baseUrl,
    LEAD_WORKFLOW_BUNDLE: workflowBundle,
    ...options.env,
  };
  const workerPart = (i: number, env: Record<string, string> = {}) =>
    new Part({
      name: `worker-${i + 1}`,
      command: NODE,
      args: [...WORKER_NODE_FLAGS, ...script('src/main/worker.ts')],
      env: { ...processEnv, WORKER_HEALTH_PORT: String(ports.workerHealth[i]), ...env },
      ready: httpOk(`http://127.0.0.1:${ports.workerHealth[i]}/readyz`),
      logDir,
      cwd: ROOT,
      ownProcessGroup: true,
    });
  const apiUrls = ports.apis.slice(0, apiCount).map((p) => `http://127.0.0.1:${p}`);
  const metricsPorts = options.apiMetrics ? await Promise.all(apiUrls.map(() => freePort())) : [];
  const apiMetrics = options.apiMetrics
    ? { urls: metricsPorts.map((p) => `http://127.0.0.1:${p}/metrics`), token: randomBytes(16).toString('hex') }
    : undefined;
  const apis = ports.apis.slice(0, apiCount).map(
    (port, i) =>
      new Part({
        name: `api-${i + 1}`,
        command: NODE,
        args: script('src/main/api.ts'),
        env: {
          ...processEnv,
          PORT: String(port),
          TEMPORAL_UI_UPSTREAM: `http://127.0.0.1:${ports.ui}`,
          TRUST_PROXY: '1',
          EVALUATION_PSEUDONYM_KEY: kept.pseudonymKey,
          ...(apiMetrics ? { API_METRICS_PORT: String(metricsPorts[i]), METRICS_TOKEN: apiMetrics.token } : {}),
        },
        ready: httpOk(`${apiUrls[i]}/readyz`),
        logDir,
        cwd: ROOT,
        ownProcessGroup: true,
      }),
  );
  const workers = Array.from({ length: workerCount }, (_, i) => workerPart(i));
  const parts = { temporal, ui, apis, workers };
  // Started together (the APIs and workers need only what is up already), stopped one kind at a time.
  started.add('the Temporal Web UI', () => ui.stop());
  started.add('the workers', () => Promise.all(parts.workers.map((w) => w.stop())));
  started.add('the APIs', () => Promise.all(apis.map((a) => a.stop())));
  await Promise.all([ui.start(), ...workers.map((w) => w.start()), ...apis.map((a) => a.start())]);
  const front = await startFront(ports.front, apiUrls);
  started.add('the front', () => front.close());

  return {
    baseUrl,
    apiUrls,
    namespace,
    temporalAddress,
    certs,
    temporalEnv,
    processEnv,
    database: {
      server: pg,
      urls: {
        ...urls,
        temporal: `postgresql://${temporalRole.name}:${temporalRole.password}@127.0.0.1:${ports.postgres}/temporal`,
      },
    },
    mail,
    parts,
    apiMetrics,
    uiUrl: `http://127.0.0.1:${ports.ui}`,
    front,
    connect,
    workerPart,
    stop: () => started.stop(),
  };
}
