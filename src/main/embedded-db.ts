/**
 * The embedded database as a process of its own, so separate API and worker processes share it and it
 * can be stopped and started like a server: a real PostgreSQL with the product's database provisioned
 * (least-privilege roles) and migrated. EMBEDDED_DB_PORT, EMBEDDED_DB_DIR, and the roles' passwords
 * EMBEDDED_DB_OWNER_PASSWORD and EMBEDDED_DB_APP_PASSWORD (kept across restarts).
 */
import { startEmbeddedLeadDatabase } from '../db/embedded-database';
import { readEnvironment } from './environment';
import { createLogger } from '../logging';
import { complain } from '../process/terminal';

const log = createLogger('embedded-db');

async function main() {
  const env = readEnvironment();
  const owner = env.EMBEDDED_DB_OWNER_PASSWORD;
  const app = env.EMBEDDED_DB_APP_PASSWORD;
  const db = await startEmbeddedLeadDatabase({
    port: env.EMBEDDED_DB_PORT,
    dataDir: env.EMBEDDED_DB_DIR,
    passwords: owner && app ? { owner, app } : undefined,
  });
  log.info(
    `[embedded-db] PostgreSQL ready on port ${db.server.port}; migrations applied: ${db.applied.join(', ') || 'none pending'}`,
  );
  const stop = () => void db.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  // Why the process would not start is for the person who started it: a plain line on stderr.
  complain(`[embedded-db] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
