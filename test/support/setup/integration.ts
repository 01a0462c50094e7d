import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { EmbeddedPostgres } from '../../../src/db/embedded-postgres';
import { PROJECT_ROOT } from '../../../src/project-root';
import { sharedPostgresStarted, startSharedPostgres } from '../shared-postgres';
import realPartsSetup from './real-parts';

declare global {
  // Read by the integration layer's teardown (Jest runs both in its parent process).
  var leadSharedPostgres: EmbeddedPostgres | undefined;
}

/**
 * The integration layer: every real part's binaries and the API fuzzer, installed before any test runs
 * (an install running beside a test file slows it), and one PostgreSQL server whose databases its
 * files copy.
 */
export default async function integrationSetup(): Promise<void> {
  await realPartsSetup();
  process.env.SCHEMATHESIS_PATH ??= execFileSync(path.join(PROJECT_ROOT, 'scripts/provide-schemathesis.sh'), {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
    .trim()
    .split('\n')
    .pop();
  if (!sharedPostgresStarted()) globalThis.leadSharedPostgres = await startSharedPostgres();
}
