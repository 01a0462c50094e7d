import { placesOf } from '../src/config/load-config';
import { buildMonthlyReport } from '../src/reports/monthly-report';
import { addMonthsTo, REPORT_MONTH, type ReportMonth } from '../src/reports/report-month';
import type { ActivityDeps } from './index';

export interface MonthlyReportRequest {
  month: ReportMonth;
  /** The schedule's nominal time of the run, when a schedule started it. */
  scheduledAt?: string;
}

export interface MonthlyReportSummary {
  month: ReportMonth;
  participants: number;
  staffingListCases: number;
  referrals: number;
}

/**
 * R-STAFFING: computes a month's report from the recorded cases and stores it (one row per month;
 * a retried or repeated run replaces the row with the same figures).
 */
export async function produceMonthlyReport({ db, config }: ActivityDeps, request: MonthlyReportRequest): Promise<MonthlyReportSummary> {
  if (!REPORT_MONTH.test(request.month)) throw new Error(`month: expected YYYY-MM, got ${request.month} (R-STAFFING)`);
  // Cases referred up to the day after the month ends in any time zone; the builder keeps the month's own.
  const [y, m] = addMonthsTo(request.month, 1).split('-').map(Number);
  const until = new Date(Date.UTC(y, m - 1, 2));
  const rows = await db.referral.findMany({
    where: { referredAt: { lt: until } },
    select: {
      id: true, type: true, referredAt: true, stage: true, caseManagerId: true, nextDeadlineAt: true, nextDeadlineRule: true, stuckReasons: true,
      events: { select: { type: true, occurredAt: true, data: true }, orderBy: { seq: 'asc' } },
    },
  });
  const data = buildMonthlyReport({
    month: request.month,
    program: config.program.name,
    timezone: config.program.timezone,
    places: placesOf(config),
    cases: rows.map((r) => ({ ...r, referralId: r.id, referredAt: r.referredAt! })),
  });
  const scheduledAt = request.scheduledAt ? new Date(request.scheduledAt) : null;
  await db.monthlyReport.upsert({
    where: { month: request.month },
    create: { month: request.month, scheduledAt, data: data as object },
    update: { scheduledAt, data: data as object, generatedAt: new Date() },
  });
  return { month: request.month, participants: data.clientRows.length, staffingListCases: data.staffingList.length, referrals: data.figures.referralsInMonth.total };
}
