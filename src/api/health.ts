import { Router } from 'express';
import { runChecks, type HealthChecks } from '../process/health-checks';

/** Liveness (the process answers) and readiness (its database and Temporal answer too). */
export function healthRoutes(checks: HealthChecks = {}): Router {
  const router = Router();
  const alive = (_req: unknown, res: { json(b: unknown): void }) => res.json({ status: 'alive' });
  router.get('/livez', alive);
  router.get('/healthz', alive);
  router.get('/readyz', async (_req, res) => {
    const result = await runChecks(checks);
    res.status(result.ready ? 200 : 503).json({ status: result.ready ? 'ready' : 'not ready', ...result.checks });
  });
  return router;
}
