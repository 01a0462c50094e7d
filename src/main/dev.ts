/**
 * `npm start`: the whole service on embedded defaults — Temporal dev server with its Web UI, an
 * embedded PostgreSQL-compatible database with migrations applied, captured outgoing mail, the
 * worker and the HTTP API, in one command with nothing to install beyond Node (and Go or Java where
 * Temporal's binaries cannot be downloaded). Set DATABASE_URL, SMTP_URL or TEMPORAL_ADDRESS to use
 * real ones instead.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { connectClient, connectWorker, temporalConnectionSettings } from '../temporal/connection-settings';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { createApp } from '../api/app';
import { demoSignInList, HARBOR_COUNTY_DEMO_USERS } from '../auth/demo-people';
import { CODEC_ENDPOINT, TEMPORAL_UI_PATH } from '../shared/temporal-ui-paths';
import { databaseCheck } from '../db/queries/health';
import { temporalCheck } from '../process/health-checks';
import { DEFAULT_CONFIG_FILE } from '../config/load-config';
import { HARBOR_COUNTY_CONFIG_FILE, programSourcesFrom, readProgramFiles } from '../programs/program-sources';
import { startServedProgram } from '../programs/served-program';
import { configOfRecords } from '../programs/program-registry';
import { startEmbeddedLeadDatabase } from '../db/embedded-database';
import { createPrisma } from '../db/prisma';
import { applyMigrations } from '../db/schema-engine';
import { MailCapture } from '../mail/capture-server';
import { inboxRoutes } from '../mail/inbox-routes';
import { createSmtpMailer } from '../mail/mailer';
import { temporalCliExecutable } from '../temporal/binaries';
import { DEV_SERVER_FLAGS } from '../temporal/dev-server-flags';
import { startDevServer } from '../temporal/dev-server';
import { CaseWorkflows } from '../temporal/case-workflows';
import { registerSearchAttributes } from '../temporal/search-attribute-registry';
import { createLeadWorker } from '../temporal/worker';
import { createActivities } from '../../activities';
import { configsOf, programSchedules } from '../temporal/program-schedules';
import { serveTemporalMetrics } from '../temporal/metrics';
import { reconcileEvery, startUnstartedWorkflows } from '../referrals/reconcile-unstarted';
import { limitsFrom, readEnvironment } from './environment';
import { seedDemoUsers } from '../auth/local-users';
import { createTokenService } from '../auth/tokens';
import { EncryptionCodec } from '../temporal/payload-encryption';
import { httpMetrics, serveMetrics } from '../api/metrics';
import { apiMetricsListener, dataConverterFor, devSecrets, tokenSettings } from './security-settings';
import { writeEmbeddedDatabaseFile } from './embedded-database-file';
import { launcher } from '../process/launcher';
import { commandLine, descendantsOf } from '../process/processes';
import { watch } from '../process/watchdog';
import { say, complain } from '../process/terminal';
import { requestTimingInterceptors } from '../temporal/stage-interceptor';

/**
 * What it started, stopped in reverse order of starting: the API, the worker (after finishing what it
 * holds), Temporal, the mail capture, PostgreSQL last. Its servers run in process groups of their own
 * (Ctrl+C reaches this process only), and its watchdog stops them should this process die.
 */
const { parts, shutdown } = launcher('dev');

/** A part whose start has been overtaken by a stop: nothing more is started. */
class Stopping extends Error {}
const stillStarting = () => {
  if (parts.stopped) throw new Stopping();
};

