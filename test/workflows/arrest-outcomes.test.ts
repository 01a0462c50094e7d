import { CaseNotRunningError } from '../../src/temporal/case-workflows';
import {
  act,
  ACTORS,
  arrestInput,
  DAY,
  intakeDueAt,
  sleepTo,
  RecordingActivities,
  settled,
  startArrest,
  workflowEnvOfFile,
  withWorker,
} from '../support/workflow-env';

/**
 * How an arrest diversion ends — enrolled, left before screening, exited, handed off after a victim's
 * objection, closed by the prosecutor — on the real workflow code with stubbed activities: the notices
 * each ending owes, the steps it orders, and the workflow's result.
 */
const wf = workflowEnvOfFile();

const resultOf = (caseId: string) => wf.env.client.workflow.getHandle(caseId).result();

async function enroll(caseId: string) {
  await act(wf, caseId, 'recordScreening');
  await act(wf, caseId, 'recordConsent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
  return act(wf, caseId, 'recordIntake');
}

test('R-ENROLL: screening, consent and intake on day 29 → enrolled, the deadline met, no missed-intake notice ever', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf);
    await act(wf, caseId, 'recordScreening');
    await wf.env.sleep(29 * DAY);
    expect(
      (await act(wf, caseId, 'recordConsent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } })).stage,
    ).toBe('AWAITING_INTAKE');
    const enrolled = await act(wf, caseId, 'recordIntake');
    expect(enrolled).toMatchObject({ stage: 'ENROLLED', enrolled: true });
    await wf.env.sleep(3 * DAY);
    const view = await settled(wf, caseId);
    expect(view.deadlines.find((d) => d.ruleId === 'R-INTAKE')?.status).toBe('MET');
    expect(stubs.rulesOf(caseId)).toEqual(['R-CALL', 'R-PACKET']);
    expect(stubs.eventsOf(caseId).map((e) => e.type)).toEqual(
      expect.arrayContaining(['SCREENING_RECORDED', 'CONSENT_GIVEN', 'INTAKE_COMPLETED', 'ENROLLED']),
    );
    expect(stubs.callsOf('signalCapacity').map((c) => [c.caseId, c.signal])).toEqual([[caseId, 'participantEnrolled']]);
  });
});

test('R-SCREEN: left before screening → the sergeant and the prosecutor are told at once; the prosecutor files and the case closes', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf);
    expect((await act(wf, caseId, 'recordLeftBeforeScreening', { note: 'walked away' })).stage).toBe(
      'LEFT_BEFORE_SCREENING',
    );
    await settled(wf, caseId);
    expect(stubs.rulesOf(caseId, 'sergeant')).toEqual(['R-SCREEN']);
    expect(stubs.rulesOf(caseId, 'prosecutor')).toEqual(['R-PACKET', 'R-SCREEN']);
    await expect(act(wf, caseId, 'recordScreening')).rejects.toMatchObject({
      rejection: { code: 'STAGE_CONFLICT', stage: 'LEFT_BEFORE_SCREENING', ruleId: 'R-SCREEN' },
    });
    const closed = await act(wf, caseId, 'recordFilingDecision', { decision: 'FILED' }, ACTORS.prosecutor);
    expect(closed).toMatchObject({ stage: 'CLOSED', outcome: 'CHARGES_FILED' });
    expect(await resultOf(caseId)).toEqual({ referralId: caseId, stage: 'CLOSED', outcome: 'CHARGES_FILED' });
    // The closure is news to everyone who works the case.
    expect(
      stubs
        .noticesOf(caseId)
        .filter((n) => n.kind === 'CLOSED_BY_FILING_DECISION')
        .map((n) => n.recipient.role),
    ).toEqual(['sergeant', 'case_manager']);
  });
});

test('R-MISSED: after a missed intake the prosecutor declines → the case closes as charges declined', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf);
    await act(wf, caseId, 'recordScreening');
    await sleepTo(wf, await intakeDueAt(wf, caseId), 60_000);
    expect((await settled(wf, caseId)).stage).toBe('INTAKE_MISSED');
    const closed = await act(wf, caseId, 'recordFilingDecision', { decision: 'DECLINED' }, ACTORS.prosecutor);
    expect(closed).toMatchObject({ stage: 'CLOSED', outcome: 'CHARGES_DECLINED' });
    expect(await resultOf(caseId)).toMatchObject({ stage: 'CLOSED', outcome: 'CHARGES_DECLINED' });
  });
});

