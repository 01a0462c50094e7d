import { storeEvaluationResult } from '../src/db/queries/evaluation';
import { computeEvaluation } from '../src/evaluation/compute-evaluation';
import type { ActivityDeps } from './activity-deps';

/** R-EVAL: computes the evaluation figures and stores them (a new row per run; the latest is read). */
export async function produceEvaluation(deps: Pick<ActivityDeps, 'db' | 'config'>): Promise<{ computedAt: string }> {
  const figures = await computeEvaluation(deps);
  await storeEvaluationResult(deps.db, new Date(figures.computedAt), figures);
  return { computedAt: figures.computedAt };
}
