import { temporalCliExecutable, timeSkippingServerExecutable } from '../../../src/temporal/binaries';
import { provideWorkflowBundle } from './workflow-bundle';

/**
 * The workflow layer needs Temporal's time-skipping test server, the CLI's dev server (for what the
 * test server lacks: Schedules, an Update after continue-as-new, visibility queries) and the bundled
 * workflows.
 */
export default async function workflowLayerSetup(): Promise<void> {
  const testServer = timeSkippingServerExecutable();
  if (testServer) process.env.TEMPORAL_TEST_SERVER_PATH = testServer.path;
  const cli = temporalCliExecutable();
  if (cli) process.env.TEMPORAL_CLI_PATH = cli.path;
  await provideWorkflowBundle();
}
