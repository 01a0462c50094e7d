import { timeSkippingServerExecutable } from '../../../src/temporal/binaries';
import { provideWorkflowBundle } from './workflow-bundle';

/** The workflow layer needs only Temporal's time-skipping test server and the bundled workflows. */
export default async function workflowLayerSetup(): Promise<void> {
  const testServer = timeSkippingServerExecutable();
  if (testServer) process.env.TEMPORAL_TEST_SERVER_PATH = testServer.path;
  await provideWorkflowBundle();
}
