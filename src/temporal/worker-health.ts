import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Worker } from '@temporalio/worker';
import { runChecks, type HealthChecks } from '../process/health-checks';

/** The worker's liveness and readiness (it polls, and its database answers) on a small HTTP port. */
export function serveWorkerHealth(port: number, worker: () => Worker, checks: HealthChecks): Server {
  return createServer((req, res) => void answer(req, res).catch(() => res.writeHead(500).end())).listen(port);

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/livez') return send(200, { status: 'alive' });
    if (req.url === '/readyz') {
      const state = worker().getState();
      const result = await runChecks(checks);
      const ready = state === 'RUNNING' && result.ready;
      return send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', worker: state, ...result.checks });
    }
    send(404, { error: 'not found' });
  }
}
