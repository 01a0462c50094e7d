import type { EmbeddedPostgres } from '../../../src/db/embedded-postgres';
import { sharedPostgresStarted, startSharedPostgres } from '../shared-postgres';
import realPartsSetup from './real-parts';

declare global {
  // Read by the integration layer's teardown (Jest runs both in its parent process).
  var leadSharedPostgres: EmbeddedPostgres | undefined;
}

/** The integration layer: every real part's binaries, and one PostgreSQL server whose databases its files copy. */
export default async function integrationSetup(): Promise<void> {
  await realPartsSetup();
  if (!sharedPostgresStarted()) globalThis.leadSharedPostgres = await startSharedPostgres();
}
