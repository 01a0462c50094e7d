import { proxyActivities } from '@temporalio/workflow';
import type { LeadActivities } from '../activities';

const { produceEvaluation } = proxyActivities<LeadActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/** R-EVAL: one run (started by the evaluation schedule, or on request) computes and stores the figures. */
export async function evaluationRun(): Promise<{ computedAt: string }> {
  return produceEvaluation();
}
