import type { Actor } from '../../src/shared/roles';
import {
  act,
  arrestInput,
  DAY,
  intakeDueAt,
  RecordingActivities,
  settled,
  sleepTo,
  startArrest,
  workflowEnvOfFile,
  withWorker,
} from '../support/workflow-env';

/**
 * Where the prosecutors meet the protocol (PROTOCOL.md, Decisions 2026-12-02): each office's own
 * filing decision (R-JURISDICTION), the screening's "not appropriate" (R-SCREEN), the packet review
 * and decisions outside the protocol's situations (R-PACKET), the objection's decision clock (R-VICTIM)
 * — on the real workflow code with stubbed activities.
 */
const wf = workflowEnvOfFile();

const county: Actor = { id: 'dpa-1', role: 'prosecutor', office: 'KCPAO' };
const city: Actor = { id: 'city-1', role: 'prosecutor', office: 'BURIEN_CITY_ATTORNEY' };
/** A VUCSA felony for the county prosecutor and a city trespass for the city attorney. */
const twoOffices = () => arrestInput({ prosecutorOffices: ['KCPAO', 'BURIEN_CITY_ATTORNEY'] });

async function missIntake(caseId: string) {
  await act(wf, caseId, 'recordScreening');
  await sleepTo(wf, await intakeDueAt(wf, caseId), 60_000);
  return settled(wf, caseId);
}

test('R-JURISDICTION: intake missed, the city attorney declines — the county prosecutor still decides, and its filing ends the diversion', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf, twoOffices());
    const missed = await missIntake(caseId);
    expect(missed).toMatchObject({ stage: 'INTAKE_MISSED', filingDecisionsOwedBy: ['KCPAO', 'BURIEN_CITY_ATTORNEY'] });

    const declined = await act(wf, caseId, 'recordFilingDecision', { decision: 'DECLINED' }, city);
    expect(declined).toMatchObject({ stage: 'INTAKE_MISSED', filingDecisionsOwedBy: ['KCPAO'] });
    expect(declined.filingDecisions).toEqual([
      expect.objectContaining({ office: 'BURIEN_CITY_ATTORNEY', decision: 'DECLINED', ruleId: 'R-MISSED', by: city }),
    ]);
    await expect(act(wf, caseId, 'recordFilingDecision', { decision: 'FILED' }, city)).rejects.toMatchObject({
      rejection: { code: 'RULE_CONFLICT', ruleId: 'R-MISSED' },
    });

    const filed = await act(wf, caseId, 'recordFilingDecision', { decision: 'FILED' }, county);
    expect(filed).toMatchObject({ stage: 'CLOSED', outcome: 'CHARGES_FILED', filingDecisionsOwedBy: [] });
    expect(filed.filingDecisions.map((d) => [d.office, d.decision])).toEqual([
      ['BURIEN_CITY_ATTORNEY', 'DECLINED'],
      ['KCPAO', 'FILED'],
    ]);
  });
});

test('R-JURISDICTION: charges declined only when every office owed a decision has declined', async () => {
  await withWorker(wf, new RecordingActivities(), async () => {
    const caseId = await startArrest(wf, twoOffices());
    await act(wf, caseId, 'recordLeftBeforeScreening');
    expect((await act(wf, caseId, 'recordFilingDecision', { decision: 'DECLINED' }, county)).stage).toBe(
      'LEFT_BEFORE_SCREENING',
    );
    const closed = await act(wf, caseId, 'recordFilingDecision', { decision: 'DECLINED' }, city);
    expect(closed).toMatchObject({ stage: 'CLOSED', outcome: 'CHARGES_DECLINED' });
  });
});

test('R-JURISDICTION: a prosecutor of an office without jurisdiction cannot decide', async () => {
  await withWorker(wf, new RecordingActivities(), async () => {
    const caseId = await startArrest(wf);
    await act(wf, caseId, 'recordLeftBeforeScreening');
    const other: Actor = { id: 'city-2', role: 'prosecutor', office: 'BURIEN_CITY_ATTORNEY' };
    await expect(act(wf, caseId, 'recordFilingDecision', { decision: 'FILED' }, other)).rejects.toMatchObject({
      rejection: { code: 'RULE_CONFLICT', ruleId: 'R-JURISDICTION' },
    });
  });
});

test('R-SCREEN: "not appropriate" with a reason → the sergeant and every office are told as for leaving; an office may file', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf, twoOffices());
    const out = await act(wf, caseId, 'recordScreenedOut', { reason: 'SAFETY_RISK', note: 'threatened staff' });
    expect(out).toMatchObject({
      stage: 'SCREENED_OUT',
      screenedOut: { reason: 'SAFETY_RISK' },
      filingDecisionOpenUnder: 'R-SCREEN',
      filingDecisionsOwedBy: ['KCPAO', 'BURIEN_CITY_ATTORNEY'],
    });
    await settled(wf, caseId);
    const told = stubs.noticesOf(caseId).filter((n) => n.kind === 'SCREENED_OUT');
    expect(told.map((n) => [n.ruleId, n.recipient])).toEqual([
      ['R-SCREEN', { role: 'sergeant', agency: 'BURIEN_PD' }],
      ['R-SCREEN', { role: 'prosecutor', office: 'KCPAO' }],
      ['R-SCREEN', { role: 'prosecutor', office: 'BURIEN_CITY_ATTORNEY' }],
    ]);
    // Screened out, the intake deadline no longer runs: nothing missed is ever owed.
    await wf.env.sleep(31 * DAY);
    expect(stubs.rulesOf(caseId)).not.toContain('R-MISSED');
    const filed = await act(wf, caseId, 'recordFilingDecision', { decision: 'FILED' }, county);
    expect(filed).toMatchObject({ stage: 'CLOSED', outcome: 'CHARGES_FILED' });
  });
});

