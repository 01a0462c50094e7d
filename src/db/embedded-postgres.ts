import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PostgreSQL for machines with no database server: PGlite (Postgres compiled to WebAssembly) behind
 * pglite-socket, so the application talks to it over the ordinary wire protocol with `pg` exactly as
 * it talks to a real server.
 *
 * PGlite runs a single session; pglite-socket multiplexes connections onto it, keeping a transaction
 * on the connection that opened it. It would still interleave the extended-protocol messages of two
 * busy connections (one client's Parse/Bind between another's, corrupting unnamed statements), so
 * `pinExtendedProtocolBatches` also keeps each Parse…Sync batch on its connection. With that, several
 * pooled connections and several processes (API and worker) can share the embedded database.
 */
export const EMBEDDED_POOL_SIZE = 4;
const EMBEDDED_MAX_CONNECTIONS = 32;

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
  pinExtendedProtocolBatches(server);
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

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(err: unknown): void;
  onData(data: Uint8Array): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Messages that continue an extended-protocol batch: Parse, Bind, Describe, Execute, Close, Flush. */
const CONTINUES_BATCH = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

/**
 * Replaces pglite-socket's queue step so that a connection which has started a Parse…Sync batch (or a
 * transaction) is served alone until it finishes; other connections' messages wait their turn.
 */
function pinExtendedProtocolBatches(server: PGLiteSocketServer): void {
  const q = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let midBatch: number | null = null;
  q.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const pinned = midBatch ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = pinned === null ? 0 : this.queue.findIndex((m) => m.handlerId === pinned);
        if (index === -1) break; // the pinned connection has not sent its next message yet
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(item.message, { onRawData: (data: Uint8Array) => { bytes += data.length; item.onData(data); } }));
        } catch (err) {
          midBatch = null;
          item.reject(err);
          continue;
        }
        midBatch = CONTINUES_BATCH.has(item.message[0]) ? item.handlerId : null;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }.bind(q);
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    if (midBatch === handlerId) {
      midBatch = null;
      void q.processQueue();
    }
  };
}
