import { bundleWorkflowCode, type BundleOptions } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH, PRELOADED_MODULES, WORKFLOWS_PATH } from './module-paths';

/**
 * Bundles the workflows with the product's failure converter (tests, fixtures, benchmarks, production
 * images); `webpackConfigHook` lets a test read the bundle's module list.
 */
export function bundleLeadWorkflows(options: Pick<BundleOptions, 'logger' | 'webpackConfigHook'> = {}) {
  return bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    preloadModules: PRELOADED_MODULES,
    ...options,
  });
}
