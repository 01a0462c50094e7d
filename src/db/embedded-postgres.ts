import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PostgreSQL for machines with no database server: PGlite (Postgres compiled to WebAssembly) behind
 * pglite-socket, so the application talks to it over the ordinary wire protocol with `pg` exactly as
 * it talks to a real server.
 *
 * PGlite runs a single session. pglite-socket multiplexes connections onto it, but it interleaves
 * their extended-protocol messages (one client's Parse/Bind between another's), which corrupts
 * unnamed statements when two connections are busy at once. So the embedded database serves one
 * client process, whose pool holds one connection (EMBEDDED_POOL_SIZE); the server accepts a few
 * more only so that a closing connection and its successor can overlap.
 */
export const EMBEDDED_POOL_SIZE = 1;
const EMBEDDED_MAX_CONNECTIONS = 4;

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
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
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
