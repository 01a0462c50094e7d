/** The HTTP API process for production: Temporal and PostgreSQL are given by the environment. */
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app';
import { createTokenService } from '../auth/tokens';
import { EncryptionCodec } from '../temporal/payload-encryption';
import { dataConverterFor, requirePayloadKeys, requireTokenSettings } from './security-settings';
import { loadConfig } from '../config/load-config';
import { createPrisma } from '../db/prisma';
import { CaseWorkflows } from '../temporal/case-workflows';
import { readEnvironment, required } from './environment';

async function main() {
  const env = readEnvironment();
  const config = loadConfig();
  const db = createPrisma(required(env, 'DATABASE_URL'));
  const tokens = await createTokenService(requireTokenSettings(process.env));
  const payloadKeys = requirePayloadKeys(process.env);
  const connection = await Connection.connect({ address: required(env, 'TEMPORAL_ADDRESS') });
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE, dataConverter: dataConverterFor(payloadKeys) });
  const links = { temporalUi: env.TEMPORAL_UI_URL ?? 'http://localhost:8233', namespace: env.TEMPORAL_NAMESPACE };
  const server = createApp({ db, cases: new CaseWorkflows(client), config, links, tokens, codec: new EncryptionCodec(payloadKeys), csrfSecret: process.env.CSRF_SECRET }).listen(env.PORT, () => {
    console.log(`[api] listening on :${env.PORT}`);
  });
  const stop = () => server.close(() => void Promise.all([connection.close(), db.$disconnect()]).then(() => process.exit(0)));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  console.error('[api] failed:', err);
  process.exit(1);
});
