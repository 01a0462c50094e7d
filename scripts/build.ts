/**
 * `npm run build`: the service as production runs it — TypeScript compiled to dist/ (tsc), the pages'
 * scripts prebuilt to dist/web-assets/ and the workflow bundle to dist/workflow-bundle.js. Compiled
 * processes (`node dist/src/main/api.js`, `…/worker.js`) read those instead of bundling at start.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_DIR, BUILT_ASSETS_DIR, BUILT_WORKFLOW_BUNDLE, PROJECT_ROOT } from '../src/project-root';
import { bundleLeadWorkflows } from '../src/temporal/workflow-bundle';
import { buildClientAssets } from '../src/web/assets';

async function main() {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', path.join(PROJECT_ROOT, 'tsconfig.build.json')],
    { stdio: 'inherit' },
  );

  mkdirSync(BUILT_ASSETS_DIR, { recursive: true });
  const assets = await buildClientAssets();
  for (const [name, body] of assets) writeFileSync(path.join(BUILT_ASSETS_DIR, name), body);

  const { code } = await bundleLeadWorkflows({
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
  });
  writeFileSync(BUILT_WORKFLOW_BUNDLE, code);
  console.log(
    `Built ${path.relative(PROJECT_ROOT, BUILD_DIR)}/: the service, ${assets.size} page assets, the workflow bundle (${Math.round(code.length / 1024)} kB)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
