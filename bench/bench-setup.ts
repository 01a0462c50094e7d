/** What every bench entry point needs first: Temporal's binaries found and the workflow bundles built. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger, Runtime } from '@temporalio/worker';
import { temporalCliExecutable, timeSkippingServerExecutable } from '../src/temporal/binaries';
import { bundleLeadWorkflows } from '../src/temporal/workflow-bundle';

export async function pool<T>(
  items: T[],
  concurrency: number,
  run: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await run(items[i], i);
      }
    }),
  );
}

export async function prepareBench() {
  const cli = temporalCliExecutable();
  if (cli) process.env.TEMPORAL_CLI_PATH = cli.path;
  const testServer = timeSkippingServerExecutable();
  if (testServer) process.env.TEMPORAL_TEST_SERVER_PATH = testServer.path;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dir = path.join(os.tmpdir(), 'lead-bench');
  mkdirSync(dir, { recursive: true });
  const product = path.join(dir, 'workflows.js');
  writeFileSync(product, (await bundleLeadWorkflows({ logger: quiet })).code);
  process.env.LEAD_TEST_WORKFLOW_BUNDLE = product;
  const bare = path.join(dir, 'bare-workflows.js');
  writeFileSync(
    bare,
    (await bundleWorkflowCode({ workflowsPath: require.resolve('./bare-workflows'), logger: quiet })).code,
  );
  return { bare };
}
const noop = () => undefined;
const quiet = { trace: noop, debug: noop, info: noop, warn: noop, error: console.error, log: noop };
