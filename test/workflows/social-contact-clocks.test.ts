import { placesOf, loadConfig } from '../../src/config/load-config';
import { waitFor } from '../support/wait-for';
import {
  act,
  ACTORS,
  DAY,
  RecordingActivities,
  settled,
  startSocial,
  workflowEnvOfFile,
  withWorker,
} from '../support/workflow-env';

/**
 * The social contact's clocks (PROTOCOL.md "Social contact: the process") on the real workflow code,
 * with the program's real capacity coordinator and every other activity stubbed: approval, a place,
 * contact, then the shared intake path, and a re-assessment every six months until enrolled.
 */
const wf = workflowEnvOfFile();

const PLACES = placesOf(loadConfig());
const stubs = () => new RecordingActivities().forwardCapacity(wf, PLACES);
const kinds = (s: RecordingActivities, caseId: string, role: string) =>
  s.noticesOf(caseId, role).map((n) => `${n.ruleId}:${n.kind}`);

/** A sergeant approves; the coordinator grants the place (R-SC-CAPACITY). */
async function approve(caseId: string) {
  await act(wf, caseId, 'decideApproval', { decision: 'APPROVE' }, ACTORS.sergeant);
  return waitFor(async () => {
    const view = await settled(wf, caseId);
    return view.stage === 'AWAITING_CONTACT' && view;
  }, `case ${caseId} to be granted its place`);
}

test('R-SC-PDA, R-SC-APPROVAL: the PDA is told of the referral and its approval; the sergeants are asked once', async () => {
  const s = stubs();
  await withWorker(wf, s, async () => {
    const caseId = await startSocial(wf);
    expect((await wf.cases.view(caseId)).stage).toBe('AWAITING_APPROVAL');
    await wf.env.sleep(3 * DAY);
    const approved = await approve(caseId);
    expect(approved.approval).toMatchObject({ decision: 'APPROVED', by: ACTORS.sergeant });
    expect(approved.capacity).toBe('GRANTED');
    expect(kinds(s, caseId, 'project_manager')).toEqual([
      'R-SC-PDA:SOCIAL_CONTACT_REFERRED',
      'R-SC-PDA:SOCIAL_CONTACT_APPROVED',
    ]);
    expect(kinds(s, caseId, 'sergeant')).toEqual(['R-SC-APPROVAL:APPROVAL_REQUESTED']);
  });
});

test('R-SC-APPROVAL (Decision): unreviewed after 7 days → stuck and the sergeants reminded; a denial closes it and tells the PDA', async () => {
  const s = stubs();
  await withWorker(wf, s, async () => {
    const caseId = await startSocial(wf);
    await wf.env.sleep(7 * DAY - 60_000);
    expect((await settled(wf, caseId)).stuck).toEqual([]);
    await wf.env.sleep('2 minutes');
    const overdue = await settled(wf, caseId);
    expect(overdue.stuck).toEqual([expect.objectContaining({ reason: 'APPROVAL_OVERDUE', ruleId: 'R-SC-APPROVAL' })]);
    expect(kinds(s, caseId, 'sergeant')).toEqual([
      'R-SC-APPROVAL:APPROVAL_REQUESTED',
      'R-SC-APPROVAL:APPROVAL_REMINDER',
    ]);
    const denied = await act(
      wf,
      caseId,
      'decideApproval',
      { decision: 'DENY', reason: 'not a current priority' },
      ACTORS.sergeant,
    );
    expect(denied).toMatchObject({ stage: 'DENIED', outcome: 'APPROVAL_DENIED', stuck: [] });
    expect(await wf.env.client.workflow.getHandle(caseId).result()).toMatchObject({ stage: 'DENIED' });
    expect(kinds(s, caseId, 'project_manager')).toEqual([
      'R-SC-PDA:SOCIAL_CONTACT_REFERRED',
      'R-SC-PDA:SOCIAL_CONTACT_DENIED',
    ]);
  });
});

