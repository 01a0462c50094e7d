import {
  act,
  createTestWorker,
  intakeDueAt,
  sleepTo,
  endStarted,
  RecordingActivities,
  settled,
  startArrest,
  startWorkflowEnv,
  useFreshTaskQueue,
  type WorkflowTestEnv,
} from '../support/workflow-env';

/**
 * Workers come and go; cases do not notice. Each worker here keeps no cache, so every task it takes
 * rebuilds the case by replaying its history: a case moved on by three successive workers owes and
 * sends each notice once, and its projected events are numbered without a gap.
 */
let wf: WorkflowTestEnv;
beforeAll(async () => {
  wf = await startWorkflowEnv();
  useFreshTaskQueue(wf);
});
afterAll(async () => {
  await endStarted(wf);
  await wf?.stop();
});

test('a case carried on by three successive workers, each with an empty cache, sends every notice once', async () => {
  const stubs = new RecordingActivities();
  const onAFreshWorker = async <T>(body: () => Promise<T>) =>
    (await createTestWorker(wf, stubs, { maxCachedWorkflows: 0 })).runUntil(body);

  const caseId = await onAFreshWorker(async () => {
    const id = await startArrest(wf);
    await act(wf, id, 'recordScreening');
    await settled(wf, id);
    return id;
  });
  await onAFreshWorker(async () => {
    await act(wf, caseId, 'recordConsent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
    await settled(wf, caseId);
  });
  const view = await onAFreshWorker(async () => {
    await sleepTo(wf, await intakeDueAt(wf, caseId), 60_000);
    return settled(wf, caseId);
  });

  expect(view.stage).toBe('INTAKE_MISSED');
  expect(stubs.noticesOf(caseId).map((n) => [n.ruleId, n.recipient.role])).toEqual([
    ['R-CALL', 'case_manager'],
    ['R-PACKET', 'prosecutor'],
    ['R-MISSED', 'prosecutor'],
    ['R-MISSED', 'sergeant'],
  ]);
  const seqs = stubs.eventsOf(caseId).map((e) => e.seq);
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
});
