import { z } from 'zod';
import { caseStatusSchema } from './case-answer';
import { isoDateTime } from './common';

export const reasonSchema = z.strictObject({ ruleId: z.string(), message: z.string() });

/** R-EL/R-EX: eligibility with every reason, and the paths it opens. */
export const eligibilitySchema = z.strictObject({
  eligible: z.boolean(),
  reasons: z.array(reasonSchema),
  paths: z.record(z.string(), z.boolean()),
  notes: z.array(reasonSchema),
});

/** R-EL-PRIOR: the person's earlier referrals; null where the reader may not look them up. */
export const priorReferralsSchema = z
  .array(
    z.strictObject({ caseId: z.string(), type: z.string(), stage: z.string(), referredAt: isoDateTime.nullable() }),
  )
  .nullable();

export const eligibilityAnswerSchema = z.strictObject({
  eligibility: eligibilitySchema,
  priorReferrals: priorReferralsSchema,
});

const submitted = {
  caseId: z.string(),
  created: z.boolean().describe('false: the same submissionId was already recorded, and this is that case'),
  case: caseStatusSchema.nullable().describe('Null while the case is starting'),
  priorReferrals: priorReferralsSchema,
  nextSteps: z.array(z.string()),
};

export const arrestDiversionAnswerSchema = z.strictObject({ ...submitted, eligibility: eligibilitySchema });
export const socialContactAnswerSchema = z.strictObject({
  ...submitted,
  prerequisites: eligibilitySchema.omit({ paths: true }),
});

/** R-SC-CAPACITY: places, used and free; which cases hold them only for the program's own readers. */
export const capacitySchema = z.strictObject({
  places: z.number().int(),
  participants: z.union([z.number().int(), z.array(z.string())]),
  reserved: z.union([z.number().int(), z.array(z.string())]),
  waiting: z.union([z.number().int(), z.array(z.strictObject({ caseId: z.string(), approvedAt: isoDateTime }))]),
  free: z.number().int(),
});
