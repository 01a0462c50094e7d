import { monthReportedAt } from '../../src/reports/report-month';
import type { evaluationRun, monthlyReport } from '../../workflows';
import { RecordingActivities, workflowEnvOfFile, withWorker } from '../support/workflow-env';

/**
 * R-STAFFING and R-EVAL: the workflows the Schedules start hand their month (or nothing) to the activity
 * that produces the figures, and return what it produced. The Schedules themselves, and the figures, are
 * tested where they meet the database (test/integration/cases/monthly-report.test.ts, api/evaluation.test.ts).
 */
const wf = workflowEnvOfFile();

const TZ = 'America/Los_Angeles';

test('R-STAFFING: a month asked for by hand is produced as asked; a run with none reports the month before its own, in the program’s time zone', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const run = (month?: string, caseIdPrefix?: string) =>
      wf.env.client.workflow.execute<typeof monthlyReport>('monthlyReport', {
        workflowId: `lead-monthly-report-${caseIdPrefix ?? 'none'}-${month ?? 'current'}`,
        taskQueue: wf.taskQueue,
        args: [{ timezone: TZ, ...(month ? { month } : {}), ...(caseIdPrefix ? { caseIdPrefix } : {}) }],
      });
    expect(await run('2026-09')).toEqual({ month: '2026-09' });
    const now = new Date(await wf.env.currentTimeMs());
    expect(await run()).toEqual({ month: monthReportedAt(now, TZ) });
    // Issue 26: a program's schedule names it; a run started before reports were per program names none.
    await run(undefined, 'HBR');
    expect(stubs.callsOf('produceMonthlyReport')).toEqual([
      { month: '2026-09' },
      { runAt: expect.any(String), timezone: TZ },
      { runAt: expect.any(String), timezone: TZ, caseIdPrefix: 'HBR' },
    ]);
  });
});

test('R-EVAL: an evaluation run produces its program’s figures once and answers when they were computed', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const result = await wf.env.client.workflow.execute<typeof evaluationRun>('evaluationRun', {
      workflowId: 'lead-evaluation-run-HBR',
      taskQueue: wf.taskQueue,
      args: [{ caseIdPrefix: 'HBR' }],
    });
    expect(Date.parse(result.computedAt)).not.toBeNaN();
    // A run started before evaluation was per program has no argument: the served program's.
    await wf.env.client.workflow.execute<typeof evaluationRun>('evaluationRun', {
      workflowId: 'lead-evaluation-run',
      taskQueue: wf.taskQueue,
      args: [],
    });
    expect(stubs.callsOf('produceEvaluation')).toEqual([{ caseIdPrefix: 'HBR' }, {}]);
  });
});