test('R-EXIT: consent rescinded after enrollment → exited, the PDA told, the place released; a closed case refuses actions', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf);
    expect((await enroll(caseId)).stage).toBe('ENROLLED');
    await wf.env.sleep(20 * DAY);
    const exited = await act(wf, caseId, 'rescindConsent');
    expect(exited).toMatchObject({ stage: 'EXITED', enrolled: false, exit: { reason: 'CONSENT_RESCINDED' } });
    expect(await resultOf(caseId)).toMatchObject({ stage: 'EXITED', outcome: 'EXITED' });
    expect(stubs.rulesOf(caseId, 'project_manager')).toEqual(['R-EXIT']);
    expect(stubs.callsOf('signalCapacity').map((c) => c.signal)).toEqual(['participantEnrolled', 'participantExited']);
    await expect(act(wf, caseId, 'recordIntake')).rejects.toBeInstanceOf(CaseNotRunningError);
  });
});

test('R-VICTIM: an objection on day 6 and charges filed → handed off to a linked social contact, the case closed', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf, arrestInput({ victimCrime: true, prosecutorOffice: 'BURIEN_CITY_ATTORNEY' }));
    await act(wf, caseId, 'recordScreening');
    await wf.env.sleep(6 * DAY);
    await act(wf, caseId, 'recordVictimObjection', { note: 'store manager objects' }, ACTORS.prosecutor);
    const filed = await act(wf, caseId, 'recordFilingDecision', { decision: 'FILED' }, ACTORS.prosecutor);
    expect(filed).toMatchObject({ stage: 'HANDED_OFF', outcome: 'HANDED_OFF_TO_SOCIAL_CONTACT' });
    expect(await resultOf(caseId)).toMatchObject({ stage: 'HANDED_OFF' });
    // R-VICTIM (Decision): the person continues where they had got to — screened, awaiting intake.
    expect(stubs.callsOf('openLinkedSocialContact')).toEqual([
      expect.objectContaining({
        fromReferralId: caseId,
        carriedOver: expect.objectContaining({ stage: 'AWAITING_INTAKE' }),
      }),
    ]);
    expect(stubs.eventsOf(caseId).map((e) => e.type)).toEqual(
      expect.arrayContaining(['HANDED_OFF_TO_SOCIAL_CONTACT', 'LINKED_SOCIAL_CONTACT_OPENED']),
    );
  });
});

test('R-VICTIM (Decision): an enrolled participant handed off keeps their place — it moves to the social contact, counted once', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf, arrestInput({ victimCrime: true }));
    await enroll(caseId);
    await wf.env.sleep(5 * DAY);
    await act(wf, caseId, 'recordVictimObjection', {}, ACTORS.prosecutor);
    await act(wf, caseId, 'recordFilingDecision', { decision: 'FILED' }, ACTORS.prosecutor);
    await resultOf(caseId);
    expect(stubs.callsOf('openLinkedSocialContact')[0].carriedOver?.stage).toBe('ENROLLED');
    expect(stubs.callsOf('signalCapacity').map((c) => [c.signal, c.toCaseId])).toEqual([
      ['participantEnrolled', undefined],
      ['participantTransferred', `${caseId}-SC`],
    ]);
  });
});

test('R-JURISDICTION: every office with jurisdiction over any offense gets the packet and every prosecutor notice', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const offices = ['KCPAO', 'BURIEN_CITY_ATTORNEY'];
    const caseId = await startArrest(wf, arrestInput({ prosecutorOffice: 'KCPAO', prosecutorOffices: offices }));
    await act(wf, caseId, 'recordLeftBeforeScreening');
    await settled(wf, caseId);
    for (const office of offices)
      expect(
        stubs
          .noticesOf(caseId, 'prosecutor')
          .filter((n) => n.recipient.role === 'prosecutor' && n.recipient.office === office)
          .map((n) => n.ruleId),
      ).toEqual(['R-PACKET', 'R-SCREEN']);
  });
});
