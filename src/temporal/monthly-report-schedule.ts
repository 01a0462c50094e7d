import { ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import type { LeadConfig } from '../config/config-schema';
import { TASK_QUEUE } from '../contract/definitions';
import type { MonthlyReportInput } from '../contract/workflow-contract';

/** Issue 26: each program's schedule, by its case id prefix (which never changes). */
export const monthlyReportScheduleId = (caseIdPrefix: string) => `lead-monthly-reports-${caseIdPrefix}`;
/** The schedule of a deployment before reports were per program; removed once each program has its own. */
export const SINGLE_PROGRAM_REPORT_SCHEDULE_ID = 'lead-monthly-reports';

/**
 * R-STAFFING: on the first of every month (06:00 in the program's time zone) a run reports the program's
 * month before. A server that was down then catches up within a week; runs never overlap.
 */
export function monthlyReportSchedule(config: LeadConfig): ScheduleOptions {
  const { caseIdPrefix, timezone } = config.program;
  const input: MonthlyReportInput = { timezone, caseIdPrefix };
  return {
    scheduleId: monthlyReportScheduleId(caseIdPrefix),
    spec: { calendars: [{ dayOfMonth: 1, hour: 6, minute: 0 }], timezone },
    action: {
      type: 'startWorkflow',
      workflowType: 'monthlyReport',
      workflowId: `lead-monthly-report-${caseIdPrefix}`,
      taskQueue: TASK_QUEUE,
      args: [input],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '7 days' },
  };
}
