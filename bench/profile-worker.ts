/**
 * A profiling aid for the bench: runs the product's process stack with the worker under --cpu-prof
 * (every thread, workflow threads included), submits BENCH_CASES referrals, waits until their notices
 * are sent, and stops the stack so the profiles are written to PROFILE_DIR (default: lead-cpuprof in the
 * system's temporary directory).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiAs, waitFor } from '../test/support/api-client';
import { arrestReferral } from '../test/support/referrals';
import { startProcessStack } from '../test/support/process-stack';
import { prepareBench, pool } from './bench-setup';

async function main() {
  await prepareBench();
  const dir = process.env.PROFILE_DIR ?? path.join(os.tmpdir(), 'lead-cpuprof');
  const cases = Number(process.env.BENCH_CASES ?? 500);
  const stack = await startProcessStack('profile', () => undefined, {
    headersOnlyMail: true,
    logDir: path.join(__dirname, '..', 'test-artifacts', 'bench-logs'),
    workerNodeArgs: process.env.PROFILE_CPU === '0' ? [] : ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    env: { WORKER_CACHED_WORKFLOWS: process.env.WORKER_CACHED_WORKFLOWS ?? '100' },
  });
  try {
    const officer = apiAs(stack.baseUrl, 'officer', 'profile-officer');
    const started = performance.now();
    await pool(Array.from({ length: cases }), 16, async () => {
      await officer.post('/api/referrals/arrest-diversions', arrestReferral());
    });
    const submitted = performance.now();
    await waitFor(
      async () => (await stack.db.notification.count({ where: { status: 'SENT' } })) >= cases,
      'the notices',
      600_000,
    );
    const done = performance.now();
    const rss =
      Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${stack.parts.worker.pid}/status`, 'utf8'))?.[1]) / 1024;
    console.log(`worker RSS ${rss.toFixed(0)} MB`);
    console.log(
      `${cases} referrals submitted in ${((submitted - started) / 1000).toFixed(1)} s; notices sent after ${((done - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await stack.stop();
  }
  console.log(`profiles in ${dir}`);
  process.exit(0);
}

void main();
