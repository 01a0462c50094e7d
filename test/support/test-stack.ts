import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startEphemeralTemporal } from './ephemeral-temporal';
import { freePort } from '../../src/net/free-port';
import { Runtime, DefaultLogger, type Worker } from '@temporalio/worker';
import { createApp, type ApiLimits } from '../../src/api/app';
import { httpMetrics, serveMetrics } from '../../src/api/metrics';
import type { Express } from 'express';
import { CODEC_ENDPOINT, TEMPORAL_UI_PATH } from '../../src/shared/temporal-ui-paths';
import { databaseCheck } from '../../src/db/queries/health';
import { temporalCheck } from '../../src/process/health-checks';
import { seedDemoUsers } from '../../src/auth/local-users';
import { createTokenService, generateLocalKey, type TokenService } from '../../src/auth/tokens';
import { createLogger, type Logger } from '../../src/logging';
import { dataConverterFor } from '../../src/main/security-settings';
import { EncryptionCodec, newPayloadKey, type PayloadKey } from '../../src/temporal/payload-encryption';
import { registerTestTokens } from './api-client';
import { createTestDatabase } from './shared-postgres';
import type { LeadConfig } from '../../src/config/config-schema';
import { loadConfig } from '../../src/config/load-config';
import { createPrisma, type PrismaClient } from '../../src/db/prisma';
import { MailCapture } from '../../src/mail/capture-server';
import { createSmtpMailer, type Mailer } from '../../src/mail/mailer';
import { CaseWorkflows } from '../../src/temporal/case-workflows';
import { requestTimingInterceptors } from '../../src/temporal/stage-interceptor';
import { registerSearchAttributes } from '../../src/temporal/search-attribute-registry';
import { createLeadWorker } from '../../src/temporal/worker';
import { createActivities } from '../../activities';
import { configOfRecords } from '../../src/programs/program-registry';
import { programSource, readProgramFiles } from '../../src/programs/program-sources';
import { startServedProgram } from '../../src/programs/served-program';
import { mailProblems } from './plain-language';

