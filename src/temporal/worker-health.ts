import { createServer, type Server } from 'node:http';
import type { Worker } from '@temporalio/worker';
import { runChecks, type HealthChecks } from '../api/health';

/** The worker's liveness and readiness (it polls, and its database answers) on a small HTTP port. */
export function serveWorkerHealth(port: number, worker: () => Worker, checks: HealthChecks): Server {
  return createServer(async (req, res) => {
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
  }).listen(port);
}
