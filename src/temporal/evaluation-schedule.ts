import { ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import type { LeadConfig } from '../config/config-schema';
import { TASK_QUEUE } from '../contract/definitions';
import type { EvaluationRunInput } from '../contract/workflow-contract';

/** Issue 26: each program's schedule and run, by its case id prefix (which never changes). */
export const evaluationScheduleId = (caseIdPrefix: string) => `lead-evaluation-${caseIdPrefix}`;
export const evaluationWorkflowId = (caseIdPrefix: string) => `lead-evaluation-run-${caseIdPrefix}`;
/** The schedule of a deployment before evaluation was per program; removed once each program has its own. */
export const SINGLE_PROGRAM_EVALUATION_SCHEDULE_ID = 'lead-evaluation';

/**
 * R-EVAL: every night (05:00 in the program's time zone) a run computes the program's evaluation
 * figures from its recorded referrals, bookings and outcomes and stores them; the page reads them.
 */
export function evaluationSchedule(config: LeadConfig): ScheduleOptions {
  const { caseIdPrefix, timezone } = config.program;
  const input: EvaluationRunInput = { caseIdPrefix };
  return {
    scheduleId: evaluationScheduleId(caseIdPrefix),
    spec: { calendars: [{ hour: 5, minute: 0 }], timezone },
    action: {
      type: 'startWorkflow',
      workflowType: 'evaluationRun',
      workflowId: evaluationWorkflowId(caseIdPrefix),
      taskQueue: TASK_QUEUE,
      args: [input],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
  };
}
