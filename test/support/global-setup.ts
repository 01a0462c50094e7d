import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { temporalCliExecutable, temporalServerTools, timeSkippingServerExecutable } from '../../src/temporal/binaries';
import { bundleLeadWorkflows } from '../../src/temporal/workflow-bundle';

/**
 * Once per test run: provide the Temporal binaries (offline-capable: the test server, the CLI's dev
 * server and the real server with its SQL tool and Web UI) and bundle the workflow code,
 * so every test file starts its own servers and workers quickly.
 */
export default async function globalSetup(): Promise<void> {
  const testServer = timeSkippingServerExecutable();
  if (testServer) process.env.TEMPORAL_TEST_SERVER_PATH = testServer.path;
  const cli = temporalCliExecutable();
  if (cli) process.env.TEMPORAL_CLI_PATH = cli.path;
  // The real server on PostgreSQL, for the production-stack tests (built once from the Go module proxy).
  process.env.TEMPORAL_SERVER_TOOLS_DIR = temporalServerTools();

  const { code } = await bundleLeadWorkflows({ logger: quietLogger });
  const dir = path.join(os.tmpdir(), 'lead-referrals-test');
  mkdirSync(dir, { recursive: true });
  const bundlePath = path.join(dir, `workflow-bundle-${process.pid}.js`);
  writeFileSync(bundlePath, code);
  process.env.LEAD_TEST_WORKFLOW_BUNDLE = bundlePath;
}

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };
