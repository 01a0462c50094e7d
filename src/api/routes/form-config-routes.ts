import { z } from 'zod';
import { configSchema, type LeadConfig } from '../../config/config-schema';
import { CONVICTION_CODES, CONVICTION_LABELS } from '../../eligibility/history-codes';
import { route } from '../contract/route';

/**
 * What the pages need to build the same zod schemas the API validates with: the jurisdiction's
 * codes (agencies, offenses, catchment areas, offices) and the Temporal Web UI's address.
 */
export function formConfigRoutes(config: LeadConfig, temporalUi: string) {
  const publicConfig = {
    program: {
      name: config.program.name,
      timezone: config.program.timezone,
      caseIdPrefix: config.program.caseIdPrefix,
    },
    agencies: Object.fromEntries(
      Object.entries(config.agencies).map(([code, a]) => [
        code,
        { name: a.name, recordsPerceivedRace: a.recordsPerceivedRace },
      ]),
    ),
    // R-EVAL: the categories the forms offer (perceived race where recorded; self-reported demographics).
    evaluation: { raceEthnicityCategories: config.evaluation.raceEthnicityCategories },
    offenses: config.offenses,
    offices: Object.fromEntries(Object.entries(config.offices).map(([code, o]) => [code, { name: o.name }])),
    socialContact: config.socialContact,
    durations: config.durations,
    convictions: CONVICTION_CODES.map((code) => ({ code, label: CONVICTION_LABELS[code] })),
    temporalUi,
  };
  return [
    route(
      {
        method: 'get',
        path: '/form-config',
        operationId: 'getFormConfig',
        tag: 'Forms',
        summary: "The jurisdiction's codes the forms offer (agencies, offenses, offices, durations)",
        access: 'signed-in',
        responses: {
          200: {
            description: 'The codes',
            schema: z.strictObject({
              program: z.strictObject({ name: z.string(), timezone: z.string(), caseIdPrefix: z.string() }),
              agencies: z.record(z.string(), z.strictObject({ name: z.string(), recordsPerceivedRace: z.boolean() })),
              evaluation: z.strictObject({ raceEthnicityCategories: z.array(z.string()) }),
              offenses: configSchema.shape.offenses,
              offices: z.record(z.string(), z.strictObject({ name: z.string() })),
              socialContact: configSchema.shape.socialContact,
              durations: z.record(z.string(), z.number().describe('milliseconds')),
              convictions: z.array(z.strictObject({ code: z.string(), label: z.string() })),
              temporalUi: z.string(),
            }),
          },
        },
      },
      () => ({ status: 200, body: publicConfig }),
    ),
  ];
}
