import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../../activities';
import type { ActivityDeps } from '../../activities/activity-deps';
import { TASK_QUEUE } from '../shared/definitions';
import { WORKFLOWS_PATH } from './module-paths';

export interface LeadWorkerOptions {
  connection: NativeConnection;
  namespace?: string;
  deps: ActivityDeps;
  /** A prebuilt workflow bundle (tests, production images); otherwise workflows/ is bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  identity?: string;
  /** Workflows kept in memory between tasks (0: every task replays the history). */
  maxCachedWorkflows?: number;
  /** The payload codec (encryption) every client and worker of the product uses. */
  dataConverter?: WorkerOptions['dataConverter'];
}

/** The product's worker: the referral workflows plus activities built from real parts. */
export function createLeadWorker(options: LeadWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: TASK_QUEUE,
    ...(options.identity ? { identity: options.identity } : {}),
    ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
    ...(options.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(options.deps),
    // On SIGTERM: stop polling, let running activities finish (or be retried elsewhere) for up to 20 s.
    shutdownGraceTime: '20 seconds',
  });
}
