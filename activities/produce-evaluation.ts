import { storeEvaluationResult } from '../src/db/queries/evaluation';
import { computeEvaluation } from '../src/evaluation/compute-evaluation';
import { programConfigOf, type ScheduledRunDeps } from './activity-deps';

/**
 * R-EVAL: computes one program's evaluation figures and stores them (a new row per run; the program's
 * latest is read).
 */
export async function produceEvaluation(
  deps: ScheduledRunDeps,
  request: { caseIdPrefix?: string } = {},
): Promise<{ computedAt: string }> {
  const config = await programConfigOf(deps, request.caseIdPrefix);
  const figures = await computeEvaluation({ db: deps.db, config });
  await storeEvaluationResult(deps.db, config.program.caseIdPrefix, new Date(figures.computedAt), figures);
  return { computedAt: figures.computedAt };
}
