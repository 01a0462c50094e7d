import { ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import type { LeadConfig } from '../config/config-schema';
import { TASK_QUEUE } from '../contract/definitions';
import { ensureSchedule } from './ensure-schedule';

export const EVALUATION_SCHEDULE_ID = 'lead-evaluation';
export const EVALUATION_WORKFLOW_ID = 'lead-evaluation-run';

/**
 * R-EVAL: every night (05:00 in the program's time zone) a run computes the evaluation figures from the
 * recorded referrals, bookings and outcomes and stores them; the page reads the stored figures.
 */
export function evaluationSchedule(config: LeadConfig): ScheduleOptions {
  return {
    scheduleId: EVALUATION_SCHEDULE_ID,
    spec: { calendars: [{ hour: 5, minute: 0 }], timezone: config.program.timezone },
    action: {
      type: 'startWorkflow',
      workflowType: 'evaluationRun',
      workflowId: EVALUATION_WORKFLOW_ID,
      taskQueue: TASK_QUEUE,
      args: [],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
  };
}

export async function ensureEvaluationSchedule(client: Client, config: LeadConfig): Promise<void> {
  await ensureSchedule(client, evaluationSchedule(config));
}
