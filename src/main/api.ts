/** The HTTP API process for production: Temporal and PostgreSQL are given by the environment. */
import { Client } from '@temporalio/client';
import { connectClient, temporalConnectionSettings } from '../temporal/connection-settings';
import { createApp } from '../api/app';
import { TEMPORAL_UI_PATH } from '../shared/temporal-ui-paths';
import { databaseCheck } from '../db/queries/health';
import { temporalCheck } from '../process/health-checks';
import { createLogger } from '../logging';
import { createTokenService } from '../auth/tokens';
import { EncryptionCodec } from '../temporal/payload-encryption';
import { httpMetrics, serveMetrics } from '../api/metrics';
import {
  apiMetricsListener,
  apiMetricsRequirements,
  dataConverterFor,
  payloadKeysOf,
  tokenSettings,
} from './security-settings';
import { programSourcesFrom, readProgramFiles } from '../programs/program-sources';
import { startServedProgram } from '../programs/served-program';
import { createPrisma } from '../db/prisma';
import { CaseWorkflows } from '../temporal/case-workflows';
import { requestTimingInterceptors } from '../temporal/stage-interceptor';
import { API_REQUIRES, limitsFrom, readEnvironment, required, requireFor } from './environment';
import { complain } from '../process/terminal';

async function main() {
  const env = readEnvironment();
  // A broken jurisdiction file stops the process first, naming every bad key.
  const programFiles = readProgramFiles(programSourcesFrom(env));
  requireFor(env, 'The API', [...API_REQUIRES.keys, ...apiMetricsRequirements(env)], API_REQUIRES.oneOf);
  const log = createLogger('lead-api', env.LOG_LEVEL);
  const db = createPrisma(required(env, 'DATABASE_URL'));
  const {
    served: { config },
    programs,
  } = await startServedProgram(db, programFiles, {
    publicUrl: env.PUBLIC_URL,
    warn: (m) => log.warn(m),
  });
  const tokens = await createTokenService(tokenSettings(env));
  const payloadKeys = payloadKeysOf(env);
  const temporal = temporalConnectionSettings()!;
  const connection = await connectClient(temporal);
  const client = new Client({
    connection,
    namespace: temporal.namespace,
    dataConverter: dataConverterFor(payloadKeys),
    interceptors: requestTimingInterceptors(),
  });
  const links = {
    temporalUi: env.TEMPORAL_UI_URL ?? (env.TEMPORAL_UI_UPSTREAM ? TEMPORAL_UI_PATH : 'http://localhost:8233'),
    namespace: temporal.namespace,
  };
  const health = { database: databaseCheck(db), temporal: temporalCheck(client) };
  const metricsListener = apiMetricsListener(env, false);
  const metrics = httpMetrics(metricsListener?.token);
  const app = createApp({
    db,
    cases: new CaseWorkflows(client),
    config,
    programs,
    links,
    tokens,
    log,
    health,
    codec: new EncryptionCodec(payloadKeys),
    csrfSecret: required(env, 'CSRF_SECRET'),
    pseudonymKey: required(env, 'EVALUATION_PSEUDONYM_KEY'),
    limits: limitsFrom(process.env),
    metrics,
    trustProxy: env.TRUST_PROXY,
    temporalUiUpstream: env.TEMPORAL_UI_UPSTREAM,
  });
  const server = app.listen(env.PORT, () => log.info({ port: env.PORT }, 'listening'));
  const metricsServer = metricsListener
    ? await serveMetrics(metrics, metricsListener.port, metricsListener.host)
    : undefined;
  if (metricsListener) log.info({ host: metricsListener.host, port: metricsListener.port }, 'metrics listening');
  // SIGTERM: stop accepting, let in-flight requests finish (at most 15 s), then close connections.
  const stop = () => {
    log.info('stopping');
    setTimeout(() => process.exit(1), 15_000).unref();
    metricsServer?.close();
    server.close(() => void Promise.all([connection.close(), db.$disconnect()]).then(() => process.exit(0)));
    server.closeIdleConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  // Why the process would not start is for the person who started it: a plain line on stderr.
  complain(`[api] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