async function main() {
  const env = readEnvironment();
  // Issue 26: Burien and Harbor County side by side in the one database; Burien is the program served.
  const programFiles = readProgramFiles(programSourcesFrom(env, [DEFAULT_CONFIG_FILE, HARBOR_COUNTY_CONFIG_FILE]));
  const DATA_DIR = path.resolve(env.LEAD_DATA_DIR);
  mkdirSync(DATA_DIR, { recursive: true });
  // Before Temporal starts: the metrics exporter belongs to the process's one Temporal Runtime.
  const metricsPort = env.METRICS_PORT ?? 9464;
  let workerMetrics = `http://${urlHost(env.METRICS_HOST)}:${metricsPort}/metrics`;
  // Its worker stops when this process stops it, after the API (the SDK's Runtime would stop it on
  // SIGINT and SIGTERM at once, while the API's requests in flight may still wait on its answers).
  try {
    serveTemporalMetrics(metricsPort, env.METRICS_HOST, []);
  } catch (err) {
    workerMetrics = `(not served: ${(err as Error).message}; set METRICS_PORT)`;
    try {
      Runtime.install({ shutdownSignals: [] });
    } catch {
      // installed already, metrics or not
    }
  }

  let databaseUrl = env.DATABASE_URL;
  // The embedded database's owner: it provisions accounts (the application role may not).
  let ownerUrl: string | undefined;
  let applied: string[];
  if (!databaseUrl) {
    const dataDir = path.join(DATA_DIR, 'postgresql-18');
    const pg = await startEmbeddedLeadDatabase({ dataDir, port: env.EMBEDDED_DB_PORT, ownProcessGroup: true });
    parts.add('PostgreSQL', () => pg.stop());
    stillStarting();
    databaseUrl = pg.appUrl;
    ownerUrl = pg.ownerUrl;
    applied = pg.applied;
    // For the tools run beside it (`npm run users`): the roles' passwords are kept across restarts.
    const detailsFile = writeEmbeddedDatabaseFile(DATA_DIR, { ownerUrl: pg.ownerUrl, appUrl: pg.appUrl });
    say(
      `[dev] embedded PostgreSQL on 127.0.0.1:${pg.server.port} (roles lead_owner, lead_app), data in ${dataDir}; its URLs in ${detailsFile}`,
    );
  } else {
    applied = await applyMigrations(env.MIGRATION_DATABASE_URL ?? databaseUrl);
  }
  say(`[dev] migrations applied: ${applied.length ? applied.join(', ') : 'none pending'}`);
  const db = createPrisma(databaseUrl, 10);
  parts.add('the database pool', () => db.$disconnect());
  const {
    served: { config, id: servedProgram },
    programs,
  } = await startServedProgram(db, programFiles, {
    publicUrl: env.PUBLIC_URL,
    warn: (m) => say(`[dev] ${m}`),
  });
  // Demo people exist only in this embedded database: any other database refuses them (README, "Accounts").
  const demoUsers = !env.DATABASE_URL;
  const demoPassword = env.LEAD_DEMO_PASSWORD;
  if (demoUsers && ownerUrl) {
    const owner = createPrisma(ownerUrl, 1);
    // Issue 26: every sign-in names its programs here: the one list's people are the served program's,
    // and Harbor County's people its own.
    const others = programFiles.map((f) => f.id).filter((id) => id !== servedProgram);
    await seedDemoUsers(owner, demoPassword, [servedProgram, ...others]).finally(() => owner.$disconnect());
  }
  const secrets = await devSecrets(DATA_DIR, env);
  const tokens = await createTokenService(tokenSettings(env, secrets.localKey));
  const dataConverter = dataConverterFor(secrets.payloadKeys);

  let smtpUrl = env.SMTP_URL;
  let capture: MailCapture | undefined;
  if (!smtpUrl) {
    capture = await new MailCapture({ saveDir: path.join(DATA_DIR, 'mail') }).start(env.DEV_SMTP_PORT);
    parts.add('the mail capture', () => capture!.stop());
    stillStarting();
    smtpUrl = capture.url;
  }
  const mailer = createSmtpMailer(smtpUrl);

  let client: Client;
  let workerConnection: NativeConnection;
  const external = temporalConnectionSettings();
  const namespace = external?.namespace ?? env.TEMPORAL_NAMESPACE;
  const cli = external ? undefined : temporalCliExecutable();
  // The Web UI is served through the product at /temporal (supervisors, signed in), where it decrypts
  // payloads with the product's own codec server on the same origin.
  const devServerArgs = [
    '--ui-public-path',
    TEMPORAL_UI_PATH,
    '--ui-codec-endpoint',
    CODEC_ENDPOINT,
    ...DEV_SERVER_FLAGS,
  ];
  if (external || cli) {
    let connection: Connection;
    if (external) {
      connection = await connectClient(external);
      workerConnection = await connectWorker(external);
    } else {
      const server = await startDevServer({
        executable: cli!.path,
        ip: '127.0.0.1',
        port: env.TEMPORAL_PORT,
        uiPort: env.TEMPORAL_UI_PORT,
        dbFilename: path.join(DATA_DIR, 'temporal.sqlite'),
        namespace,
        extraArgs: devServerArgs,
      });
      parts.add('the Temporal dev server', () => server.stop());
      stillStarting();
      connection = await Connection.connect({ address: server.address });
      workerConnection = await NativeConnection.connect({ address: server.address });
    }
    parts.add('the Temporal connections', async () => {
      await workerConnection.close();
      await connection.close();
    });
    await registerSearchAttributes(connection, namespace);
    client = new Client({ connection, namespace, dataConverter, interceptors: requestTimingInterceptors() });
  } else {
    // No CLI here (neither Go nor TEMPORAL_CLI_PATH): the SDK downloads one and runs it as its child.
    const temporal = await TestWorkflowEnvironment.createLocal({
      server: {
        ip: '127.0.0.1',
        port: env.TEMPORAL_PORT,
        ui: true,
        uiPort: env.TEMPORAL_UI_PORT,
        dbFilename: path.join(DATA_DIR, 'temporal.sqlite'),
        namespace,
        extraArgs: devServerArgs,
      },
      client: { dataConverter, interceptors: requestTimingInterceptors() },
    });
    parts.add('the Temporal dev server', () => temporal.teardown());
    watchSdkServer();
    stillStarting();
    await registerSearchAttributes(temporal.connection, namespace);
    client = temporal.client;
    workerConnection = temporal.nativeConnection;
  }

  const cases = new CaseWorkflows(client);
  const schedulePrograms = programSchedules(client);
  await schedulePrograms(configsOf(await programs.current()));
  const worker = await createLeadWorker({
    connection: workerConnection,
    namespace,
    activities: createActivities({ db, mailer, config, configOf: configOfRecords(programs), cases }),
    dataConverter,
    // A prebuilt bundle when given (the tests'); bundled at start otherwise.
    workflowBundle: env.LEAD_WORKFLOW_BUNDLE ? { codePath: env.LEAD_WORKFLOW_BUNDLE } : undefined,
    maxCachedWorkflows: env.WORKER_CACHED_WORKFLOWS,
  });
  stillStarting();
  const running = worker.run();
  parts.add('the worker', async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown(); // it finishes what it holds
    await running;
  });
  parts.add(
    'the reconciliation',
    reconcileEvery(
      60_000,
      async () => {
        await schedulePrograms(configsOf(await programs.current()));
        await startUnstartedWorkflows(db, cases);
      },
      () => undefined,
    ),
  );

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
    parts.add("the API's metrics", () => new Promise((resolve) => metricsServer.close(resolve)));
  } catch (err) {
    apiMetrics = `(not served: ${(err as Error).message}; set API_METRICS_PORT)`;
  }
  const app = createApp({
    db,
    cases,
    config,
    programs,
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
    say(`
LEAD referral service is running.
  Pages          http://localhost:${env.PORT}/
                 sign in as ${demoSignInList(78, ' '.repeat(17))}; password "${demoPassword}"${harborPeople(programFiles)}
  API            http://localhost:${env.PORT}/api   (OpenAPI: /api/openapi.json)
  Temporal UI    ${temporalUiUpstream ? `http://localhost:${env.PORT}${TEMPORAL_UI_PATH}   (signed in as demo-supervisor: payloads decoded)` : "(your Temporal server's UI)"}
  Metrics        ${apiMetrics} (API), ${workerMetrics} (worker)
  Captured mail  ${capture ? `http://localhost:${env.PORT}/dev/mail  (also ${path.join(DATA_DIR, 'mail')})` : smtpUrl}
Press Ctrl+C to stop.`);
  });
  // Requests in flight finish (idle connections close at once); any still open after 10 s are cut.
  parts.add('the API', async () => {
    const cut = setTimeout(() => server.closeAllConnections(), 10_000);
    await new Promise((resolve) => server.close(resolve));
    clearTimeout(cut);
  });
}

/** A listening address as a URL names it (an IPv6 one in brackets). */
const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** The SDK's dev server is this process's child, in its process group: its watchdog stops it too (Linux). */
function watchSdkServer(): void {
  for (const pid of descendantsOf(process.pid))
    if (commandLine(pid)?.includes('start-dev'))
      watch({ pid, name: 'the Temporal dev server', signal: 'SIGTERM', timeoutMs: 30_000, group: false });
}

main().catch(async (err) => {
  if (err instanceof Stopping) return; // the stop that overtook it exits
  complain('[dev] failed to start:', err instanceof Error ? err.message : err);
  await shutdown(1);
});

/** Issue 26: the banner's line for Harbor County's people, where that program runs. */
function harborPeople(files: ReadonlyArray<{ id: string }>): string {
  const ids = HARBOR_COUNTY_DEMO_USERS.filter((u) => files.some((f) => f.id === u.program)).map((u) => u.id);
  const lines = [ids.slice(0, 2), ids.slice(2)].filter((l) => l.length).map((l) => l.join(', '));
  return lines.length ? `\n                 Harbor County: ${lines.join(',\n                   ')}` : '';
}