let runtimeInstalled = false;
function quietTemporalRuntime() {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

/**
 * Everything the product runs on, real and local, for one test file: a Temporal server (time-skipping
 * by default), a database of its own on the layer's real PostgreSQL server (least-privilege roles,
 * migrations applied), an SMTP receiver, the worker and the HTTP API.
 */
export interface TestStack {
  env: TestWorkflowEnvironment;
  /** The application's connection (role `lead_app`: not owner, not superuser), as the API and worker use. */
  db: PrismaClient;
  /** The database's owner (migrations): for tests that must change what the application cannot. */
  ownerDb: PrismaClient;
  /** The database's URLs: its owner's (migrations), the application's, and the server's superuser (provisioning). */
  databaseUrls: { owner: string; app: string; admin: string };
  mail: MailCapture;
  config: LeadConfig;
  /** Issue 26: the ids of the programs the stack runs, when started with `programs`. */
  programIds?: string[];
  baseUrl: string;
  /** The API's metrics (GET /metrics): on a loopback listener of their own, as the API process serves them. */
  metricsUrl: string;
  /** The API's Express application (its route contracts are in `app.locals.routeContracts`). */
  app: Express;
  worker: Worker;
  tokens: TokenService;
  codec: EncryptionCodec;
  payloadKeys: PayloadKey[];
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestStackOptions {
  timeSkipping?: boolean;
  config?: LeadConfig;
  /**
   * Keep workflows cached between tasks (default). Tests that stop and start workers turn it off:
   * the time-skipping server measures the sticky-queue timeout in its locked test time, so a task
   * addressed to a stopped worker's sticky queue would wait forever.
   */
  stickyCache?: boolean;
  /** Payload encryption keys, newest first (default: one fresh key). */
  payloadKeys?: PayloadKey[];
  limits?: ApiLimits;
  /** Proxies in front of the API whose X-Forwarded-For is believed (a test can then call from several addresses). */
  trustProxy?: number;
  /** The API's logger (default: warnings and errors only, so request lines do not flood the test output). */
  log?: Logger;
  /** Run the Temporal dev server with its Web UI, served by the API at /temporal (implies timeSkipping: false). */
  temporalUi?: boolean;
  /**
   * Issue 26: the programs the service runs, started from these jurisdiction files (the first served,
   * as `LEAD_PROGRAM_FILES` does); the API and the activities then serve each from the database.
   */
  programs?: string[];
}

/** The demo users' password in tests (local sign-in). */
export const TEST_PASSWORD = 'test-password-1';
export const GENEROUS_LIMITS: ApiLimits = {
  signInFailures: { windowMs: 60_000, perAddress: 10_000, accountBackoff: { firstMs: 0, maxMs: 0 } },
  unauthenticated: { windowMs: 60_000, perAddress: 100_000, total: 100_000 },
  submissions: { windowMs: 60_000, limit: 100_000 },
  orderChecks: { windowMs: 60_000, limit: 100_000 },
};

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  quietTemporalRuntime();
  // Parts started so far, stopped in reverse order if a later one fails to start.
  const started: Array<() => Promise<unknown> | unknown> = [];
  try {
    return await start(options, started);
  } catch (err) {
    for (const stop of started.reverse()) await Promise.resolve(stop()).catch(() => undefined);
    throw err;
  }
}

async function start(options: TestStackOptions, started: Array<() => Promise<unknown> | unknown>): Promise<TestStack> {
  const pg = await createTestDatabase();
  started.push(() => pg.drop());
  const db = createPrisma(pg.appUrl, 10);
  started.push(() => db.$disconnect());
  const ownerDb = createPrisma(pg.ownerUrl, 2);
  started.push(() => ownerDb.$disconnect());
  // As the owner: accounts are provisioned, not written by the application role (issue 22 item 9).
  await seedDemoUsers(ownerDb, TEST_PASSWORD);
  const servedPrograms = options.programs
    ? // A version put in force is read at the next request or notice: no wait for the registry's next check.
      await startServedProgram(db, readProgramFiles(options.programs.map(programSource)), {
        staleAfterMs: 0,
        warn: () => undefined,
      })
    : undefined;
  const programs = servedPrograms?.programs;
  const config = options.config ?? servedPrograms?.served.config ?? loadConfig();
  const configOf = programs ? configOfRecords(programs) : async () => config;
  const tokens = await createTokenService({
    issuer: 'lead-referrals',
    audience: 'lead-referrals',
    sessionSeconds: 3600,
    localKey: await generateLocalKey(),
  });
  const payloadKeys = options.payloadKeys ?? [newPayloadKey('test-1')];
  const codec = new EncryptionCodec(payloadKeys);
  const dataConverter = dataConverterFor(payloadKeys);
  const mail = await new MailCapture().start();
  started.push(() => mail.stop());
  const mailer: Mailer = createSmtpMailer(mail.url);
  started.push(() => mailer.close());

  const testServerPath = process.env.TEMPORAL_TEST_SERVER_PATH;
  const cliPath = process.env.TEMPORAL_CLI_PATH;
  const uiPort = options.temporalUi ? await freePort() : undefined;
  const env =
    options.timeSkipping === false || options.temporalUi
      ? await startEphemeralTemporal({
          kind: 'dev',
          server: {
            executable: cliPath ? { type: 'existing-path', path: cliPath } : undefined,
            ...(uiPort
              ? {
                  ui: true,
                  uiPort,
                  extraArgs: ['--ui-public-path', TEMPORAL_UI_PATH, '--ui-codec-endpoint', CODEC_ENDPOINT],
                }
              : {}),
          },
          client: { dataConverter, interceptors: requestTimingInterceptors() },
        })
      : await startEphemeralTemporal({
          kind: 'time-skipping',
          // Started without --enable-time-skipping, the test server keeps time locked (like a real
          // server) except while the test sleeps (env.sleep) or awaits a result.
          server: { executable: testServerPath ? { type: 'existing-path', path: testServerPath } : undefined },
          client: { dataConverter, interceptors: requestTimingInterceptors() },
        });
  started.push(() => env.teardown());
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');

  const cases = new CaseWorkflows(env.client);
  const bundlePath = process.env.LEAD_TEST_WORKFLOW_BUNDLE;
  const newWorker = () =>
    createLeadWorker({
      connection: env.nativeConnection,
      namespace: env.namespace,
      activities: createActivities({ db, mailer, config, configOf, cases }),
      workflowBundle: bundlePath ? { codePath: bundlePath } : undefined,
      maxCachedWorkflows: options.stickyCache === false ? 0 : undefined,
      dataConverter,
    });

  let worker = await newWorker();
  let running = worker.run();

  const log = options.log ?? createLogger('lead-api', process.env.LOG_LEVEL ?? 'warn');
  const metrics = httpMetrics();
  const metricsServer = await serveMetrics(metrics, 0, '127.0.0.1');
  started.push(() => new Promise((resolve) => metricsServer.close(resolve)));
  const app = createApp({
    metrics,
    // Referrals are accepted at the test server's time, which `env.sleep` moves ahead of this machine's.
    clock: () => env.currentTimeMs(),
    // The test stack stands for `npm start`'s embedded database, where the demo people exist.
    db,
    cases,
    config,
    ...(programs ? { programs } : {}),
    tokens,
    codec,
    log,
    demoUsers: true,
    limits: options.limits ?? GENEROUS_LIMITS,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    health: { database: databaseCheck(db), temporal: temporalCheck(env.client) },
    temporalUiUpstream: uiPort ? `http://127.0.0.1:${uiPort}` : undefined,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  registerTestTokens(baseUrl, tokens);

  const stack: TestStack = {
    env,
    db,
    ownerDb,
    databaseUrls: { owner: pg.ownerUrl, app: pg.appUrl, admin: pg.adminUrl },
    mail,
    config,
    ...(programs ? { programIds: [...programs.known().keys()] } : {}),
    baseUrl,
    metricsUrl: `http://127.0.0.1:${(metricsServer.address() as AddressInfo).port}/metrics`,
    app,
    tokens,
    codec,
    payloadKeys,
    get worker() {
      return worker;
    },
    async stopWorker() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
    async startWorker() {
      worker = await newWorker();
      running = worker.run();
    },
    async stop() {
      // Issue 23 item 3: every notice this file's tests made a person receive is in words.
      const unplain = mailProblems(mail.messages);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      metricsServer.closeAllConnections();
      await new Promise((resolve) => metricsServer.close(resolve));
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
      await env.teardown();
      mailer.close();
      await mail.stop();
      await db.$disconnect();
      await ownerDb.$disconnect();
      await pg.drop();
      if (unplain.length > 0) throw new Error(`Notices not in plain words:\n${unplain.join('\n')}`);
    },
  };
  return stack;
}
