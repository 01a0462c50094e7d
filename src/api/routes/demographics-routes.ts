import { z } from 'zod';
import type { LeadConfig } from '../../config/config-schema';
import { demographicsSchema } from '../../evaluation/demographics';
import type { PrismaClient } from '../../generated/prisma/client';
import { referralFor } from '../case-reads';
import { route, type Route } from '../contract/route';
import { caseIdParams, isoDateTime } from '../schemas/common';

/** R-EVAL: the participant's self-reported demographics, recorded by case management (R-ROI: case-management record). */
export function demographicsRoutes(deps: { db: PrismaClient; config: LeadConfig }): Route[] {
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
            schema: z.looseObject({ caseId: z.string(), recordedAt: isoDateTime }),
          },
        },
      },
      async ({ req, res, actor, params, body }) => {
        const referral = await referralFor(deps.db, actor, params.caseId);
        const row = await deps.db.selfReportedDemographics.create({
          data: {
            referralId: referral.id,
            raceEthnicityAnswer: body.raceEthnicity.answer,
            raceEthnicity: body.raceEthnicity.answer === 'ANSWERED' ? body.raceEthnicity.categories : [],
            gender: body.gender ?? null,
            preferredLanguage: body.preferredLanguage ?? null,
            housingAtReferral: body.housingAtReferral ?? null,
            recordedById: actor.id,
            requestId: req.requestId!,
          },
        });
        res.status(201).json({ caseId: referral.id, recordedAt: row.recordedAt.toISOString() });
      },
    ),
  ];
}
