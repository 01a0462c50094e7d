/** The worker process for production: Temporal, PostgreSQL and SMTP are given by the environment. */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../config/load-config';
import { createPrisma } from '../db/prisma';
import { createSmtpMailer } from '../mail/mailer';
import { CaseWorkflows } from '../temporal/case-workflows';
import { createLeadWorker } from '../temporal/worker';
import { dataConverterFor, requirePayloadKeys } from './security-settings';
import { readEnvironment, required } from './environment';

async function main() {
  const env = readEnvironment();
  const config = loadConfig();
  const db = createPrisma(required(env, 'DATABASE_URL'));
  const mailer = createSmtpMailer(required(env, 'SMTP_URL'));
  const dataConverter = dataConverterFor(requirePayloadKeys(process.env));
  const address = required(env, 'TEMPORAL_ADDRESS');
  const connection = await NativeConnection.connect({ address });
  const clientConnection = await Connection.connect({ address });
  const cases = new CaseWorkflows(new Client({ connection: clientConnection, namespace: env.TEMPORAL_NAMESPACE, dataConverter }));
  const worker = await createLeadWorker({ connection, namespace: env.TEMPORAL_NAMESPACE, deps: { db, mailer, config, cases }, dataConverter });
  console.log(`[worker] polling task queue on ${env.TEMPORAL_ADDRESS}/${env.TEMPORAL_NAMESPACE}`);
  await worker.run(); // returns after SIGINT/SIGTERM once in-flight tasks are done
  await connection.close();
  await clientConnection.close();
  await db.$disconnect();
  mailer.close();
}

main().catch((err) => {
  console.error('[worker] failed:', err);
  process.exit(1);
});
