import { z } from 'zod';
import { caseRowSchema, isoDate } from './common';

/** R-ROI: who a listed case is about — part of the referral record, given only to its readers. */
export const listedPersonSchema = z.strictObject({
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: isoDate,
});
export const listedOffensesSchema = z.array(z.strictObject({ code: z.string(), label: z.string() }));

/** The referral-record fields a list may add to a case's row: null where the reader may not read it. */
export const listedPersonFields = {
  person: listedPersonSchema
    .nullable()
    .describe(
      'R-ROI: the person, only for a reader of the referral record (each one shown to someone outside case management is a disclosure, R-DISCLOSE)',
    ),
  offenses: listedOffensesSchema.nullable().describe('R-ROI: the offenses referred (referral record), as `person`'),
};

/** A case found: its program-status row and, for readers of the referral record, who it is about. */
export const foundCaseSchema = caseRowSchema.extend(listedPersonFields);

export const searchAnswerSchema = z.strictObject({
  searched: z
    .enum(['NOTHING', 'CASES', 'REFERRAL_RECORDS'])
    .describe(
      'What the search covered: nothing (no criterion given), the cases the reader may know of, or — searching by name or date of birth — only the cases whose referral record the reader may read (R-ROI)',
    ),
  cases: z.array(foundCaseSchema),
  /** More cases matched than the answer lists: narrow the search. */
  truncated: z.boolean(),
});

export const myReferralsSchema = z.strictObject({
  cases: z.array(foundCaseSchema),
  truncated: z.boolean(),
});
