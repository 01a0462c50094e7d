import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../generated/prisma/client';

/** What a process depends on, each checked with a short timeout. */
export type HealthChecks = Record<string, () => Promise<unknown>>;

const TIMEOUT_MS = 2_000;

export const databaseCheck = (db: PrismaClient) => () => db.$queryRaw`SELECT 1`;
export const temporalCheck = (client: Client) => () => client.workflowService.getSystemInfo({});

export async function runChecks(
  checks: HealthChecks,
): Promise<{ ready: boolean; checks: Record<string, 'ok' | 'unreachable'> }> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS)));
      try {
        await Promise.race([check(), timeout]);
        return [name, 'ok'] as const;
      } catch {
        return [name, 'unreachable'] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ready: entries.every(([, v]) => v === 'ok'), checks: Object.fromEntries(entries) };
}

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
