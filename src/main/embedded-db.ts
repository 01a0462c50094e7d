/**
 * The embedded database (PGlite behind pglite-socket) as a process of its own, so the API and worker
 * processes share it and it can be stopped and started like a server. EMBEDDED_DB_PORT, EMBEDDED_DB_DIR.
 */
import { startEmbeddedPostgres } from '../db/embedded-postgres';

async function main() {
  const port = Number(process.env.EMBEDDED_DB_PORT ?? 55432);
  const pg = await startEmbeddedPostgres({ port, dataDir: process.env.EMBEDDED_DB_DIR });
  console.log(`[embedded-db] ready on ${pg.url}`);
  const stop = () => void pg.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  console.error('[embedded-db] failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
