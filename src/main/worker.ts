/** The worker process for production: Temporal, PostgreSQL and SMTP are given by the environment. */
import { Client, Connection } from '@temporalio/client';
import { RECONNECT_QUICKLY } from '../temporal/connection-settings';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../config/load-config';
import { createPrisma } from '../db/prisma';
import { createSmtpMailer } from '../mail/mailer';
import { CaseWorkflows } from '../temporal/case-workflows';
import { ensureMonthlyReportSchedule } from '../temporal/monthly-report-schedule';
import { createLeadWorker } from '../temporal/worker';
import { dataConverterFor, requirePayloadKeys } from './security-settings';
import { databaseCheck } from '../api/health';
import { serveWorkerHealth } from '../temporal/worker-health';
import { serveTemporalMetrics } from '../temporal/metrics';
import { reconcileEvery, startUnstartedWorkflows } from '../referrals/reconcile-unstarted';
import { readEnvironment, required } from './environment';

async function main() {
  const env = readEnvironment();
  const config = loadConfig();
  const db = createPrisma(required(env, 'DATABASE_URL'));
  const mailer = createSmtpMailer(required(env, 'SMTP_URL'));
  const dataConverter = dataConverterFor(requirePayloadKeys(process.env));
  const address = required(env, 'TEMPORAL_ADDRESS');
  if (env.METRICS_PORT) console.log(`[worker] Temporal metrics on http://${serveTemporalMetrics(env.METRICS_PORT)}/metrics`);
  const connection = await NativeConnection.connect({ address });
  const clientConnection = await Connection.connect({ address, channelArgs: RECONNECT_QUICKLY });
  const client = new Client({ connection: clientConnection, namespace: env.TEMPORAL_NAMESPACE, dataConverter });
  const cases = new CaseWorkflows(client);
  await ensureMonthlyReportSchedule(client, config);
  const workflowBundle = process.env.LEAD_WORKFLOW_BUNDLE ? { codePath: process.env.LEAD_WORKFLOW_BUNDLE } : undefined;
  const worker = await createLeadWorker({ connection, namespace: env.TEMPORAL_NAMESPACE, deps: { db, mailer, config, cases }, dataConverter, workflowBundle, maxCachedWorkflows: env.WORKER_CACHED_WORKFLOWS });
  const health = process.env.WORKER_HEALTH_PORT ? serveWorkerHealth(Number(process.env.WORKER_HEALTH_PORT), () => worker, { database: databaseCheck(db) }) : undefined;
  const stopReconciling = reconcileEvery(Number(process.env.RECONCILE_INTERVAL_MS ?? 60_000), () => startUnstartedWorkflows(db, cases, Number(process.env.RECONCILE_AFTER_MS ?? 30_000)), (err) => console.error('[worker] reconciliation failed:', (err as Error).name));
  console.log(`[worker] polling task queue on ${env.TEMPORAL_ADDRESS}/${env.TEMPORAL_NAMESPACE}`);
  await worker.run(); // returns after SIGINT/SIGTERM once in-flight tasks are done
  health?.close();
  stopReconciling();
  await connection.close();
  await clientConnection.close();
  await db.$disconnect();
  mailer.close();
}

main().catch((err) => {
  console.error('[worker] failed:', err);
  process.exit(1);
});
