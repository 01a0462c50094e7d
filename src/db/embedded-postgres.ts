import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PostgreSQL for machines with no database server: PGlite (Postgres compiled to WebAssembly) behind
 * pglite-socket, so the application talks to it over the ordinary wire protocol with `pg` exactly as
 * it talks to a real server.
 *
 * PGlite runs a single session. pglite-socket can multiplex several connections onto it, but it
 * interleaves their extended-protocol messages (Parse/Bind of one client between another's), which
 * corrupts unnamed statements — so the embedded server takes one connection, and every client of it
 * uses a pool of one (EMBEDDED_POOL_SIZE).
 */
export const EMBEDDED_POOL_SIZE = 1;

export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : undefined);
  const server = new PGLiteSocketServer({
    db,
    port: options.port ?? 0,
    host: '127.0.0.1',
    maxConnections: EMBEDDED_POOL_SIZE,
  });
  await server.start();
  const port = Number((server as unknown as { port: number }).port);
  return {
    port,
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
