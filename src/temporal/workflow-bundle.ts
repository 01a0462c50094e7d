import { bundleWorkflowCode } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH, WORKFLOWS_PATH } from './module-paths';

/** Bundles the workflows with the product's failure converter (tests, fixtures, benchmarks, production images). */
export function bundleLeadWorkflows(options: { logger?: Parameters<typeof bundleWorkflowCode>[0]['logger'] } = {}) {
  return bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    ...options,
  });
}
