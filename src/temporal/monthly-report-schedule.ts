import { ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { ensureSchedule } from './ensure-schedule';
import type { LeadConfig } from '../config/config-schema';
import { TASK_QUEUE } from '../contract/definitions';

export const MONTHLY_REPORT_SCHEDULE_ID = 'lead-monthly-reports';

/**
 * R-STAFFING: on the first of every month (06:00 in the program's time zone) a run reports the month
 * before. A server that was down then catches up within a week; runs never overlap. Created once,
 * brought up to date on every worker start (a changed time zone takes effect).
 */
export function monthlyReportSchedule(config: LeadConfig): ScheduleOptions {
  return {
    scheduleId: MONTHLY_REPORT_SCHEDULE_ID,
    spec: { calendars: [{ dayOfMonth: 1, hour: 6, minute: 0 }], timezone: config.program.timezone },
    action: {
      type: 'startWorkflow',
      workflowType: 'monthlyReport',
      workflowId: 'lead-monthly-report',
      taskQueue: TASK_QUEUE,
      args: [{ timezone: config.program.timezone }],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '7 days' },
  };
}

export async function ensureMonthlyReportSchedule(client: Client, config: LeadConfig): Promise<void> {
  await ensureSchedule(client, monthlyReportSchedule(config));
}
