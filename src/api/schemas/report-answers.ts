import { z } from 'zod';
import { REPORT_MONTH } from '../../reports/report-month';
import { actorSchema, isoDate, isoDateTime } from './common';

export const monthParams = z.strictObject({
  month: z.string().regex(REPORT_MONTH, 'expected YYYY-MM (R-STAFFING)').describe('The month reported, YYYY-MM'),
});

export const reportListSchema = z.strictObject({
  current: z.string(),
  reports: z.array(z.strictObject({ month: z.string(), generatedAt: isoDateTime.nullable(), soFar: z.boolean() })),
});

const spread = z.strictObject({ count: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() });

/** R-STAFFING: a month's figures, the staffing list (names only where R-ROI allows) and the client rows. */
export const monthlyReportSchema = z.strictObject({
  month: z.string(),
  generatedAt: isoDateTime,
  stored: z.boolean(),
  soFar: z.boolean(),
  program: z.string(),
  figures: z.strictObject({
    referralsByMonth: z.array(
      z.strictObject({ month: z.string(), arrestDiversions: z.number().int(), socialContacts: z.number().int() }),
    ),
    referralsInMonth: z.strictObject({
      arrestDiversions: z.number().int(),
      socialContacts: z.number().int(),
      total: z.number().int(),
    }),
    daysToScreening: spread,
    daysToIntake: spread,
    enrolledShare: z.strictObject({
      referred: z.number().int(),
      enrolled: z.number().int(),
      share: z.number().nullable(),
    }),
    missedIntakes: z.number().int(),
    capacity: z.strictObject({ used: z.number().int(), available: z.number() }),
    waitingSocialContacts: z.number().int(),
  }),
  staffingList: z.array(
    z.strictObject({
      referralId: z.string(),
      type: z.string(),
      stage: z.string(),
      referredOn: isoDate,
      caseManagerId: z.string().nullable(),
      nextDeadlineRule: z.string().nullable(),
      nextDeadlineOn: isoDate.nullable(),
      stuck: z.array(z.string()),
      name: z.string().nullable(),
      namedBecause: z.enum(['RELEASE_COVERS_STAFFING', 'NOMINATED']).nullable(),
      nominations: z.array(
        z.strictObject({
          by: actorSchema,
          reason: z
            .string()
            .nullable()
            .describe("Null: a case manager's reason, case-management record this reader does not receive (R-ROI)"),
          at: isoDateTime,
        }),
      ),
    }),
  ),
  clientRows: z
    .array(
      z.strictObject({
        referralId: z.string(),
        referralType: z.string(),
        referredOn: isoDate,
        screenedOn: isoDate.nullable(),
        enrolledOn: isoDate,
        status: z.string(),
        exitOn: isoDate.nullable(),
        shared: z.enum(['CASE_MANAGEMENT_RECORD', 'PROGRESS_SUMMARY', 'STATUS_ONLY']),
        iipGoals: z.array(z.string()).optional(),
        serviceWithdrawn: z.boolean().optional(),
        exitReason: z.string().nullable().optional(),
        consentOn: isoDate.nullable().optional(),
        servicesDelivered: z.array(z.string()).optional(),
        servicesWithdrawn: z.array(z.string()).optional(),
      }),
    )
    .optional()
    .describe('For the roles that read the client report only'),
});

export const reportRunSchema = z.strictObject({
  month: z.string(),
  produced: z.strictObject({
    month: z.string(),
    participants: z.number().int(),
    staffingListCases: z.number().int(),
    referrals: z.number().int(),
  }),
});
