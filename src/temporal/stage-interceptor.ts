import type { WorkflowClientInterceptor } from '@temporalio/client';
import { stage } from '../process/stage-clock';

/**
 * The Temporal calls a request makes, each a stage of the request's time (src/process/stage-clock.ts):
 * starting a workflow, signalling one, querying one. Outside a timed request the calls only run.
 */
export const stageTimingInterceptor: WorkflowClientInterceptor = {
  startWithDetails: (input, next) => stage('workflow_start', () => next(input)),
  signalWithStart: (input, next) => stage('workflow_start', () => next(input)),
  signal: (input, next) => stage('workflow_signal', () => next(input)),
  query: (input, next) => stage('workflow_query', () => next(input)),
};

/** The client interceptors of a process that serves requests (the API; `npm start`'s one process). */
export const requestTimingInterceptors = () => ({ workflow: [stageTimingInterceptor] });
