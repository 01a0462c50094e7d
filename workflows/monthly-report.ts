import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { LeadActivities } from '../activities';
import type { MonthlyReportInput, MonthlyReportSummary } from '../src/shared/workflow-contract';
import { monthReportedAt } from '../src/reports/report-month';

const { produceMonthlyReport } = proxyActivities<LeadActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/** Set by a Temporal Schedule on the runs it starts (backfills included): the run's nominal time. */
const SCHEDULED_START = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/** R-STAFFING: one run per month (started by the monthly-report schedule) produces the month's report. */
export async function monthlyReport(input: MonthlyReportInput): Promise<MonthlyReportSummary> {
  const scheduledAt = workflowInfo().typedSearchAttributes.get(SCHEDULED_START);
  const month = input.month ?? monthReportedAt(scheduledAt ?? new Date(), input.timezone);
  return produceMonthlyReport({ month, scheduledAt: scheduledAt?.toISOString() });
}
