/** The worker process for production: Temporal, PostgreSQL and SMTP are given by the environment. */
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../config/load-config';
import { createPrisma } from '../db/prisma';
import { createSmtpMailer } from '../mail/mailer';
import { createLeadWorker } from '../temporal/worker';
import { readEnvironment, required } from './environment';

async function main() {
  const env = readEnvironment();
  const config = loadConfig();
  const db = createPrisma(required(env, 'DATABASE_URL'));
  const mailer = createSmtpMailer(required(env, 'SMTP_URL'));
  const connection = await NativeConnection.connect({ address: required(env, 'TEMPORAL_ADDRESS') });
  const worker = await createLeadWorker({ connection, namespace: env.TEMPORAL_NAMESPACE, deps: { db, mailer, config } });
  console.log(`[worker] polling task queue on ${env.TEMPORAL_ADDRESS}/${env.TEMPORAL_NAMESPACE}`);
  await worker.run(); // returns after SIGINT/SIGTERM once in-flight tasks are done
  await connection.close();
  await db.$disconnect();
  mailer.close();
}

main().catch((err) => {
  console.error('[worker] failed:', err);
  process.exit(1);
});
