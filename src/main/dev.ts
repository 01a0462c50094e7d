/**
 * `npm start`: the whole service on embedded defaults — Temporal dev server with its Web UI, an
 * embedded PostgreSQL-compatible database with migrations applied, captured outgoing mail, the
 * worker and the HTTP API, in one command with nothing to install beyond Node (and Go or Java where
 * Temporal's binaries cannot be downloaded). Set DATABASE_URL, SMTP_URL or TEMPORAL_ADDRESS to use
 * real ones instead.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { connectClient, connectWorker, temporalConnectionSettings } from '../temporal/connection-settings';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import { createApp } from '../api/app';
import { demoSignInList } from '../auth/demo-people';
import { CODEC_ENDPOINT, TEMPORAL_UI_PATH } from '../api/temporal-ui-proxy';
import { databaseCheck, temporalCheck } from '../api/health';
import { loadConfig } from '../config/load-config';
import { startEmbeddedLeadDatabase } from '../db/embedded-database';
import { createPrisma } from '../db/prisma';
import { applyMigrations } from '../db/schema-engine';
import { MailCapture } from '../mail/capture-server';
import { inboxRoutes } from '../mail/inbox-routes';
import { createSmtpMailer } from '../mail/mailer';
import { temporalCliExecutable } from '../temporal/binaries';
import { DEV_SERVER_FLAGS } from '../temporal/dev-server-flags';
import { CaseWorkflows } from '../temporal/case-workflows';
import { registerSearchAttributes } from '../temporal/search-attribute-registry';
import { createLeadWorker } from '../temporal/worker';
import { ensureMonthlyReportSchedule } from '../temporal/monthly-report-schedule';
import { ensureEvaluationSchedule } from '../temporal/evaluation-schedule';
import { serveTemporalMetrics } from '../temporal/metrics';
import { reconcileEvery, startUnstartedWorkflows } from '../referrals/reconcile-unstarted';
import { limitsFrom, readEnvironment } from './environment';
import { seedDemoUsers } from '../auth/local-users';
import { createTokenService } from '../auth/tokens';
import { EncryptionCodec } from '../temporal/payload-encryption';
import { httpMetrics, serveMetrics } from '../api/metrics';
import { apiMetricsListener, dataConverterFor, devSecrets, tokenSettings } from './security-settings';

/** What to stop on exit, in reverse order of starting (each part is added at the front as it starts). */
const stops: Array<() => Promise<unknown> | unknown> = [];

