import { z } from 'zod';
import { eligibilitySchema, priorReferralsSchema, reasonSchema } from './referral-answers';

const fieldProblemSchema = z.strictObject({
  field: z.string().describe('The field at fault, as a dotted path (`person.dateOfBirth`), or `(body)`'),
  message: z.string(),
  code: z.string().optional().describe("zod's issue code"),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  origin: z.string().optional(),
});

/** What a refusal may carry besides its code and message: every key named, like every other answer. */
export const errorDetailsSchema = z.strictObject({
  ruleId: z.string().optional().describe('The PROTOCOL.md rule that decided, when one did'),
  stage: z.string().optional(),
  permission: z.string().optional(),
  fields: z.array(fieldProblemSchema).optional(),
  retryAfterSeconds: z.number().int().optional().describe('SIGN_IN_WAIT: the wait before the next attempt'),
  rows: z
    .array(z.strictObject({ line: z.number().int(), field: z.string(), message: z.string() }))
    .optional()
    .describe('IMPORT_REJECTED: every wrong row'),
  caseId: z.string().optional().describe('PREREQUISITES_NOT_MET: the closed case the referral was recorded as'),
  reasons: z.array(reasonSchema).optional().describe('INELIGIBLE, PREREQUISITES_NOT_MET: every reason'),
  notes: z.array(reasonSchema).optional(),
  eligibility: eligibilitySchema.optional(),
  priorReferrals: priorReferralsSchema.optional(),
});

export type ErrorDetails = z.input<typeof errorDetailsSchema>;
export type FieldProblem = z.input<typeof fieldProblemSchema>;

/** Every refusal's body; documented once, as the `Error` component. */
export const errorBodySchema = z
  .strictObject({
    error: z.strictObject({
      code: z.string().describe('What went wrong, for programs: VALIDATION_FAILED, STAGE_CONFLICT, FORBIDDEN…'),
      message: z.string().describe('What went wrong and what to do, naming the field and the rule'),
      ...errorDetailsSchema.shape,
    }),
  })
  .meta({ id: 'Error' });
