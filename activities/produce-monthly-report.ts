import { storeReport } from '../src/db/queries/reports';
import { computeMonthlyReport } from '../src/reports/compute-monthly-report';
import { monthReportedAt, type ReportMonth } from '../src/reports/report-month';
import type { MonthlyReportSummary } from '../src/contract/workflow-contract';
import { programConfigOf, type ScheduledRunDeps } from './activity-deps';

/**
 * A month asked for (by hand), or the run's time and the program's time zone: the month before the run's
 * is found here, outside the workflow sandbox, where time-zone data belongs to the host running it now.
 */
export type MonthlyReportRequest = {
  /** The schedule's nominal time of the run, when a schedule started it. */
  scheduledAt?: string;
  /** Issue 26: the program reported, by its case id prefix (none: the served program, as before programs). */
  caseIdPrefix?: string;
} & ({ month: ReportMonth } | { runAt: string; timezone: string });

/** R-STAFFING: the month asked for, or else the month before the run's own, in the program's time zone. */
export const monthOfRequest = (request: MonthlyReportRequest): ReportMonth =>
  'month' in request ? request.month : monthReportedAt(new Date(request.runAt), request.timezone);

/**
 * R-STAFFING: computes a month's report of one program's cases and stores it (one row per program and
 * month; a retried or repeated run replaces the row with the same figures).
 */
export async function produceMonthlyReport(
  deps: ScheduledRunDeps,
  request: MonthlyReportRequest,
): Promise<MonthlyReportSummary> {
  const config = await programConfigOf(deps, request.caseIdPrefix);
  const month = monthOfRequest(request);
  const data = await computeMonthlyReport(deps.db, config, month);
  const scheduledAt = request.scheduledAt ? new Date(request.scheduledAt) : null;
  await storeReport(deps.db, config.program.caseIdPrefix, month, scheduledAt, data);
  return {
    month,
    participants: data.clientRows.length,
    staffingListCases: data.staffingList.length,
    referrals: data.figures.referralsInMonth.total,
  };
}
