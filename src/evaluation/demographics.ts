import { z } from 'zod';
import type { LeadConfig } from '../config/config-schema';

/** R-EVAL: declined to answer is not the same as never asked. */
export type { RaceEthnicityAnswer } from '../disclosure/disclosed-records';

export const GENDERS = ['WOMAN', 'MAN', 'NON_BINARY', 'ANOTHER_GENDER', 'DECLINED'] as const;
export const HOUSING_STATUSES = ['HOUSED', 'SHELTERED', 'UNSHELTERED', 'TRANSITIONAL', 'DECLINED'] as const;

/**
 * R-EVAL: what the participant says of themselves, each answer optional. Race/ethnicity is several
 * categories the jurisdiction configures, or "declined to answer", which is not the same as "not asked".
 */
export function demographicsSchema(config: LeadConfig) {
  const categories = config.evaluation.raceEthnicityCategories as [string, ...string[]];
  return z.strictObject({
    raceEthnicity: z
      .discriminatedUnion('answer', [
        z.strictObject({
          answer: z.literal('ANSWERED'),
          categories: z.array(z.enum(categories)).min(1).max(categories.length),
        }),
        z.strictObject({ answer: z.literal('DECLINED') }),
        z.strictObject({ answer: z.literal('NOT_ASKED') }),
      ])
      .describe('Self-reported race/ethnicity (several may apply), declined, or not asked'),
    gender: z.enum(GENDERS).optional(),
    preferredLanguage: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as "en", "es" or "so"')
      .optional(),
    housingAtReferral: z.enum(HOUSING_STATUSES).optional(),
  });
}

export type { DemographicsRecord, MilestoneRecord } from '../disclosure/disclosed-records';

/** R-EVAL, R-IIP: the milestones of a participant's progress the evaluation counts. */
export const IIP_MILESTONES = ['HOUSED', 'INCOME_OR_BENEFITS', 'TREATMENT_STARTED', 'EMPLOYED'] as const;

export const milestoneSchema = z.strictObject({
  milestone: z.enum(IIP_MILESTONES),
  reachedOn: z.iso
    .date()
    .refine((d) => d <= new Date().toISOString().slice(0, 10), 'cannot be in the future')
    .describe('YYYY-MM-DD'),
});
