import type { LeadConfig } from '../config/config-schema';
import { placesOf } from '../config/load-config';
import type { Database } from '../db/queries/database';
import { casesReferredBefore } from '../db/queries/reports';
import { buildMonthlyReport, REPORTED_EVENT_TYPES, type MonthlyReportData } from './monthly-report';
import { addMonthsTo, REPORT_MONTH, type ReportMonth } from './report-month';

/**
 * R-STAFFING: a program's month, computed from its recorded cases (by the schedule's run, or on request):
 * the cases whose ids carry its prefix, nothing of another program's.
 */
export async function computeMonthlyReport(
  db: Database,
  config: LeadConfig,
  month: ReportMonth,
): Promise<MonthlyReportData> {
  if (!REPORT_MONTH.test(month)) throw new Error(`month: expected YYYY-MM, got ${month} (R-STAFFING)`);
  // Cases referred up to the day after the month ends in any time zone; the builder keeps the month's own.
  const [y, m] = addMonthsTo(month, 1).split('-').map(Number);
  const until = new Date(Date.UTC(y, m - 1, 2));
  const rows = await casesReferredBefore(db, config.program.caseIdPrefix, until, REPORTED_EVENT_TYPES);
  return buildMonthlyReport({
    month,
    program: config.program.name,
    timezone: config.program.timezone,
    places: placesOf(config),
    cases: rows.map((r) => ({ ...r, referralId: r.id })),
  });
}
