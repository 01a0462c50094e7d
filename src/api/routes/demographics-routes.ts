import { z } from 'zod';
import type { LeadConfig } from '../../config/config-schema';
import { demographicsSchema, milestoneSchema } from '../../evaluation/demographics';
import { errorBodySchema } from '../schemas/error-answer';
import { HttpError } from '../http-error';
import type { Database } from '../../db/queries/database';
import { isEnrolled, recordDemographics, recordMilestone } from '../../db/queries/case-records';
import { referralFor } from '../case-reads';
import { createdOrFound, route } from '../contract/route';
import { caseIdParams, isoDate, isoDateTime } from '../schemas/common';

const milestoneAnswerSchema = z.strictObject({
  caseId: z.string(),
  milestone: z.string(),
  reachedOn: isoDate,
  created: z.boolean(),
});

/** R-EVAL: the participant's self-reported demographics, recorded by case management (R-ROI: case-management record). */
export function demographicsRoutes(deps: { db: Database; config: LeadConfig }) {
  return [
    route(
      {
        method: 'post',
        path: '/cases/:caseId/demographics',
        operationId: 'recordDemographics',
        tag: 'Cases',
        summary: 'R-EVAL: what the participant says of themselves (each answer optional; declined is not "not asked")',
        access: { permission: 'demographics.record' },
        params: caseIdParams,
        body: demographicsSchema(deps.config),
        responses: {
          201: {
            description: 'Recorded (the latest answers are the ones read)',
            schema: z.strictObject({ caseId: z.string(), recordedAt: isoDateTime }),
          },
        },
      },
      async ({ req, actor, params, body }) => {
        const referral = await referralFor(deps.db, actor, params.caseId);
        const row = await recordDemographics(deps.db, referral, {
          raceEthnicityAnswer: body.raceEthnicity.answer,
          raceEthnicity: body.raceEthnicity.answer === 'ANSWERED' ? body.raceEthnicity.categories : [],
          gender: body.gender ?? null,
          preferredLanguage: body.preferredLanguage ?? null,
          housingAtReferral: body.housingAtReferral ?? null,
          recordedById: actor.id,
          requestId: req.requestId!,
        });
        return { status: 201, body: { caseId: referral.id, recordedAt: row.recordedAt.toISOString() } };
      },
    ),
    route(
      {
        method: 'post',
        path: '/cases/:caseId/milestones',
        operationId: 'recordMilestone',
        tag: 'Cases',
        summary:
          'R-EVAL, R-IIP: a milestone the participant reached (housed, income or benefits, treatment, employment)',
        access: { permission: 'milestone.record' },
        params: caseIdParams,
        body: milestoneSchema,
        responses: {
          201: { description: 'Recorded', schema: milestoneAnswerSchema },
          200: { description: 'This milestone on this date was recorded before', schema: milestoneAnswerSchema },
          409: { description: 'The case has no participant (not enrolled)', schema: errorBodySchema },
        },
      },
      async ({ req, actor, params, body }) => {
        const referral = await referralFor(deps.db, actor, params.caseId);
        if (!(await isEnrolled(deps.db, referral)))
          throw new HttpError(
            409,
            'NOT_A_PARTICIPANT',
            `Case ${referral.id} has no enrolled participant: milestones are a participant's progress (R-IIP, R-EVAL)`,
            { ruleId: 'R-EVAL', stage: referral.stage },
          );
        const { milestone: row, created } = await recordMilestone(deps.db, referral, {
          milestone: body.milestone,
          reachedOn: new Date(`${body.reachedOn}T00:00:00Z`),
          recordedById: actor.id,
          requestId: req.requestId!,
        });
        return createdOrFound(created, {
          caseId: referral.id,
          milestone: row.milestone,
          reachedOn: row.reachedOn.toISOString().slice(0, 10),
          created,
        });
      },
    ),
  ];
}
