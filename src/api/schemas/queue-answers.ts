import { z } from 'zod';
import { caseRowSchema, isoDateTime } from './common';

const rows = z.array(caseRowSchema);

export const caseloadSchema = z.looseObject({
  cases: z.array(
    caseRowSchema.extend({
      person: z.looseObject({ givenName: z.string(), familyName: z.string() }).nullable(),
      mine: z.boolean(),
      newArrestAlertAt: isoDateTime
        .nullable()
        .describe("R-COORD: when the participant's latest new arrest, booking, charge or referral was recorded"),
    }),
  ),
});

export const sergeantQueueSchema = z.looseObject({
  approvals: rows,
  overrides: rows,
  extensions: rows,
  reassessments: rows,
  returnsToScene: z.array(caseRowSchema.extend({ reportedAt: isoDateTime, withinWindow: z.boolean() })),
});

export const prosecutorQueueSchema = z.looseObject({
  office: z.looseObject({ code: z.string(), name: z.string() }),
  notices: z.array(
    z.looseObject({
      id: z.string(),
      caseId: z.string(),
      kind: z.string(),
      ruleId: z.string(),
      subject: z.string(),
      status: z.string(),
      sentAt: isoDateTime.nullable(),
      createdAt: isoDateTime,
    }),
  ),
  awaitingDecision: rows,
  objectionWindows: rows,
});

export const nciQueueSchema = z.looseObject({ awaiting: rows, decidedLately: rows });

const stuckList = z.looseObject({ ruleId: z.string(), label: z.string(), cases: rows });
export const stuckSchema = z.looseObject({
  counts: z.record(z.string(), z.number().int()),
  lists: z.record(z.string(), stuckList),
  followUpsUnconfirmed: z.looseObject({
    ruleId: z.literal('R-EVAL'),
    label: z.string(),
    items: z.array(
      z.looseObject({
        recordId: z.string(),
        months: z.number().int(),
        agency: z.string(),
        dueAt: isoDateTime,
        stuckSince: isoDateTime,
      }),
    ),
  }),
});
