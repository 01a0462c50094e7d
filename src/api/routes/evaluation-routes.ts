import { randomBytes } from 'node:crypto';
import { computeEvaluation } from '../../evaluation/compute-evaluation';
import type { CaseWorkflows } from '../../temporal/case-workflows';
import type { Request } from 'express';
import { z } from 'zod';
import { evaluationCsv } from '../report-csv';
import { csvFile } from '../csv-download';
import type { LeadConfig } from '../../config/config-schema';
import {
  DATA_DICTIONARY,
  deidentifiedRow,
  evaluationRecords,
  type EvaluationRecord,
} from '../../evaluation/evaluation-data';
import type { Database } from '../../db/queries/database';
import { latestEvaluationResult } from '../../db/queries/evaluation';
import { recordDisclosure } from '../case-reads';
import { route } from '../contract/route';

const EVALUATION_TAG = 'Evaluation';
const rate = z
  .number()
  .nullable()
  .describe(
    'null: not observed yet (nobody followed that long: see longestFollowUpDays), or past the drawn curve (its last re-arrests are not drawn)',
  );
const horizonCount = z
  .number()
  .int()
  .nullable()
  .describe('The re-arrests up to the horizon that the rate rests on (whole curve steps); null where the rate is');
const cohortSchema = z.strictObject({
  people: z.number().int().nullable().describe('null: suppressed (fewer than the minimum cell size)'),
  rearrested: z
    .number()
    .int()
    .nullable()
    .describe('null: suppressed, or withheld because people minus re-arrested would reveal a small count'),
  longestFollowUpDays: z
    .number()
    .int()
    .nullable()
    .describe(
      'Days from the start to the end of the longest follow-up (a re-arrest, or today); a horizon beyond it is not observed yet. null: no one, or people suppressed',
    ),
  curve: z
    .array(
      z.strictObject({
        day: z.number(),
        atRisk: z
          .number()
          .int()
          .nullable()
          .describe('People followed since the step before; each step pools at least the minimum cell of re-arrests'),
        survival: z.number(),
        lower: z.number(),
        upper: z.number(),
      }),
    )
    .nullable()
    .describe('null: withheld — a step would reveal a suppressed count (R-EVAL, Decision 2026-12-02)'),
  rearrestRate: z
    .strictObject({ months6: rate, months12: rate, months24: rate })
    .nullable()
    .describe('Kaplan–Meier: the share re-arrested by 6, 12 and 24 months. null: no curve is published'),
  rearrestedBy: z
    .strictObject({ months6: horizonCount, months12: horizonCount, months24: horizonCount })
    .nullable()
    .describe('The count behind each rate: re-arrests by then. null: no curve is published'),
});

/** R-EVAL: whether a cohort is in the de-identified export now — a cohort under the minimum cell size is withheld whole. */
const EXPORT_COHORT_STATES = ['INCLUDED', 'UNDER_MINIMUM', 'NONE_YET'] as const;
type ExportCohortState = (typeof EXPORT_COHORT_STATES)[number];
const exportCohortState = z
  .enum(EXPORT_COHORT_STATES)
  .describe('INCLUDED; UNDER_MINIMUM: withheld until the cohort reaches the minimum cell size; NONE_YET: nobody yet');

/** R-EVAL: whether diversion works — the figures for the program and evaluators, the de-identified data for evaluators. */
/** R-EVAL: the figures as the page reads them (small cells suppressed: null). */
export const evaluationFiguresSchema = z.strictObject({
  computedAt: z.string(),
  minimumCell: z.number().int(),
  milestones: z
    .record(z.string(), z.number().int().nullable())
    .describe('R-IIP: participants who reached each milestone (null: suppressed)'),
  stored: z.boolean().describe('false: no run has stored figures yet; these were computed now'),
  participants: cohortSchema,
  comparison: cohortSchema,
  hazardRatio: z.strictObject({ ratio: z.number(), lower: z.number(), upper: z.number() }).nullable(),
  byPerceivedRace: z.strictObject({
    reference: z.string(),
    groups: z.array(
      z.strictObject({
        group: z.string(),
        checkedArrests: z.number().int().nullable(),
        eligible: z.number().int().nullable(),
        diverted: z.number().int().nullable(),
        enrolled: z.number().int().nullable(),
        eligibilityRate: z.number().nullable(),
        eligibilityIndex: z.number().nullable(),
        diversionRate: z.number().nullable(),
        diversionIndex: z.number().nullable(),
        enrollmentRate: z.number().nullable(),
        enrollmentIndex: z.number().nullable(),
      }),
    ),
  }),
});

/**
 * Issue 26: a program's evaluation counts its own cases and bookings; its figures are the ones its own
 * nightly schedule stores.
 */
