import type { LeadConfig } from '../config/config-schema';
import type { Database } from '../db/queries/database';
import { arrestRecords, disparityFigures } from './disparity';
import { evaluationFigures, evaluationRecords } from './evaluation-data';

/** R-EVAL: the evaluation figures, computed from what is recorded (small cells suppressed). */
export async function computeEvaluation(deps: { db: Database; config: LeadConfig }, now = new Date()) {
  const { minimumCell, raceEthnicityCategories } = deps.config.evaluation;
  const [records, arrests] = await Promise.all([evaluationRecords(deps.db), arrestRecords(deps.db)]);
  return {
    ...evaluationFigures(records, now, minimumCell),
    byPerceivedRace: disparityFigures(arrests, raceEthnicityCategories[0], minimumCell),
  };
}
