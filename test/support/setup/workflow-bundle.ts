import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleLeadWorkflows } from '../../../src/temporal/workflow-bundle';

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };

/**
 * Bundles the workflow code once per test run (every project's setup shares it) and tells the test
 * files where it is, so each worker they create loads it instead of bundling again.
 */
export async function provideWorkflowBundle(): Promise<void> {
  if (process.env.LEAD_TEST_WORKFLOW_BUNDLE) return;
  const { code } = await bundleLeadWorkflows({ logger: quietLogger });
  const dir = path.join(os.tmpdir(), 'lead-referrals-test');
  mkdirSync(dir, { recursive: true });
  const bundlePath = path.join(dir, `workflow-bundle-${process.pid}.js`);
  writeFileSync(bundlePath, code);
  process.env.LEAD_TEST_WORKFLOW_BUNDLE = bundlePath;
}
