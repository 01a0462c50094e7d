import { coordinationAlertSignal } from '../../src/contract/definitions';
import { waitFor } from '../support/wait-for';
import { act, RecordingActivities, settled, startArrest, workflowEnvOfFile, withWorker } from '../support/workflow-env';

/** R-COORD (2026-12-02): a current participant's new arrest, booking, charge or referral alerts their case manager. */
const wf = workflowEnvOfFile();

const alert = (caseId: string, sourceId: string) =>
  wf.env.client.workflow.getHandle(caseId).signal(coordinationAlertSignal, { source: 'REFERRAL', sourceId });

test('R-COORD: an enrolled participant’s case manager is told once per new referral; a person not yet enrolled is no participant', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const participant = await startArrest(wf);
    await act(wf, participant, 'recordScreening');
    await act(wf, participant, 'recordConsent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
    await act(wf, participant, 'recordIntake');
    const notYet = await startArrest(wf);

    await alert(participant, 'BUR-NEW-1');
    await alert(participant, 'BUR-NEW-1'); // the same referral sent again
    await alert(participant, 'BUR-NEW-2');
    await alert(notYet, 'BUR-NEW-3');
    // Signals are applied in the order sent: once the second referral's alert is delivered, the repeat was seen.
    const coordination = () => stubs.noticesOf(participant).filter((n) => n.ruleId === 'R-COORD');
    await waitFor(async () => coordination().length >= 2, 'the alerts of both new referrals');
    const view = await settled(wf, participant);
    expect(view.stage).toBe('ENROLLED');
    const told = coordination();
    expect(told.map((n) => [n.kind, n.recipient.role])).toEqual([
      ['PARTICIPANT_ARRESTED', 'case_manager'],
      ['PARTICIPANT_ARRESTED', 'case_manager'],
    ]);
    await settled(wf, notYet);
    expect(stubs.rulesOf(notYet)).not.toContain('R-COORD');
  });
});
