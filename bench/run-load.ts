import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BenchEngine } from './engines';

const exec = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');

/** What bench/load-generator.ts reports of one load. */
export interface LoadResult {
  mode: 'rate' | 'saturation';
  level: number;
  requests: number;
  errors: number;
  errorsByStatus: Record<string, number>;
  throughput: number;
  latency: { p50: number; p95: number; p99: number; count: number };
}

/** An officer's token for the load's referrals. */
export const loadToken = async (stack: BenchEngine) =>
  (await stack.tokens.issue({ id: 'bench-officer', role: 'officer', agency: 'BURIEN_PD' })).token;

/**
 * Runs bench/load-generator.ts in a process of its own against the engine's API: a fixed rate or N
 * concurrent senders, for `seconds` or until `count` referrals were sent.
 */
export async function runLoad(
  stack: BenchEngine,
  token: string,
  load: { mode: 'rate' | 'saturation'; level: number; seconds: number; count?: number },
): Promise<LoadResult> {
  const { stdout } = await exec(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(__dirname, 'load-generator.ts'),
      stack.baseUrl,
      token,
      load.mode,
      String(load.level),
      String(load.seconds),
      ...(load.count === undefined ? [] : [String(load.count)]),
    ],
    { cwd: ROOT, maxBuffer: 10_000_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as LoadResult;
}
