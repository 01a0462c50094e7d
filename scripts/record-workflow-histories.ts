/**
 * Records the histories of the workflows beside the cases — outcome follow-ups, the monthly report
 * (started by hand and by its Schedule) and the evaluation run — into test/fixtures/histories/, for the
 * replay test (test/workflows/replay.test.ts). Their activities are the workflow layer's stubs: a
 * history keeps only what an activity returned, never how. Run it when one of these workflows gains a
 * path: `npx tsx scripts/record-workflow-histories.ts` (HISTORY_SUFFIX=.<patch-id> for a new generation).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { loadConfig } from '../src/config/load-config';
import { confirmFollowUpUpdate, followUpWorkflowId, TASK_QUEUE } from '../src/contract/definitions';
import { temporalCliExecutable, timeSkippingServerExecutable } from '../src/temporal/binaries';
import { monthlyReportSchedule, monthlyReportScheduleId } from '../src/temporal/monthly-report-schedule';
import { ensureSchedule } from '../src/temporal/ensure-schedule';
import { parsePayloadKeys } from '../src/temporal/payload-encryption';
import { bundleLeadWorkflows } from '../src/temporal/workflow-bundle';
import { waitFor } from '../test/support/wait-for';
import {
  createTestWorker,
  DAY,
  RecordingActivities,
  startWorkflowEnv,
  type WorkflowTestEnv,
} from '../test/support/workflow-env';
import type { evaluationRun, monthlyReport, outcomeFollowUp } from '../workflows';

const ROOT = path.join(__dirname, '..');
const DIR = path.join(ROOT, 'test', 'fixtures', 'histories');
const SUFFIX = process.env.HISTORY_SUFFIX ?? '';
const payloadKeys = parsePayloadKeys(
  readFileSync(path.join(ROOT, 'test', 'fixtures', 'replay-payload-key.txt'), 'utf8').trim(),
);

async function save(wf: WorkflowTestEnv, name: string, workflowId: string): Promise<void> {
  const history = await wf.env.client.workflow.getHandle(workflowId).fetchHistory();
  writeFileSync(path.join(DIR, `${name}${SUFFIX}.json`), historyToJSON(history));
  console.log(`recorded ${name}${SUFFIX} (${history.events?.length} events)`);
}

/** A follow-up confirmed at 6 months, stuck at 12 then confirmed, confirmed at 24 (time skipping). */
async function followUp(wf: WorkflowTestEnv, stubs: RecordingActivities) {
  const recordId = 'BKG-REPLAY01';
  const handle = await wf.env.client.workflow.start<typeof outcomeFollowUp>('outcomeFollowUp', {
    workflowId: followUpWorkflowId(recordId),
    taskQueue: wf.taskQueue,
    args: [
      {
        recordId,
        agency: 'BURIEN_PD',
        startedAt: new Date(await wf.env.currentTimeMs()).toISOString(),
        confirmWithinMs: 30 * DAY,
      },
    ],
  });
  const confirm = (months: number) =>
    handle.executeUpdate(confirmFollowUpUpdate, { args: [{ months, actor: { id: 'sgt-1', role: 'sergeant' } }] });
  const reminded = (n: number) => waitFor(() => stubs.callsOf('remindFollowUp').length === n, `reminder ${n}`);
  await wf.env.sleep(185 * DAY);
  await reminded(1);
  await confirm(6);
  await wf.env.sleep(215 * DAY);
  await reminded(2);
  await waitFor(() => stubs.callsOf('markFollowUp').some((m) => m.stuck), 'the 12-month follow-up stuck');
  await confirm(12);
  await wf.env.sleep(366 * DAY);
  await reminded(3);
  await confirm(24);
  await handle.result();
  await save(wf, 'follow-up-confirmed-stuck-confirmed', handle.workflowId);
}

async function byHand(wf: WorkflowTestEnv) {
  const report = await wf.env.client.workflow.start<typeof monthlyReport>('monthlyReport', {
    workflowId: 'lead-monthly-report-2026-09',
    taskQueue: wf.taskQueue,
    args: [{ timezone: 'America/Los_Angeles', month: '2026-09' }],
  });
  await report.result();
  await save(wf, 'monthly-report-by-hand', report.workflowId);
  const evaluation = await wf.env.client.workflow.start<typeof evaluationRun>('evaluationRun', {
    workflowId: 'lead-evaluation-run',
    taskQueue: wf.taskQueue,
    args: [],
  });
  await evaluation.result();
  await save(wf, 'evaluation-run', evaluation.workflowId);
}

/** The Schedule's own run (its nominal time in the TemporalScheduledStartTime attribute), on the dev server. */
async function scheduled(wf: WorkflowTestEnv) {
  const config = loadConfig();
  await ensureSchedule(wf.env.client, monthlyReportSchedule(config));
  const schedule = wf.env.client.schedule.getHandle(monthlyReportScheduleId(config.program.caseIdPrefix));
  await schedule.backfill({
    start: new Date('2026-10-01T12:59:00Z'),
    end: new Date('2026-10-01T13:01:00Z'),
    overlap: ScheduleOverlapPolicy.ALLOW_ALL,
  });
  const run = await waitFor(
    async () => (await schedule.describe()).info.recentActions[0]?.action,
    'the backfilled run',
  );
  await wf.env.client.workflow.getHandle(run.workflow.workflowId).result();
  await save(wf, 'monthly-report-scheduled', run.workflow.workflowId);
  await schedule.delete();
}

async function main() {
  process.env.TEMPORAL_TEST_SERVER_PATH ??= timeSkippingServerExecutable()?.path;
  process.env.TEMPORAL_CLI_PATH ??= temporalCliExecutable()?.path;
  const bundle = path.join(os.tmpdir(), 'lead-record-workflow-bundle.js');
  writeFileSync(bundle, (await bundleLeadWorkflows()).code);
  process.env.LEAD_TEST_WORKFLOW_BUNDLE = bundle;
  mkdirSync(DIR, { recursive: true });

  const skipping = await startWorkflowEnv({ payloadKeys });
  try {
    const stubs = new RecordingActivities();
    await (
      await createTestWorker(skipping, stubs)
    ).runUntil(async () => {
      await followUp(skipping, stubs);
      await byHand(skipping);
    });
  } finally {
    await skipping.stop();
  }

  const dev = await startWorkflowEnv({ server: 'dev', payloadKeys });
  try {
    // The Schedule starts its runs on the product's task queue.
    dev.taskQueue = TASK_QUEUE;
    await (await createTestWorker(dev, new RecordingActivities())).runUntil(() => scheduled(dev));
  } finally {
    await dev.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
