import { z } from 'zod';
import type { LeadConfig } from '../config/config-schema';
import { OFFENSE_LEVELS } from '../shared/case-model';

const name = z.string().trim().min(1).max(100);

/**
 * The arrest-diversion referral form, as the API accepts it. Built from the jurisdiction's
 * configuration so that an unknown agency or offense code is refused with the accepted codes named.
 */
export function arrestDiversionSchema(config: LeadConfig) {
  const agencies = Object.keys(config.agencies) as [string, ...string[]];
  const offenses = Object.keys(config.offenses) as [string, ...string[]];
  return z.strictObject({
    submissionId: z.uuid().describe('Chosen once by the form; resubmitting with it returns the same case'),
    agency: z.enum(agencies).describe('The referring officer\'s agency'),
    officer: z.strictObject({
      id: z.string().trim().min(1).max(50).describe('Badge or personnel number'),
      name: name.optional(),
    }),
    person: z.strictObject({
      givenName: name,
      familyName: name,
      dateOfBirth: z.iso.date().describe('YYYY-MM-DD'),
      stateId: z.string().trim().min(1).max(40).optional().describe('State identification number (SID), when known'),
    }),
    incident: z.strictObject({
      withinCityLimits: z.boolean().describe('R-JURISDICTION: misdemeanors in the city go to the city attorney'),
      reportNumber: z.string().trim().min(1).max(40).optional(),
    }),
    offenses: z
      .array(z.strictObject({
        code: z.enum(offenses).describe('R-EL-OFFENSE'),
        level: z.enum(OFFENSE_LEVELS).optional().describe('Defaults to the level the offense is usually charged at'),
      }))
      .min(1, 'at least one offense is required (R-EL-OFFENSE)')
      .max(10),
    victim: z.strictObject({
      identifiable: z.boolean().describe('R-VICTIM: an identifiable victim opens a one-week objection window'),
      consulted: z.boolean().optional().describe('R-EL-VICTIM: the officer consulted the victim'),
    }).optional(),
    referredAt: z.iso.datetime({ offset: true }).optional().describe('When the person was diverted, if the form is sent later; default: now'),
  });
}

export type ArrestDiversionSubmission = z.infer<ReturnType<typeof arrestDiversionSchema>>;
