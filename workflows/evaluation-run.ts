import { proxyActivities } from '@temporalio/workflow';
import type { LeadActivities } from '../activities';
import type { EvaluationRunInput } from '../src/contract/workflow-contract';

const { produceEvaluation } = proxyActivities<LeadActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/** R-EVAL: one run (started by its program's evaluation schedule, or on request) computes and stores the figures. */
export async function evaluationRun(input: EvaluationRunInput = {}): Promise<{ computedAt: string }> {
  return produceEvaluation(input);
}
