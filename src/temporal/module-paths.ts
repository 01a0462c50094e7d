/** Modules that Temporal loads by path: the workflows, and the failure converter every client, worker and bundle uses. */
export const WORKFLOWS_PATH = require.resolve('../../workflows');
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');
