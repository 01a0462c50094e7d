import {
  temporalCliExecutable,
  temporalServerTools,
  timeSkippingServerExecutable,
} from '../../../src/temporal/binaries';
import { provideWorkflowBundle } from './workflow-bundle';

/**
 * The integration and fault layers: every Temporal binary they start (the time-skipping test server,
 * the CLI's dev server with its Web UI, the real server on PostgreSQL — each provided offline by
 * scripts/provide-temporal-*.sh) and the bundled workflows.
 */
export default async function realPartsSetup(): Promise<void> {
  const testServer = timeSkippingServerExecutable();
  if (testServer) process.env.TEMPORAL_TEST_SERVER_PATH = testServer.path;
  const cli = temporalCliExecutable();
  if (cli) process.env.TEMPORAL_CLI_PATH = cli.path;
  process.env.TEMPORAL_SERVER_TOOLS_DIR = temporalServerTools();
  await provideWorkflowBundle();
}
