/** The HTTP API process for production: Temporal and PostgreSQL are given by the environment. */
import { Client, Connection } from '@temporalio/client';
import { RECONNECT_QUICKLY } from '../temporal/connection-settings';
import { createApp } from '../api/app';
import { TEMPORAL_UI_PATH } from '../api/temporal-ui-proxy';
import { databaseCheck, temporalCheck } from '../api/health';
import { createLogger } from '../logging';
import { createTokenService } from '../auth/tokens';
import { EncryptionCodec } from '../temporal/payload-encryption';
import { dataConverterFor, requirePayloadKeys, requireTokenSettings } from './security-settings';
import { loadConfig } from '../config/load-config';
import { createPrisma } from '../db/prisma';
import { CaseWorkflows } from '../temporal/case-workflows';
import { limitsFrom, readEnvironment, required } from './environment';

async function main() {
  const env = readEnvironment();
  const config = loadConfig();
  const db = createPrisma(required(env, 'DATABASE_URL'));
  const tokens = await createTokenService(requireTokenSettings(process.env));
  const payloadKeys = requirePayloadKeys(process.env);
  const connection = await Connection.connect({ address: required(env, 'TEMPORAL_ADDRESS'), channelArgs: RECONNECT_QUICKLY });
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE, dataConverter: dataConverterFor(payloadKeys) });
  const links = { temporalUi: env.TEMPORAL_UI_URL ?? (env.TEMPORAL_UI_UPSTREAM ? TEMPORAL_UI_PATH : 'http://localhost:8233'), namespace: env.TEMPORAL_NAMESPACE };
  const log = createLogger('lead-api');
  const health = { database: databaseCheck(db), temporal: temporalCheck(client) };
  const limits = limitsFrom(process.env);
  const app = createApp({ db, cases: new CaseWorkflows(client), config, links, tokens, codec: new EncryptionCodec(payloadKeys), csrfSecret: process.env.CSRF_SECRET, log, health, limits, metricsToken: env.METRICS_TOKEN, temporalUiUpstream: env.TEMPORAL_UI_UPSTREAM });
  const server = app.listen(env.PORT, () => log.info({ port: env.PORT }, 'listening'));
  // SIGTERM: stop accepting, let in-flight requests finish (at most 15 s), then close connections.
  const stop = () => {
    log.info('stopping');
    setTimeout(() => process.exit(1), 15_000).unref();
    server.close(() => void Promise.all([connection.close(), db.$disconnect()]).then(() => process.exit(0)));
    server.closeIdleConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  console.error('[api] failed:', err);
  process.exit(1);
});
