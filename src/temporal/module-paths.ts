/** Modules that Temporal loads by path: the workflows, and the failure converter every client, worker and bundle uses. */
export const WORKFLOWS_PATH = require.resolve('../../workflows');
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/**
 * Modules the reusable V8 context evaluates once, before any workflow, and every cached workflow then
 * shares (deep-frozen) instead of evaluating its own copy: the case actions' input schemas, with their
 * declarations and the parts of zod and of `src/shared/` they import. Each workflow that took a case
 * action would otherwise hold about 0.7 MB of them (bench/results/2026-12-03-preload.md). A module listed
 * here, and every module it loads, keeps no per-workflow state and exports no zod schema
 * (`src/case/actions/inputs.ts`).
 */
export const PRELOADED_MODULES = [require.resolve('../case/actions/inputs')];

/** How a worker without a prebuilt bundle bundles the workflows: from WORKFLOWS_PATH, preloading as every bundle does. */
export const WORKFLOWS_FROM_SOURCE = {
  workflowsPath: WORKFLOWS_PATH,
  bundlerOptions: { preloadModules: PRELOADED_MODULES },
};
