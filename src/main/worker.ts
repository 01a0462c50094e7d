/** The worker process for production: Temporal, PostgreSQL and SMTP are given by the environment. */
import { BUILT_WORKFLOW_BUNDLE, COMPILED } from '../project-root';
import { Client } from '@temporalio/client';
import { connectClient, connectWorker, temporalConnectionSettings } from '../temporal/connection-settings';
import { programSourcesFrom, readProgramFiles } from '../programs/program-sources';
import { startServedProgram } from '../programs/served-program';
import { configOfRecords } from '../programs/program-registry';
import { createPrisma } from '../db/prisma';
import { createSmtpMailer } from '../mail/mailer';
import { CaseWorkflows } from '../temporal/case-workflows';
import { configsOf, programSchedules } from '../temporal/program-schedules';
import { createLeadWorker } from '../temporal/worker';
import { createActivities } from '../../activities';
import { dataConverterFor, payloadKeysOf } from './security-settings';
import { databaseCheck } from '../db/queries/health';
import { serveWorkerHealth } from '../temporal/worker-health';
import { serveTemporalMetrics } from '../temporal/metrics';
import { reconcileEvery, startUnstartedWorkflows } from '../referrals/reconcile-unstarted';
import { startMissingFollowUps } from '../evaluation/follow-ups';
import { readEnvironment, required, requireFor } from './environment';
import { createLogger } from '../logging';
import { complain } from '../process/terminal';

const log = createLogger('lead-worker');

async function main() {
  const env = readEnvironment();
  // A broken jurisdiction file stops the process first, naming every bad key.
  const programFiles = readProgramFiles(programSourcesFrom(env));
  requireFor(env, 'The worker', ['DATABASE_URL', 'SMTP_URL', 'TEMPORAL_ADDRESS', 'LEAD_PAYLOAD_KEYS']);
  const db = createPrisma(required(env, 'DATABASE_URL'));
  const {
    served: { config },
    programs,
  } = await startServedProgram(db, programFiles, {
    publicUrl: env.PUBLIC_URL,
    warn: (m) => log.warn(`[worker] ${m}`),
  });
  const mailer = createSmtpMailer(required(env, 'SMTP_URL'));
  const dataConverter = dataConverterFor(payloadKeysOf(env));
  const temporal = temporalConnectionSettings()!;
  if (env.METRICS_PORT)
    log.info(`[worker] Temporal metrics on http://${serveTemporalMetrics(env.METRICS_PORT, env.METRICS_HOST)}/metrics`);
  const connection = await connectWorker(temporal);
  const clientConnection = await connectClient(temporal);
  const client = new Client({ connection: clientConnection, namespace: temporal.namespace, dataConverter });
  const cases = new CaseWorkflows(client);
  const schedulePrograms = programSchedules(client);
  await schedulePrograms(configsOf(await programs.current()));
  // Compiled (production): the bundle `npm run build` made. From the sources: bundled at start.
  const bundlePath = env.LEAD_WORKFLOW_BUNDLE || (COMPILED ? BUILT_WORKFLOW_BUNDLE : undefined);
  const workflowBundle = bundlePath ? { codePath: bundlePath } : undefined;
  const worker = await createLeadWorker({
    connection,
    namespace: temporal.namespace,
    activities: createActivities({ db, mailer, config, configOf: configOfRecords(programs), cases }),
    dataConverter,
    workflowBundle,
    maxCachedWorkflows: env.WORKER_CACHED_WORKFLOWS,
  });
  const health = env.WORKER_HEALTH_PORT
    ? serveWorkerHealth(env.WORKER_HEALTH_PORT, () => worker, { database: databaseCheck(db) })
    : undefined;
  const stopReconciling = reconcileEvery(
    env.RECONCILE_INTERVAL_MS,
    async () => {
      // First: a program added or moved is scheduled even while another step keeps failing.
      await schedulePrograms(configsOf(await programs.current()));
      await startUnstartedWorkflows(db, cases, env.RECONCILE_AFTER_MS);
      await startMissingFollowUps({ db, cases, configOf: configOfRecords(programs) });
    },
    (err) => log.error(`[worker] reconciliation failed: ${(err as Error).name}`),
  );
  log.info(
    `[worker] polling task queue on ${temporal.options.address}/${temporal.namespace}; workflows ${bundlePath ? `from the prebuilt bundle ${bundlePath}` : 'bundled from workflows/ at start'}`,
  );
  await worker.run(); // returns after SIGINT/SIGTERM once in-flight tasks are done
  health?.close();
  stopReconciling();
  await connection.close();
  await clientConnection.close();
  await db.$disconnect();
  mailer.close();
}

main().catch((err) => {
  // Why the process would not start is for the person who started it: a plain line on stderr.
  complain(`[worker] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
