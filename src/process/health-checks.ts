import type { Client } from '@temporalio/client';

/** What a process depends on, each checked with a short timeout. */
export type HealthChecks = Record<string, () => Promise<unknown>>;

const TIMEOUT_MS = 2_000;

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
