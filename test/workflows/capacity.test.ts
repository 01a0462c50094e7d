import type { CapacityView } from '../../src/case/query-views';
import { capacityQuery, capacitySignals, capacityWorkflowId } from '../../src/contract/definitions';
import { waitFor } from '../support/wait-for';
import {
  act,
  ACTORS,
  HOUR,
  RecordingActivities,
  settled,
  startArrest,
  startSocial,
  workflowEnvOfFile,
  withWorker,
} from '../support/workflow-env';

/**
 * R-SC-CAPACITY on the program's real coordinator workflow, the cases signalling it through the
 * (stubbed) capacity activity: arrest diversions are always taken and count once enrolled; approved
 * social contacts wait for a place, oldest approval first, and are released automatically.
 */
const wf = workflowEnvOfFile();

const PLACES = 3;
const capacity = (caseIdPrefix = 'BUR') =>
  waitFor(() => wf.cases.capacity(caseIdPrefix), 'the capacity coordinator') as Promise<CapacityView>;

async function enrolledArrestDiversion(): Promise<string> {
  const caseId = await startArrest(wf);
  await act(wf, caseId, 'recordScreening');
  await act(wf, caseId, 'recordConsent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
  expect((await act(wf, caseId, 'recordIntake')).stage).toBe('ENROLLED');
  return caseId;
}

async function approvedSocialContact(): Promise<string> {
  const caseId = await startSocial(wf);
  await act(wf, caseId, 'decideApproval', { decision: 'APPROVE' }, ACTORS.sergeant);
  return caseId;
}

test('with every place taken an approved social contact waits; an arrest diversion is still taken; an exit releases the oldest approval', async () => {
  await withWorker(wf, new RecordingActivities().forwardCapacity(wf, PLACES), async () => {
    const participants: string[] = [];
    for (let i = 0; i < PLACES; i++) participants.push(await enrolledArrestDiversion());
    await waitFor(async () => (await capacity()).participants.length === PLACES, `${PLACES} participants counted`);
    expect(await capacity()).toMatchObject({ places: PLACES, free: 0 });

    const older = await approvedSocialContact();
    await wf.env.sleep(HOUR);
    const newer = await approvedSocialContact();
    await waitFor(async () => (await capacity()).waiting.length === 2, 'both approvals queued');
    expect((await capacity()).waiting.map((w) => w.caseId)).toEqual([older, newer]);
    expect((await settled(wf, older)).stage).toBe('WAITING_FOR_CAPACITY');
    expect((await settled(wf, newer)).stage).toBe('WAITING_FOR_CAPACITY');

    // Arrest diversions have priority: never queued.
    expect((await wf.cases.view(await startArrest(wf))).stage).toBe('AWAITING_SCREENING');

    expect((await act(wf, participants[1], 'recordExit', { reason: 'TRANSITIONED_OUT' })).stage).toBe('EXITED');
    const released = await waitFor(async () => {
      const view = await wf.cases.view(older);
      return view.stage === 'AWAITING_CONTACT' && view;
    }, 'the oldest approval to be released');
    expect(released.capacity).toBe('GRANTED');
    expect((await wf.cases.view(newer)).stage).toBe('WAITING_FOR_CAPACITY');
    expect(await capacity()).toMatchObject({ free: 0, reserved: [older], waiting: [{ caseId: newer }] });
    expect((await capacity()).participants).toHaveLength(PLACES - 1);
  });
});

test('issue 26: each program has its own coordinator, which first adopts its cases from the one coordinator of before programs', async () => {
  await withWorker(wf, new RecordingActivities().forwardCapacity(wf, PLACES), async () => {
    // A deployment of one program, before programs: its one coordinator holds cases of two prefixes
    // (the second stands for a program added on the day of the upgrade, which had none).
    const before = 'lead-capacity';
    wf.started.add(before);
    for (const caseId of ['BUR-OLDPARTIC1', 'HBR-OLDPARTIC1'])
      await wf.env.client.workflow.signalWithStart('capacityCoordinator', {
        workflowId: before,
        taskQueue: wf.taskQueue,
        args: [],
        signal: capacitySignals.participantEnrolled,
        signalArgs: [{ caseId, places: PLACES }],
      });
    await waitFor(async () => (await capacity('HBR')).participants.length === 1, 'the one coordinator to count both');
    // Until a program's own coordinator starts, its capacity is its part of the one coordinator's.
    expect(await capacity('HBR')).toMatchObject({ participants: ['HBR-OLDPARTIC1'], free: PLACES - 1 });

    const enrolled = await enrolledArrestDiversion();
    await waitFor(async () => (await capacity()).participants.length === 2, 'Burien to adopt its participant');
    expect((await capacity()).participants.sort()).toEqual([enrolled, 'BUR-OLDPARTIC1'].sort());
    expect(await wf.env.client.workflow.getHandle(capacityWorkflowId('BUR')).query(capacityQuery)).toMatchObject({
      participants: expect.not.arrayContaining(['HBR-OLDPARTIC1']) as unknown,
    });
    // Harbor County's places are not Burien's.
    expect((await capacity('HBR')).participants).toEqual(['HBR-OLDPARTIC1']);
  });
});
