/**
 * A profiling aid for the bench: runs the product's process stack with the API under --cpu-prof, sends
 * 50 referrals to warm it, then PROFILE_COUNT (default 200) from PROFILE_SENDERS senders (default 1),
 * and stops the stack so the API's profile is written to PROFILE_DIR (default: lead-api-cpuprof in the
 * system's temporary directory). Open it in Chrome's DevTools (Performance) or any .cpuprofile viewer.
 */
import os from 'node:os';
import path from 'node:path';
import { startProcessStack } from '../test/support/process-stack';
import { prepareBench } from './bench-setup';
import type { BenchEngine } from './engines';
import { loadToken, runLoad } from './run-load';

async function main() {
  await prepareBench();
  const dir = process.env.PROFILE_DIR ?? path.join(os.tmpdir(), 'lead-api-cpuprof');
  const stack = await startProcessStack('profile-api', () => undefined, {
    headersOnlyMail: true,
    logDir: path.join(__dirname, '..', 'test-artifacts', 'bench-logs'),
    apiNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    env: { WORKER_CACHED_WORKFLOWS: process.env.WORKER_CACHED_WORKFLOWS ?? '100' },
  });
  try {
    // The load runner needs only where the API is and a token of it.
    const engine = { baseUrl: stack.baseUrl, tokens: stack.tokens } as BenchEngine;
    const token = await loadToken(engine);
    await runLoad(engine, token, { mode: 'saturation', level: 4, seconds: 60, count: 50 });
    const result = await runLoad(engine, token, {
      mode: 'saturation',
      level: Number(process.env.PROFILE_SENDERS ?? 1),
      seconds: 600,
      count: Number(process.env.PROFILE_COUNT ?? 200),
    });
    console.log(
      `${result.requests} referrals, ${result.throughput.toFixed(1)}/s, p50 ${result.latency.p50.toFixed(0)} ms, errors ${result.errors}`,
    );
  } finally {
    await stack.stop();
  }
  console.log(`the API's profile (pid ${stack.parts.api.pid}) in ${dir}`);
  process.exit(0);
}

void main();
