import { z } from 'zod';
import type { Database } from '../../db/queries/database';
import { evaluationSideBySide } from '../../evaluation/compute-evaluation';
import type { Program } from '../../programs/program';
import { storedReport } from '../../db/queries/reports';
import { computeMonthlyReport } from '../../reports/compute-monthly-report';
import { monthOf } from '../../reports/report-month';
import type { RequestActor } from '../authentication';
import { route } from '../contract/route';
import { HttpError } from '../http-error';
import { programsOfSignIn } from '../program-routers';
import { monthlyReportSchema, monthParams } from '../schemas/report-answers';
import { evaluationFiguresSchema } from './evaluation-routes';

const programColumn = <S extends z.ZodType>(figures: S) =>
  z.strictObject({ programId: z.string(), name: z.string(), figures });

/**
 * Issue 26: the programs of a reader of several, side by side — each program's figures, computed from its
 * own records, with no case and no person in them. A sign-in limited to programs sees those only.
 */
export function crossProgramRoutes(deps: { db: Database; programs: () => Promise<ReadonlyMap<string, Program>> }) {
  const { db } = deps;
  const readersPrograms = async (actor: RequestActor): Promise<Program[]> =>
    programsOfSignIn(actor.programs, await deps.programs());
  /** A program's month: as its schedule stored it, or computed now (the month under way, or one not stored). */
  const monthOfProgram = async (program: Program, month: string) => {
    const { caseIdPrefix, timezone } = program.config.program;
    const row = month === monthOf(new Date(), timezone) ? null : await storedReport(db, caseIdPrefix, month);
    // A month stored by an older version in a shape this one no longer answers is computed again.
    const stored = row && monthlyReportSchema.shape.figures.safeParse((row.data as { figures?: unknown }).figures);
    if (stored?.success) return { stored: true, figures: stored.data };
    return { stored: false, figures: (await computeMonthlyReport(db, program.config, month)).figures };
  };
  return [
    route(
      {
        method: 'get',
        path: '/reports/:month/programs',
        operationId: 'getReportsSideBySide',
        tag: 'Reports',
        summary: "R-STAFFING: a month's figures of each of the reader's programs, side by side (figures only)",
        access: { permission: 'report.staffing' },
        params: monthParams,
        responses: {
          200: {
            description: 'Each program its figures: as its schedule stored them, or computed now from its own cases',
            schema: z.strictObject({
              month: z.string(),
              programs: z.array(programColumn(monthlyReportSchema.shape.figures).extend({ stored: z.boolean() })),
            }),
          },
        },
      },
      async ({ actor, params: { month } }) => {
        const programs = await readersPrograms(actor);
        if (programs.some((p) => month > monthOf(new Date(), p.config.program.timezone)))
          throw new HttpError(404, 'NOT_FOUND', `${month} has not begun: there is nothing to report yet (R-STAFFING)`);
        const months = await Promise.all(programs.map((p) => monthOfProgram(p, month)));
        return {
          status: 200,
          body: { month, programs: programs.map((p, i) => ({ programId: p.id, name: p.name, ...months[i] })) },
        };
      },
    ),
    route(
      {
        method: 'get',
        path: '/evaluation/programs',
        operationId: 'getEvaluationSideBySide',
        tag: 'Evaluation',
        summary:
          "R-EVAL: each of the reader's programs' evaluation, and all of them together (small cells suppressed with the largest minimum cell of the programs)",
        access: { permission: 'evaluation.read' },
        responses: {
          200: {
            description: 'Each program its figures, and the programs together; computed now',
            schema: z.strictObject({
              programs: z.array(programColumn(evaluationFiguresSchema)),
              combined: evaluationFiguresSchema.nullable().describe('Null: the reader has no program'),
            }),
          },
        },
      },
      async ({ actor }) => {
        const programs = await readersPrograms(actor);
        if (programs.length === 0) return { status: 200, body: { programs: [], combined: null } };
        const side = await evaluationSideBySide(
          db,
          programs.map((p) => p.config),
        );
        return {
          status: 200,
          body: {
            programs: programs.map((p, i) => ({
              programId: p.id,
              name: p.name,
              figures: { ...side.programs[i], stored: false },
            })),
            combined: { ...side.combined, stored: false },
          },
        };
      },
    ),
  ];
}
