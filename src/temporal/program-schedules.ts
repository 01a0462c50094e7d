import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import type { LeadConfig } from '../config/config-schema';
import { ensureSchedule } from './ensure-schedule';
import { evaluationSchedule, SINGLE_PROGRAM_EVALUATION_SCHEDULE_ID } from './evaluation-schedule';
import { monthlyReportSchedule, SINGLE_PROGRAM_REPORT_SCHEDULE_ID } from './monthly-report-schedule';

/**
 * Issue 26: every program in force has its own monthly-report and evaluation schedules, in its own time
 * zone (R-STAFFING, R-EVAL). The answer is called at a worker's start and at each reconciliation: a
 * schedule is created, or brought up to date, only for a program or time zone this process has not seen,
 * so a program added or changed through the API is scheduled without a restart.
 *
 * The one schedule of each kind a deployment had before reports were per program is removed once every
 * program has its own; a run it started meanwhile finishes (it reports the served program, as it did).
 */
export function programSchedules(client: Client) {
  const ensured = new Set<string>();
  let singleProgramRemoved = false;
  return async (programs: Iterable<LeadConfig>): Promise<void> => {
    for (const config of programs) {
      const key = `${config.program.caseIdPrefix}@${config.program.timezone}`;
      if (ensured.has(key)) continue;
      await ensureSchedule(client, monthlyReportSchedule(config));
      await ensureSchedule(client, evaluationSchedule(config));
      ensured.add(key);
    }
    if (singleProgramRemoved) return;
    for (const id of [SINGLE_PROGRAM_REPORT_SCHEDULE_ID, SINGLE_PROGRAM_EVALUATION_SCHEDULE_ID])
      await client.schedule
        .getHandle(id)
        .delete()
        .catch((err: unknown) => {
          if (!(err instanceof ScheduleNotFoundError)) throw err;
        });
    singleProgramRemoved = true;
  };
}

/** The configurations of the programs in force, for `programSchedules`. */
export const configsOf = (programs: ReadonlyMap<string, { config: LeadConfig }>) =>
  [...programs.values()].map((p) => p.config);
