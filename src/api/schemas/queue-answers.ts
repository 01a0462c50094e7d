import { z } from 'zod';
import { caseRowSchema, isoDateTime } from './common';
import { foundCaseSchema, listedPersonFields } from './search-answers';

const rows = z.array(caseRowSchema);

export const caseloadSchema = z.strictObject({
  cases: z.array(
    caseRowSchema.extend({
      person: z.strictObject({ givenName: z.string(), familyName: z.string() }).nullable(),
      mine: z.boolean(),
      newArrestAlertAt: isoDateTime
        .nullable()
        .describe("R-COORD: when the participant's latest new arrest, booking, charge or referral was recorded"),
      exitedAt: isoDateTime.nullable().describe('R-EXIT: when the person left the program'),
    }),
  ),
});

export const sergeantQueueSchema = z.strictObject({
  approvals: rows,
  overrides: rows,
  extensions: rows,
  reassessments: rows,
  returnsToScene: z.array(caseRowSchema.extend({ reportedAt: isoDateTime, withinWindow: z.boolean() })),
});

export const prosecutorQueueSchema = z.strictObject({
  office: z.strictObject({ code: z.string(), name: z.string() }),
  notices: z.array(
    z.strictObject({
      id: z.string(),
      caseId: z.string(),
      kind: z.string(),
      ruleId: z.string(),
      subject: z.string(),
      status: z.string(),
      sentAt: isoDateTime.nullable(),
      createdAt: isoDateTime,
      referredAt: isoDateTime.nullable(),
      ...listedPersonFields,
    }),
  ),
  awaitingDecision: z.array(foundCaseSchema),
  objectionWindows: z.array(foundCaseSchema),
});

export const nciQueueSchema = z.strictObject({ awaiting: rows, decidedLately: rows });

const stuckList = z.strictObject({
  ruleId: z.string(),
  label: z.string(),
  cases: rows.describe('The first page of the list: nearest deadline first, or longest wait for the capacity queue'),
});
export const stuckSchema = z.strictObject({
  counts: z.record(z.string(), z.number().int()).describe('How many cases each list holds (its page may show fewer)'),
  lists: z.record(z.string(), stuckList),
  followUpsUnconfirmed: z.strictObject({
    ruleId: z.literal('R-EVAL'),
    label: z.string(),
    items: z.array(
      z.strictObject({
        recordId: z.string(),
        months: z.number().int(),
        agency: z.string(),
        dueAt: isoDateTime,
        stuckSince: isoDateTime,
      }),
    ),
  }),
});
