import { Router } from 'express';
import type { LeadConfig } from '../../config/config-schema';
import { CONVICTION_CODES, CONVICTION_LABELS } from '../../eligibility/history-codes';

/**
 * What the pages need to build the same zod schemas the API validates with: the jurisdiction's
 * codes (agencies, offenses, catchment areas, offices) and the Temporal Web UI's address.
 */
export function formConfigRoutes(config: LeadConfig, temporalUi: string): Router {
  const router = Router();
  const publicConfig = {
    program: {
      name: config.program.name,
      timezone: config.program.timezone,
      caseIdPrefix: config.program.caseIdPrefix,
    },
    agencies: Object.fromEntries(Object.entries(config.agencies).map(([code, a]) => [code, { name: a.name }])),
    offenses: config.offenses,
    offices: Object.fromEntries(Object.entries(config.offices).map(([code, o]) => [code, { name: o.name }])),
    socialContact: config.socialContact,
    durations: config.durations,
    convictions: CONVICTION_CODES.map((code) => ({ code, label: CONVICTION_LABELS[code] })),
    temporalUi,
  };
  router.get('/form-config', (_req, res) => {
    res.json(publicConfig);
  });
  return router;
}
