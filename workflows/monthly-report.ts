import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { LeadActivities } from '../activities';
import type { MonthlyReportInput, MonthlyReportSummary } from '../src/contract/workflow-contract';

const { produceMonthlyReport } = proxyActivities<LeadActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/** Set by a Temporal Schedule on the runs it starts (backfills included): the run's nominal time. */
const SCHEDULED_START = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/** R-STAFFING: one run per month (started by the monthly-report schedule) produces the month's report. */
export async function monthlyReport(input: MonthlyReportInput): Promise<MonthlyReportSummary> {
  const scheduledAt = workflowInfo().typedSearchAttributes.get(SCHEDULED_START);
  // The month before the run's is found by the activity: time-zone data stays out of the sandbox.
  const asked = input.month
    ? { month: input.month }
    : { runAt: (scheduledAt ?? new Date()).toISOString(), timezone: input.timezone };
  return produceMonthlyReport({ ...asked, caseIdPrefix: input.caseIdPrefix, scheduledAt: scheduledAt?.toISOString() });
}
