import type { LeadConfig } from '../config/config-schema';
import type { Database } from '../db/queries/database';
import { arrestRecords, disparityFigures, type ArrestRecord } from './disparity';
import { evaluationFigures, evaluationRecords, type EvaluationRecord } from './evaluation-data';
import { withheldWhereAnyProgramWithholds } from './suppression';

/** What a program's evaluation is computed from: its starts and the arrests its eligibility check saw. */
interface EvaluationInputs {
  records: EvaluationRecord[];
  arrests: ArrestRecord[];
}

async function evaluationInputs(db: Database, caseIdPrefix: string): Promise<EvaluationInputs> {
  const [records, arrests] = await Promise.all([evaluationRecords(db, caseIdPrefix), arrestRecords(db, caseIdPrefix)]);
  return { records, arrests };
}

function figuresOf({ records, arrests }: EvaluationInputs, settings: LeadConfig['evaluation'], now: Date) {
  return {
    ...evaluationFigures(records, now, settings.minimumCell),
    byPerceivedRace: disparityFigures(arrests, settings.raceEthnicityCategories[0], settings.minimumCell),
  };
}

/**
 * R-EVAL: a program's evaluation figures, computed from what is recorded of its cases and bookings (small
 * cells suppressed).
 */
export async function computeEvaluation(deps: { db: Database; config: LeadConfig }, now = new Date()) {
  return figuresOf(await evaluationInputs(deps.db, deps.config.program.caseIdPrefix), deps.config.evaluation, now);
}

/**
 * Issue 26: several programs side by side, each with its own figures, and together: every program's starts
 * and arrests in one evaluation, its small cells suppressed with the largest minimum cell of the programs,
 * and no figure shown together that a program withholds (`withheldWhereAnyProgramWithholds`).
 */
export async function evaluationSideBySide(db: Database, configs: readonly LeadConfig[], now = new Date()) {
  const inputs = await Promise.all(configs.map((c) => evaluationInputs(db, c.program.caseIdPrefix)));
  const strictest = {
    ...configs[0].evaluation,
    minimumCell: Math.max(...configs.map((c) => c.evaluation.minimumCell)),
  };
  const together = { records: inputs.flatMap((i) => i.records), arrests: inputs.flatMap((i) => i.arrests) };
  const programs = configs.map((config, i) => figuresOf(inputs[i], config.evaluation, now));
  return { programs, combined: withheldWhereAnyProgramWithholds(figuresOf(together, strictest, now), programs) };
}