export function evaluationRoutes(deps: {
  db: Database;
  cases: CaseWorkflows;
  config: LeadConfig;
  pseudonymKey?: string;
}) {
  const { db, config } = deps;
  const prefix = config.program.caseIdPrefix;
  const key = deps.pseudonymKey ?? randomBytes(32).toString('base64');
  const minimumCell = config.evaluation.minimumCell;
  const exportName = () => `lead-evaluation-${new Date().toISOString().slice(0, 10)}`;
  const exportContract = { tag: EVALUATION_TAG, method: 'get', access: { permission: 'evaluation.export' } } as const;

  /** Whether each cohort is exported now: a cohort under the minimum cell size is withheld whole (a few rows could single people out). */
  const cohortStates = (records: EvaluationRecord[]) => {
    const stateOf = (cohort: EvaluationRecord['cohort']): ExportCohortState => {
      const size = records.filter((r) => r.cohort === cohort).length;
      return size === 0 ? 'NONE_YET' : size < minimumCell ? 'UNDER_MINIMUM' : 'INCLUDED';
    };
    return { PARTICIPANT: stateOf('PARTICIPANT'), COMPARISON: stateOf('COMPARISON') };
  };

  /** The de-identified rows of the cohorts exported now. */
  async function exportedRows(req: Request) {
    const now = new Date();
    const records = await evaluationRecords(db, prefix);
    const states = cohortStates(records);
    const shown = records.filter((r) => states[r.cohort] === 'INCLUDED');
    for (const record of shown)
      recordDisclosure(req, {
        personId: record.personId,
        caseId: record.recordId,
        kinds: ['DE_IDENTIFIED_RECORD'],
        basis: "R-EVAL: the evaluator's de-identified export",
      });
    return shown.map((r) => deidentifiedRow(r, key, now));
  }

  return [
    route(
      {
        method: 'get',
        path: '/evaluation',
        operationId: 'getEvaluation',
        tag: EVALUATION_TAG,
        summary:
          'R-EVAL: time to first re-arrest, participants vs the comparison pool (Kaplan–Meier, hazard ratio); small cells suppressed',
        access: { permission: 'evaluation.read' },
        responses: {
          200: {
            description: 'The figures',
            schema: evaluationFiguresSchema,
          },
        },
      },
      async () => {
        // The figures the program's last run stored; computed now where no run has stored any yet (a new
        // program), or where the stored ones have a shape this version no longer answers (an older version's).
        const latest = await latestEvaluationResult(db, prefix);
        const stored = latest && evaluationFiguresSchema.safeParse({ ...(latest.figures as object), stored: true });
        if (stored?.success) return { status: 200, body: stored.data };
        return { status: 200, body: { ...(await computeEvaluation(deps)), stored: false } };
      },
    ),
    route(
      {
        method: 'post',
        path: '/evaluation/runs',
        operationId: 'produceEvaluation',
        tag: EVALUATION_TAG,
        summary: "R-EVAL: compute and store the evaluation figures now, with the nightly schedule's own workflow",
        access: { permission: 'evaluation.produce' },
        responses: {
          201: { description: 'Computed and stored', schema: z.strictObject({ computedAt: z.string() }) },
        },
      },
      async () => ({ status: 201, body: await deps.cases.produceEvaluation(prefix) }),
    ),
    route(
      {
        ...exportContract,
        path: '/evaluation/export.jsonl',
        operationId: 'exportEvaluationData',
        summary:
          'R-EVAL: the de-identified dataset, one JSON line per start (data dictionary: /api/evaluation/data-dictionary); each record a disclosure (R-DISCLOSE)',
        responses: { 200: { description: 'JSON lines', contentType: 'application/x-ndjson' } },
      },
      async ({ req }) => {
        const rows = await exportedRows(req);
        const content = rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
        const file = { contentType: 'application/x-ndjson; charset=utf-8', filename: `${exportName()}.jsonl`, content };
        return { status: 200, file };
      },
    ),
    route(
      {
        ...exportContract,
        path: '/evaluation/export.csv',
        operationId: 'exportEvaluationDataCsv',
        summary: 'R-EVAL: the same de-identified dataset as CSV (outcomes counted per kind and listed in one cell)',
        responses: { 200: { description: 'One row per start', contentType: 'text/csv' } },
      },
      async ({ req }) => ({
        status: 200,
        file: csvFile(`${exportName()}.csv`, evaluationCsv(await exportedRows(req))),
      }),
    ),
    route(
      {
        method: 'get',
        path: '/evaluation/data-dictionary',
        operationId: 'getEvaluationDataDictionary',
        tag: EVALUATION_TAG,
        summary:
          "R-EVAL: the export's fields, what each holds and how it was de-identified; which cohorts an export holds now",
        access: { permission: 'evaluation.export' },
        responses: {
          200: {
            description: 'The data dictionary',
            schema: z.strictObject({
              fields: z.record(z.string(), z.string()),
              minimumCell: z.number().int(),
              cohorts: z
                .strictObject({ PARTICIPANT: exportCohortState, COMPARISON: exportCohortState })
                .describe(
                  'Which cohorts an export made now holds (no counts): with both withheld the files hold no rows',
                ),
            }),
          },
        },
      },
      async () => ({
        status: 200,
        body: { fields: DATA_DICTIONARY, minimumCell, cohorts: cohortStates(await evaluationRecords(db, prefix)) },
      }),
    ),
  ];
}
