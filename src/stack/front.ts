import { createServer, type Server } from 'node:http';
import { createProxyMiddleware } from 'http-proxy-middleware';

/**
 * What a load balancer does in front of several API processes: each request goes to the next API
 * that answered its last readiness check (every second), so stopping one API never fails a request
 * that another could answer.
 */
export interface Front {
  url: string;
  /** The APIs that answered their last readiness check. */
  healthy(): string[];
  close(): Promise<void>;
}

export async function startFront(port: number, upstreams: string[]): Promise<Front> {
  const ready = new Set(upstreams);
  const check = async () => {
    await Promise.all(
      upstreams.map(async (u) => {
        const ok = await fetch(`${u}/readyz`, { signal: AbortSignal.timeout(900) }).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) ready.add(u);
        else ready.delete(u);
      }),
    );
  };
  const timer = setInterval(() => void check(), 1_000);
  let next = 0;
  const proxy = createProxyMiddleware({
    router: () => {
      const candidates = upstreams.filter((u) => ready.has(u));
      const pool = candidates.length > 0 ? candidates : upstreams;
      return pool[next++ % pool.length];
    },
    target: upstreams[0],
    xfwd: true,
    on: {
      error: (_err, _req, res) => {
        // The API went away between checks: the caller retries, as after any 503.
        if ('writeHead' in res && !res.headersSent)
          res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end(
          JSON.stringify({ error: { code: 'API_UNAVAILABLE', message: 'No API process answered; try again shortly' } }),
        );
      },
    },
  });
  const server: Server = createServer((req, res) => void proxy(req as never, res as never, () => undefined));
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    healthy: () => upstreams.filter((u) => ready.has(u)),
    async close() {
      clearInterval(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
