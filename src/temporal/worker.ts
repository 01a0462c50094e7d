import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { TASK_QUEUE } from '../contract/definitions';
import { WORKFLOWS_FROM_SOURCE } from './module-paths';

export interface LeadWorkerOptions {
  connection: NativeConnection;
  namespace?: string;
  /**
   * The activities, built by the caller (`createActivities` of activities/): the worker sits below them
   * in the layers (README: Layout), so the Temporal side never imports the product's activities.
   */
  activities: NonNullable<WorkerOptions['activities']>;
  /** A prebuilt workflow bundle (tests, production images); otherwise workflows/ is bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  identity?: string;
  /** Workflows kept in memory between tasks (0: every task replays the history). */
  maxCachedWorkflows?: number;
  /** The payload codec (encryption) every client and worker of the product uses. */
  dataConverter?: WorkerOptions['dataConverter'];
}

/** The product's worker: the referral workflows plus the activities given. */
export function createLeadWorker(options: LeadWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: TASK_QUEUE,
    ...(options.identity ? { identity: options.identity } : {}),
    ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
    ...(options.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : WORKFLOWS_FROM_SOURCE),
    activities: options.activities,
    // On SIGTERM: stop polling, let running activities finish (or be retried elsewhere) for up to 20 s.
    shutdownGraceTime: '20 seconds',
  });
}
