import { storeReport } from '../src/db/queries/reports';
import { computeMonthlyReport } from '../src/reports/compute-monthly-report';
import type { ReportMonth } from '../src/reports/report-month';
import type { MonthlyReportSummary } from '../src/shared/workflow-contract';
import type { ActivityDeps } from './activity-deps';

export interface MonthlyReportRequest {
  month: ReportMonth;
  /** The schedule's nominal time of the run, when a schedule started it. */
  scheduledAt?: string;
}

/**
 * R-STAFFING: computes a month's report from the recorded cases and stores it (one row per month;
 * a retried or repeated run replaces the row with the same figures).
 */
export async function produceMonthlyReport(
  { db, config }: Pick<ActivityDeps, 'db' | 'config'>,
  request: MonthlyReportRequest,
): Promise<MonthlyReportSummary> {
  const data = await computeMonthlyReport(db, config, request.month);
  const scheduledAt = request.scheduledAt ? new Date(request.scheduledAt) : null;
  await storeReport(db, request.month, scheduledAt, data as object);
  return {
    month: request.month,
    participants: data.clientRows.length,
    staffingListCases: data.staffingList.length,
    referrals: data.figures.referralsInMonth.total,
  };
}
