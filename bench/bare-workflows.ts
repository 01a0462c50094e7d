import { proxyActivities } from '@temporalio/workflow';
import type { createBareActivities } from './bare-activities';

/** The bare-Temporal reference: a workflow that runs one no-op activity. */
const { noop } = proxyActivities<ReturnType<typeof createBareActivities>>({ startToCloseTimeout: '30 seconds' });

export async function bareNoop(startedAt: number): Promise<void> {
  await noop(startedAt);
}