test('R-PACKET: an office records its review; "does not meet the criteria" names the criterion and tells the sergeant', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf, twoOffices());
    await act(wf, caseId, 'recordPacketReview', { outcome: 'MEETS_CRITERIA' }, city);
    const reviewed = await act(
      wf,
      caseId,
      'recordPacketReview',
      { outcome: 'DOES_NOT_MEET_CRITERIA', criterion: 'R-EX-DRUG-AMOUNT', note: 'lab weight 9 g' },
      county,
    );
    expect(reviewed.packetReviews.map((r) => [r.office, r.outcome, r.criterion])).toEqual([
      ['BURIEN_CITY_ATTORNEY', 'MEETS_CRITERIA', undefined],
      ['KCPAO', 'DOES_NOT_MEET_CRITERIA', 'R-EX-DRUG-AMOUNT'],
    ]);
    await settled(wf, caseId);
    expect(stubs.noticesOf(caseId, 'sergeant').map((n) => n.kind)).toEqual(['PACKET_DOES_NOT_MEET_CRITERIA']);
    await expect(act(wf, caseId, 'recordPacketReview', { outcome: 'MEETS_CRITERIA' }, county)).rejects.toMatchObject({
      rejection: { code: 'RULE_CONFLICT', ruleId: 'R-PACKET' },
    });
    // The review is not a filing decision: the diversion goes on.
    expect(reviewed.stage).toBe('AWAITING_SCREENING');
  });
});

test('R-PACKET: a filing decision outside R-SCREEN, R-MISSED and R-VICTIM needs a reason and a confirmation, and tells the case manager and the sergeant', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf);
    await act(wf, caseId, 'recordScreening');
    await expect(
      act(wf, caseId, 'recordFilingDecision', { decision: 'FILED', reason: 'new evidence of dealing' }, county),
    ).rejects.toMatchObject({
      rejection: { code: 'INVALID_FIELD', field: 'confirmOutsideProtocol', ruleId: 'R-PACKET' },
    });
    const filed = await act(
      wf,
      caseId,
      'recordFilingDecision',
      { decision: 'FILED', reason: 'new evidence of dealing', confirmOutsideProtocol: true },
      county,
    );
    expect(filed).toMatchObject({ stage: 'CLOSED', outcome: 'CHARGES_FILED' });
    expect(filed.filingDecisions).toEqual([expect.objectContaining({ office: 'KCPAO', ruleId: 'R-PACKET' })]);
    await settled(wf, caseId);
    const outside = stubs.noticesOf(caseId).filter((n) => n.kind === 'FILED_OUTSIDE_PROTOCOL');
    expect(outside.map((n) => n.recipient.role)).toEqual(['case_manager', 'sergeant']);
    expect(stubs.noticesOf(caseId).some((n) => n.kind === 'CLOSED_BY_FILING_DECISION')).toBe(false);
  });
});

test('R-VICTIM clock: an objection on day 6 puts a decision on each office list, due in 14 days; undecided → stuck and the office that owes it reminded', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf, { ...twoOffices(), victimCrime: true });
    await act(wf, caseId, 'recordScreening');
    await wf.env.sleep(6 * DAY);
    const objected = await act(wf, caseId, 'recordVictimObjection', { note: 'store manager objects' }, county);
    const due = Date.parse(objected.victimObjectionAt!) + 14 * DAY;
    expect(objected.victimFilingDueAt).toBe(new Date(due).toISOString());
    expect(objected.filingDecisionsOwedBy).toEqual(['KCPAO', 'BURIEN_CITY_ATTORNEY']);
    await settled(wf, caseId);
    expect(stubs.noticesOf(caseId, 'prosecutor').filter((n) => n.kind === 'FILING_DECISION_DUE')).toHaveLength(2);

    await act(wf, caseId, 'recordFilingDecision', { decision: 'DECLINED' }, city);
    await wf.env.sleep(14 * DAY);
    const stuck = await settled(wf, caseId);
    expect(stuck.stuck.map((f) => [f.reason, f.ruleId])).toEqual([['VICTIM_FILING_DECISION_OVERDUE', 'R-VICTIM']]);
    const reminders = stubs.noticesOf(caseId).filter((n) => n.kind === 'FILING_DECISION_REMINDER');
    expect(reminders.map((n) => n.recipient)).toEqual([{ role: 'prosecutor', office: 'KCPAO' }]);

    // Until it is decided the case goes on as before; the decision clears the flag.
    expect(stuck.stage).toBe('AWAITING_INTAKE');
    const decided = await act(wf, caseId, 'recordFilingDecision', { decision: 'DECLINED' }, county);
    expect(decided.stuck).toEqual([]);
    expect(decided.deadlines.find((d) => d.name.includes('filing decision'))?.status).toBe('MET');
  });
});

test('R-JURISDICTION: an office filing on an enrolled participant outside the named situations ends the diversion and frees the place', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf);
    await act(wf, caseId, 'recordScreening');
    await act(wf, caseId, 'recordConsent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
    expect((await act(wf, caseId, 'recordIntake')).stage).toBe('ENROLLED');
    const filed = await act(
      wf,
      caseId,
      'recordFilingDecision',
      { decision: 'FILED', reason: 'a new felony charge in the same incident', confirmOutsideProtocol: true },
      county,
    );
    expect(filed).toMatchObject({ stage: 'CLOSED', outcome: 'CHARGES_FILED' });
    await settled(wf, caseId);
    expect(stubs.callsOf('signalCapacity').map((c) => [c.caseId, c.signal])).toEqual([
      [caseId, 'participantEnrolled'],
      [caseId, 'participantExited'],
    ]);
  });
});