async function main() {
  const env = readEnvironment();
  const DATA_DIR = path.resolve(env.LEAD_DATA_DIR);
  const config = loadConfig();
  mkdirSync(DATA_DIR, { recursive: true });
  // Before Temporal starts: the metrics exporter belongs to the process's one Temporal Runtime.
  const metricsPort = env.METRICS_PORT ?? 9464;
  let workerMetrics = `http://${urlHost(env.METRICS_HOST)}:${metricsPort}/metrics`;
  try {
    serveTemporalMetrics(metricsPort, env.METRICS_HOST);
  } catch (err) {
    workerMetrics = `(not served: ${(err as Error).message}; set METRICS_PORT)`;
  }

  let databaseUrl = env.DATABASE_URL;
  // The embedded database's owner: it provisions accounts (the application role may not).
  let ownerUrl: string | undefined;
  let applied: string[];
  if (!databaseUrl) {
    const dataDir = path.join(DATA_DIR, 'postgresql-18');
    const pg = await startEmbeddedLeadDatabase({ dataDir, port: env.EMBEDDED_DB_PORT });
    stops.unshift(() => pg.stop());
    databaseUrl = pg.appUrl;
    ownerUrl = pg.ownerUrl;
    applied = pg.applied;
    console.log(
      `[dev] embedded PostgreSQL on 127.0.0.1:${pg.server.port} (roles lead_owner, lead_app), data in ${dataDir}`,
    );
  } else {
    applied = await applyMigrations(env.MIGRATION_DATABASE_URL ?? databaseUrl);
  }
  console.log(`[dev] migrations applied: ${applied.length ? applied.join(', ') : 'none pending'}`);
  const db = createPrisma(databaseUrl, 10);
  stops.unshift(() => db.$disconnect());
  // Demo people exist only in this embedded database: any other database refuses them (README, "Accounts").
  const demoUsers = !env.DATABASE_URL;
  const demoPassword = env.LEAD_DEMO_PASSWORD;
  if (demoUsers && ownerUrl) {
    const owner = createPrisma(ownerUrl, 1);
    await seedDemoUsers(owner, demoPassword).finally(() => owner.$disconnect());
  }
  const secrets = await devSecrets(DATA_DIR, env);
  const tokens = await createTokenService(tokenSettings(env, secrets.localKey));
  const dataConverter = dataConverterFor(secrets.payloadKeys);

  let smtpUrl = env.SMTP_URL;
  let capture: MailCapture | undefined;
  if (!smtpUrl) {
    capture = await new MailCapture({ saveDir: path.join(DATA_DIR, 'mail') }).start(env.DEV_SMTP_PORT);
    stops.unshift(() => capture!.stop());
    smtpUrl = capture.url;
  }
  const mailer = createSmtpMailer(smtpUrl);

  let client: Client;
  let workerConnection: NativeConnection;
  const external = temporalConnectionSettings();
  const namespace = external?.namespace ?? env.TEMPORAL_NAMESPACE;
  if (external) {
    const connection = await connectClient(external);
    await registerSearchAttributes(connection, namespace);
    client = new Client({ connection, namespace, dataConverter });
    workerConnection = await connectWorker(external);
  } else {
    const temporal = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: temporalCliExecutable(),
        ip: '127.0.0.1',
        port: env.TEMPORAL_PORT,
        ui: true,
        uiPort: env.TEMPORAL_UI_PORT,
        dbFilename: path.join(DATA_DIR, 'temporal.sqlite'),
        namespace,
        // The Web UI is served through the product at /temporal (supervisors, signed in), where it
        // decrypts payloads with the product's own codec server on the same origin.
        extraArgs: ['--ui-public-path', TEMPORAL_UI_PATH, '--ui-codec-endpoint', CODEC_ENDPOINT, ...DEV_SERVER_FLAGS],
      },
      client: { dataConverter },
    });
    await registerSearchAttributes(temporal.connection, namespace);
    stops.unshift(() => temporal.teardown());
    client = temporal.client;
    workerConnection = temporal.nativeConnection;
  }

  const cases = new CaseWorkflows(client);
  await ensureMonthlyReportSchedule(client, config);
  await ensureEvaluationSchedule(client, config);
  const worker = await createLeadWorker({
    connection: workerConnection,
    namespace,
    deps: { db, mailer, config, cases },
    dataConverter,
    maxCachedWorkflows: env.WORKER_CACHED_WORKFLOWS,
  });
  const running = worker.run();
  stops.unshift(
    reconcileEvery(
      60_000,
      () => startUnstartedWorkflows(db, cases),
      () => undefined,
    ),
  );
  stops.unshift(async () => {
    // The SDK's runtime also stops its workers on SIGINT and SIGTERM: shut down only one still running.
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  });

  const temporalUiUpstream = external ? env.TEMPORAL_UI_UPSTREAM : `http://127.0.0.1:${env.TEMPORAL_UI_PORT}`;
  const links = {
    temporalUi: env.TEMPORAL_UI_URL ?? (temporalUiUpstream ? TEMPORAL_UI_PATH : 'http://localhost:8233'),
    namespace,
  };
  const health = { database: databaseCheck(db), temporal: temporalCheck(client) };
  const metricsListener = apiMetricsListener(env, true)!;
  const metrics = httpMetrics(metricsListener.token);
  let apiMetrics = `http://${urlHost(metricsListener.host)}:${metricsListener.port}/metrics`;
  try {
    const metricsServer = await serveMetrics(metrics, metricsListener.port, metricsListener.host);
    stops.unshift(() => new Promise((resolve) => metricsServer.close(resolve)));
  } catch (err) {
    apiMetrics = `(not served: ${(err as Error).message}; set API_METRICS_PORT)`;
  }
  const app = createApp({
    db,
    cases,
    config,
    links,
    tokens,
    demoUsers,
    health,
    limits: limitsFrom(process.env),
    metrics,
    temporalUiUpstream,
    codec: new EncryptionCodec(secrets.payloadKeys),
    pseudonymKey: secrets.pseudonymKey,
    extras: capture ? [inboxRoutes(capture)] : [],
  });
  const server = app.listen(env.PORT, () => {
    console.log(`
LEAD referral service is running.
  Pages          http://localhost:${env.PORT}/
                 sign in as ${demoSignInList(78, ' '.repeat(17))}; password "${demoPassword}"
  API            http://localhost:${env.PORT}/api   (OpenAPI: /api/openapi.json)
  Temporal UI    ${temporalUiUpstream ? `http://localhost:${env.PORT}${TEMPORAL_UI_PATH}   (signed in as demo-supervisor: payloads decoded)` : "(your Temporal server's UI)"}
  Metrics        ${apiMetrics} (API), ${workerMetrics} (worker)
  Captured mail  ${capture ? `http://localhost:${env.PORT}/dev/mail  (also ${path.join(DATA_DIR, 'mail')})` : smtpUrl}
Press Ctrl+C to stop.`);
  });
  stops.unshift(() => new Promise((resolve) => server.close(resolve)));
}

/** A listening address as a URL names it (an IPv6 one in brackets). */
const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

let stopping: Promise<void> | undefined;
function shutdown(code: number): Promise<void> {
  stopping ??= (async () => {
    for (const stop of stops) await Promise.resolve(stop()).catch((err) => console.error('[dev] while stopping:', err));
    console.log('[dev] stopped');
    process.exit(code);
  })();
  return stopping;
}

process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));
// `npm start` runs this under a shell; npm passes SIGTERM to the shell, which may exit without passing
// it on. A parent that goes away means stop too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown(0);
}, 1_000).unref();
main().catch(async (err) => {
  console.error('[dev] failed to start:', err instanceof Error ? err.message : err);
  await shutdown(1);
});
