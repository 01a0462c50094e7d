import { Context } from '@temporalio/activity';
import type { LeadActivities } from '../../activities';
import {
  act,
  HOUR,
  RecordingActivities,
  replayFailures,
  settled,
  startArrest,
  workflowEnvOfFile,
  withWorker,
} from '../support/workflow-env';

/**
 * A case runs one local activity at a time (PATCHES.oneLocalActivity). Live, the SDK hands over each
 * local activity's result as it arrives; on replay it may hand over several in one activation, and a
 * case that ran its projection, notices and retries side by side could ask for a different number of
 * projections than it recorded: a fresh-clone run of the stack's rolling-restart test stopped a case
 * with "Missing associated machine for LocalActivity(7)". Here the stubs take real time, so that any two local
 * activities of a case asked for together would overlap, and SMTP refuses a clock's notices once.
 */
const wf = workflowEnvOfFile();

/** The stubs, each local activity counted while it runs, per case, and slowed to widen any overlap. */
function countingLocalActivities(stubs: RecordingActivities) {
  const running = new Map<string, number>();
  const most = new Map<string, number>();
  const inner = stubs.activities();
  const wrapped = Object.fromEntries(
    Object.entries(inner).map(([name, fn]) => [
      name,
      async (...args: unknown[]) => {
        const { isLocal, workflowExecution } = Context.current().info;
        if (!isLocal) return (fn as (...a: unknown[]) => unknown)(...args);
        const id = workflowExecution?.workflowId ?? '';
        running.set(id, (running.get(id) ?? 0) + 1);
        most.set(id, Math.max(most.get(id) ?? 0, running.get(id)!));
        try {
          await new Promise((r) => setTimeout(r, 40));
          return await (fn as (...a: unknown[]) => unknown)(...args);
        } finally {
          running.set(id, running.get(id)! - 1);
        }
      },
    ]),
  ) as unknown as LeadActivities;
  return { activities: wrapped, most };
}

test('a case runs one local activity at a time, through a clock and an SMTP refusal; its history replays', async () => {
  const stubs = new RecordingActivities();
  const { activities, most } = countingLocalActivities(stubs);
  const cases = await withWorker(wf, activities, async () => {
    const ids = [await startArrest(wf), await startArrest(wf), await startArrest(wf)];
    await act(wf, ids[0], 'recordScreening');
    // R-SCREEN's clock (4 h) fires for the two unscreened cases; SMTP refuses each reminder once, and it
    // goes on to the ordinary activity, which retries it (R-MISSED).
    const refused = new Set<string>();
    stubs.failDelivery = (n) => n.ruleId === 'R-SCREEN' && !refused.has(n.noticeId) && !!refused.add(n.noticeId);
    await wf.env.sleep(5 * HOUR);
    for (const id of ids) await settled(wf, id);
    return ids;
  });

  for (const id of cases) {
    expect({ id, most: most.get(id) }).toEqual({ id, most: 1 });
    const notices = stubs.noticesOf(id).map((n) => n.noticeId);
    expect(new Set(notices).size).toBe(notices.length);
  }
  expect(cases.map((id) => stubs.rulesOf(id).sort())).toEqual([
    ['R-CALL', 'R-PACKET'],
    ['R-CALL', 'R-PACKET', 'R-SCREEN'],
    ['R-CALL', 'R-PACKET', 'R-SCREEN'],
  ]);

  const histories = await Promise.all(
    cases.map(async (workflowId) => ({
      workflowId,
      history: await wf.env.client.workflow.getHandle(workflowId).fetchHistory(),
    })),
  );
  const failures = await replayFailures(histories, wf.dataConverter);
  expect(failures).toEqual([]);
});