test('R-SC-CONTACT: once found and willing, case management is called; no 30-day deadline; the shared intake path enrolls', async () => {
  const s = stubs();
  await withWorker(wf, s, async () => {
    const caseId = await startSocial(wf);
    await approve(caseId);
    await expect(act(wf, caseId, 'recordScreening')).rejects.toMatchObject({
      rejection: { code: 'STAGE_CONFLICT', stage: 'AWAITING_CONTACT' },
    });
    expect((await act(wf, caseId, 'recordContact', { willing: false }, ACTORS.officer)).stage).toBe('AWAITING_CONTACT');
    expect((await act(wf, caseId, 'recordContact', { willing: true }, ACTORS.officer)).stage).toBe(
      'AWAITING_SCREENING',
    );
    await settled(wf, caseId);
    expect(kinds(s, caseId, 'case_manager')).toEqual(['R-CALL:CASE_MANAGEMENT_CALLED']);
    await act(wf, caseId, 'recordScreening');
    await wf.env.sleep(45 * DAY);
    const waiting = await settled(wf, caseId);
    expect(waiting.stage).toBe('AWAITING_INTAKE');
    expect(waiting.deadlines.map((d) => d.ruleId)).not.toContain('R-INTAKE');
    await act(wf, caseId, 'recordConsent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
    expect(await act(wf, caseId, 'recordIntake')).toMatchObject({ stage: 'ENROLLED', capacity: 'PARTICIPANT' });
    await settled(wf, caseId);
    expect(kinds(s, caseId, 'project_manager').at(-1)).toBe('R-SC-PDA:SOCIAL_CONTACT_ENROLLED');
    expect(s.callsOf('signalCapacity').map((c) => c.signal)).toEqual(['placeRequested', 'participantEnrolled']);
  });
});

describe('R-SC-REASSESS', () => {
  const sixMonthsAfter = (iso: string) => {
    const d = new Date(iso);
    d.setUTCMonth(d.getUTCMonth() + 6);
    return d.getTime();
  };

  test('approved, not enrolled → re-assessment at six months and not a day before; renewed → six months later; closed → the PDA told', async () => {
    const s = stubs();
    await withWorker(wf, s, async () => {
      const caseId = await startSocial(wf);
      const approved = await approve(caseId);
      const dueAt = Date.parse(approved.approvalValidUntil!);
      expect(dueAt).toBe(sixMonthsAfter(approved.approval!.at));
      await wf.env.sleep(dueAt - Date.parse(approved.approval!.at) - DAY);
      expect((await settled(wf, caseId)).reassessmentDue).toBe(false);
      await wf.env.sleep(DAY + 60_000);
      const due = await settled(wf, caseId);
      expect(due.stuck).toEqual([expect.objectContaining({ reason: 'REASSESSMENT_DUE', ruleId: 'R-SC-REASSESS' })]);
      expect(
        s
          .noticesOf(caseId)
          .filter((n) => n.ruleId === 'R-SC-REASSESS')
          .map((n) => n.recipient.role),
      ).toEqual(['sergeant', 'project_manager']);

      const renewed = await act(
        wf,
        caseId,
        'decideReassessment',
        { decision: 'RENEW', reason: 'outreach ongoing' },
        ACTORS.sergeant,
      );
      expect(renewed.reassessmentDue).toBe(false);
      const renewedAt = renewed.renewals[0].at;
      expect(Date.parse(renewed.approvalValidUntil!)).toBe(sixMonthsAfter(renewedAt));
      await settled(wf, caseId);
      await wf.env.sleep(Date.parse(renewed.approvalValidUntil!) - Date.parse(renewedAt) - DAY);
      expect((await settled(wf, caseId)).reassessmentDue).toBe(false);
      await wf.env.sleep(DAY + 60_000);
      expect((await settled(wf, caseId)).reassessmentDue).toBe(true);
      expect(s.rulesOf(caseId, 'sergeant').filter((r) => r === 'R-SC-REASSESS')).toHaveLength(2);

      const closed = await act(
        wf,
        caseId,
        'decideReassessment',
        { decision: 'CLOSE', reason: 'not located for a year' },
        ACTORS.sergeant,
      );
      expect(closed).toMatchObject({ stage: 'CLOSED', outcome: 'CLOSED_AT_REASSESSMENT' });
      await wf.env.client.workflow.getHandle(caseId).result();
      expect(kinds(s, caseId, 'project_manager').at(-1)).toBe('R-SC-PDA:SOCIAL_CONTACT_CLOSED');
      expect(s.callsOf('signalCapacity').map((c) => c.signal)).toEqual(['placeRequested', 'placeReleased']);
    });
  });

  test('enrolled before six months → no re-assessment, and none can be decided', async () => {
    const s = stubs();
    await withWorker(wf, s, async () => {
      const caseId = await startSocial(wf);
      await approve(caseId);
      await act(wf, caseId, 'recordContact', { willing: true }, ACTORS.officer);
      await act(wf, caseId, 'recordScreening');
      await act(wf, caseId, 'recordConsent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
      await wf.env.sleep(60 * DAY);
      expect((await act(wf, caseId, 'recordIntake')).stage).toBe('ENROLLED');
      await settled(wf, caseId);
      await wf.env.sleep(200 * DAY);
      expect((await settled(wf, caseId)).reassessmentDue).toBe(false);
      expect(s.rulesOf(caseId)).not.toContain('R-SC-REASSESS');
      await expect(
        act(wf, caseId, 'decideReassessment', { decision: 'RENEW', reason: 'nothing due' }, ACTORS.sergeant),
      ).rejects.toMatchObject({ rejection: { code: 'RULE_CONFLICT', ruleId: 'R-SC-REASSESS' } });
    });
  });
});
