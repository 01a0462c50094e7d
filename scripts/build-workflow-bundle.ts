/**
 * Prebuilds the workflow bundle for production images: `npx tsx scripts/build-workflow-bundle.ts [out]`
 * (default dist/workflow-bundle.js). The worker loads it from LEAD_WORKFLOW_BUNDLE instead of
 * bundling workflows/ with webpack at every start.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleLeadWorkflows } from '../src/temporal/workflow-bundle';

async function main(out: string) {
  const { code } = await bundleLeadWorkflows();
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`Workflow bundle written to ${out} (${Math.round(code.length / 1024)} kB)`);
}

main(path.resolve(process.argv[2] ?? 'dist/workflow-bundle.js')).catch((err) => {
  console.error(err);
  process.exit(1);
});
