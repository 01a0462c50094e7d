import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { apiAs, expectStatus, waitFor } from '../../support/api-client';
import { arrestReferral } from '../../support/referrals';
import { WORKER_NODE_FLAGS } from '../../../src/temporal/worker-node-flags';
import { noticeCounts, startProcessStack, type ProcessStack } from '../../support/process-stack';

/**
 * `npm run build` makes what production runs (the Dockerfile's build stage runs it): the compiled
 * database, worker and API start from dist/ with plain `node`, serve the prebuilt page scripts and run
 * the prebuilt workflow bundle — no tsx, no esbuild, no bundling at start.
 */
const ROOT = path.join(__dirname, '..', '..', '..');
let stack: ProcessStack;

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: ROOT,
    maxBuffer: 1 << 24,
  });
  stack = await startProcessStack('compiled-build', undefined, { compiled: true });
}, 600_000);
afterAll(async () => {
  await stack?.stop();
}, 120_000);

test('the compiled service takes a referral, its worker sends the notices, and it serves the prebuilt pages', async () => {
  // What the processes really run: plain node on the compiled scripts.
  const commandLine = (pid?: number) =>
    readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(1);
  expect(commandLine(stack.parts.api.pid)).toEqual([path.join('dist', 'src', 'main', 'api.js')]);
  expect(commandLine(stack.parts.worker.pid)).toEqual([
    ...WORKER_NODE_FLAGS,
    path.join('dist', 'src', 'main', 'worker.js'),
  ]);
  expect(readFileSync(stack.parts.worker.logFile, 'utf8')).toContain(
    `workflows from the prebuilt bundle ${path.join(ROOT, 'dist', 'workflow-bundle.js')}`,
  );

  const created = await apiAs(stack.baseUrl, 'officer').post('/api/referrals/arrest-diversions', arrestReferral());
  expectStatus(created, 201);
  await waitFor(
    async () => Object.keys(noticeCounts(stack.mail, created.body.caseId)).length === 2,
    'R-CALL and R-PACKET',
    60_000,
  );

  const page = await fetch(`${stack.baseUrl}/assets/refer.js`);
  expect(page.status).toBe(200);
  expect(await page.text()).toBe(readFileSync(path.join(ROOT, 'dist', 'web-assets', 'refer.js'), 'utf8'));
}, 120_000);
