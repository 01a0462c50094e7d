import { IIP_GOALS } from '../../src/shared/case-vocabulary';
import {
  act,
  arrestInput,
  DEFAULT_POLICY,
  RecordingActivities,
  settled,
  startArrest,
  workflowEnvOfFile,
  withWorker,
} from '../support/workflow-env';

/**
 * Cases that live for years: an enrolled participant's workflow continues as new with its state carried
 * over, so its history stays bounded however many events the case has. Three years of monthly IIP
 * reviews (36 case actions), a new run every 12 events.
 *
 * On the CLI's dev server: Temporal's Java time-skipping test server routes an Update sent after a
 * continue-as-new to the closed run (acknowledged, then lost), which a real server does not do. The
 * months are not slept through: the history bound depends on the number of events, not on time.
 */
const wf = workflowEnvOfFile({ server: 'dev' });

const EVENTS_PER_RUN = 12;

test('three years of monthly events: bounded history per run, the whole case intact', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(
      wf,
      arrestInput({ policy: { ...DEFAULT_POLICY, continueAsNewAfterEvents: EVENTS_PER_RUN } }),
    );
    const handle = wf.env.client.workflow.getHandle(caseId);
    await act(wf, caseId, 'recordScreening');
    await act(wf, caseId, 'recordConsent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
    const { enrolledAt } = await act(wf, caseId, 'recordIntake');
    const runs = new Set([(await handle.describe()).runId]);
    let longestHistory = 0;
    for (let month = 1; month <= 36; month++) {
      await act(wf, caseId, 'recordIipGoals', { goals: [IIP_GOALS[month % IIP_GOALS.length]] });
      await settled(wf, caseId);
      const { runId } = await handle.describe();
      runs.add(runId);
      const history = await wf.env.client.workflow.getHandle(caseId, runId).fetchHistory();
      longestHistory = Math.max(longestHistory, history.events?.length ?? 0);
    }
    const view = await wf.cases.view(caseId);
    expect(view).toMatchObject({ stage: 'ENROLLED', enrolledAt, iip: { goals: [IIP_GOALS[36 % IIP_GOALS.length]] } });
    const events = stubs.eventsOf(caseId);
    expect(events.filter((e) => e.type === 'IIP_RECORDED')).toHaveLength(36);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(runs.size).toBeGreaterThanOrEqual(3);
    expect(longestHistory).toBeLessThan(250);
    const attributes = (await handle.describe()).typedSearchAttributes.getAll().map((p) => [p.key.name, p.value]);
    expect(attributes).toEqual(expect.arrayContaining([['LeadStage', 'ENROLLED']]));
    expect(stubs.rulesOf(caseId)).toEqual(['R-CALL', 'R-PACKET']);
  });
});
