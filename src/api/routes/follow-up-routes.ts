import { z } from 'zod';
import { text } from '../../shared/text-schema';
import type { LeadConfig } from '../../config/config-schema';
import type { Database } from '../../db/queries/database';
import { followUpFor } from '../../db/queries/evaluation';
import { FOLLOW_UP_MONTHS } from '../../contract/definitions';
import { FollowUpRefusedError, type CaseWorkflows } from '../../temporal/case-workflows';
import { errorBodySchema } from '../schemas/error-answer';
import { route } from '../contract/route';
import { HttpError } from '../http-error';

/** R-EVAL: the follow-ups of outcomes at 6, 12 and 24 months after a diversion or a booking. */
export function followUpRoutes(deps: { db: Database; cases: CaseWorkflows; config: LeadConfig }) {
  const { db, cases } = deps;
  return [
    route(
      {
        method: 'post',
        path: '/follow-ups/:recordId/confirmations',
        operationId: 'confirmFollowUp',
        tag: 'Outcomes',
        summary: "R-EVAL: the agency's sergeant confirms that a due follow-up's outcomes are recorded",
        access: { permission: 'followup.confirm' },
        params: z.strictObject({ recordId: text({ max: 100, trim: false }).describe('The case or booking id') }),
        body: z.strictObject({
          months: z
            .union(
              FOLLOW_UP_MONTHS.map((m) => z.literal(m)),
              { error: `one of ${FOLLOW_UP_MONTHS.join(', ')} months (R-EVAL)` },
            )
            .describe('Which follow-up: 6, 12 or 24 months (R-EVAL)'),
        }),
        responses: {
          200: {
            description: 'Confirmed',
            schema: z.strictObject({ recordId: z.string(), months: z.number().int(), confirmed: z.literal(true) }),
          },
          409: { description: 'Not due yet, or already confirmed (R-EVAL)', schema: errorBodySchema },
        },
      },
      async ({ actor, params, body }) => {
        // A supervisor's, or their agency's (R-EVAL): nobody else learns the record exists.
        const followUp = await followUpFor(db, actor, params.recordId);
        if (!followUp) throw new HttpError(404, 'FOLLOW_UP_NOT_FOUND', `No follow-up of ${params.recordId} for you`);
        try {
          await cases.confirmFollowUp(params.recordId, {
            months: body.months,
            actor: { id: actor.id, role: actor.role },
          });
        } catch (err) {
          if (err instanceof FollowUpRefusedError)
            throw new HttpError(409, 'FOLLOW_UP_REFUSED', err.message, { ruleId: 'R-EVAL' });
          throw err;
        }
        return { status: 200, body: { recordId: params.recordId, months: body.months, confirmed: true } };
      },
    ),
  ];
}
