import type { DeadlineView } from '../../src/case/query-views';
import { act, RecordingActivities, settled, startArrest, workflowEnvOfFile, withWorker } from '../support/workflow-env';

/**
 * The database projection of a case (what the caseload, the queues and the stuck list read): each
 * projection writes only the deadlines that changed since the last one (issue 25: a deadline row is a
 * query each), and what the database ends up holding is every deadline as the case has it.
 */
const wf = workflowEnvOfFile();

test('each projection carries only the deadlines that changed; together they are the case’s deadlines', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf);
    await settled(wf, caseId);
    await act(wf, caseId, 'recordScreening');
    const view = await settled(wf, caseId);

    const projections = stubs.callsOf('recordCaseProgress').filter((p) => p.referralId === caseId);
    const changed = projections.map((p) => p.deadlinesChanged.map((d) => `${d.ruleId} ${d.status}`));
    // The opening writes every deadline; its notices' delivery changes none; the screening (R-SCREEN) one.
    expect(changed[0].sort()).toEqual(view.deadlines.map((d) => `${d.ruleId} OPEN`).sort());
    expect(changed.slice(1).filter((c) => c.length > 0)).toEqual([['R-SCREEN MET']]);
    const written = new Map<string, DeadlineView>();
    for (const p of projections) for (const d of p.deadlinesChanged) written.set(d.ruleId, d);
    expect([...written.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId))).toEqual(
      [...view.deadlines].sort((a, b) => a.ruleId.localeCompare(b.ruleId)),
    );
  });
});
