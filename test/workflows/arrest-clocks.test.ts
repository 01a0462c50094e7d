import { waitFor } from '../support/wait-for';
import { intakeDeadlineFrom } from '../../src/case/intake-deadline';
import {
  act,
  ACTORS,
  arrestInput,
  DAY,
  DEFAULT_POLICY,
  HOUR,
  intakeDueAt,
  RecordingActivities,
  settled,
  sleepTo,
  startArrest,
  workflowEnvOfFile,
  withWorker,
} from '../support/workflow-env';

/**
 * The arrest diversion's clocks (PROTOCOL.md "Arrest diversion: the process"), on the real workflow
 * code with stubbed activities: each rule's timer fires when it should and not before, and owes exactly
 * the notices the rule names. Time jumps are global to the test server: every assertion looks at one case.
 */
const wf = workflowEnvOfFile();

const deadline = (view: { deadlines: Array<{ ruleId: string; dueAt: string; status: string }> }, ruleId: string) =>
  view.deadlines.find((d) => d.ruleId === ruleId);

test('R-CALL, R-PACKET: a referral calls case management and sends the packet; every clock runs from the referral', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf, arrestInput({ victimCrime: true }));
    const view = await wf.cases.view(caseId);
    expect(view.stage).toBe('AWAITING_SCREENING');
    expect(stubs.noticesOf(caseId).map((n) => [n.ruleId, n.recipient])).toEqual([
      ['R-CALL', { role: 'case_manager' }],
      ['R-PACKET', { role: 'prosecutor', office: 'KCPAO' }],
    ]);
    const referredAt = Date.parse(view.referredAt);
    expect(Object.fromEntries(view.deadlines.map((d) => [d.ruleId, Date.parse(d.dueAt) - referredAt]))).toEqual({
      'R-SCREEN': 4 * HOUR,
      'R-SCENE': 12 * HOUR,
      'R-VICTIM': 7 * DAY,
      'R-INTAKE': Date.parse(intakeDeadlineFrom(referredAt, DEFAULT_POLICY)) - referredAt,
    });
    expect(stubs.eventsOf(caseId).map((e) => e.type)).toEqual(['REFERRAL_RECEIVED', 'NOTICE_SENT', 'NOTICE_SENT']);
  });
});

test('R-SCREEN (Decision): unscreened at 4 h → stuck and case management reminded, not a minute before; a screened case never is', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const unscreened = await startArrest(wf);
    const screened = await startArrest(wf);
    await act(wf, screened, 'recordScreening');
    await wf.env.sleep(4 * HOUR - 60_000);
    expect((await settled(wf, unscreened)).stuck).toEqual([]);
    await wf.env.sleep('2 minutes');
    const view = await settled(wf, unscreened);
    expect(view.stuck).toEqual([expect.objectContaining({ reason: 'SCREENING_OVERDUE', ruleId: 'R-SCREEN' })]);
    expect(deadline(view, 'R-SCREEN')?.status).toBe('OVERDUE');
    expect(stubs.rulesOf(unscreened, 'case_manager')).toEqual(['R-CALL', 'R-SCREEN']);
    expect((await settled(wf, screened)).stuck).toEqual([]);
    expect(stubs.rulesOf(screened)).toEqual(['R-CALL', 'R-PACKET']);
  });
});

test('R-SCENE: the window ends at 12 h; a return seen at 11 h alerts the sergeant, one seen at 13 h does not', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf);
    const referredAt = Date.parse((await wf.cases.view(caseId)).referredAt);
    await wf.env.sleep(11 * HOUR);
    const early = await act(wf, caseId, 'reportReturnToScene', {}, ACTORS.officer);
    expect(deadline(early, 'R-SCENE')?.status).toBe('OPEN');
    await settled(wf, caseId);
    expect(stubs.rulesOf(caseId, 'sergeant')).toEqual(['R-SCENE']);
    await wf.env.sleep(2 * HOUR);
    const ended = await settled(wf, caseId);
    expect(deadline(ended, 'R-SCENE')?.status).toBe('ENDED');
    expect(stubs.eventsOf(caseId).find((e) => e.type === 'SCENE_WINDOW_ENDED')?.ruleId).toBe('R-SCENE');
    const late = new Date(referredAt + 13 * HOUR).toISOString();
    await act(wf, caseId, 'reportReturnToScene', { observedAt: late }, ACTORS.officer);
    await settled(wf, caseId);
    expect(stubs.rulesOf(caseId, 'sergeant')).toEqual(['R-SCENE']);
  });
});

test('R-VICTIM: the objection window closes after 7 days; an objection on day 6 is recorded, one on day 8 refused', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const objected = await startArrest(wf, arrestInput({ victimCrime: true }));
    const late = await startArrest(wf, arrestInput({ victimCrime: true }));
    await wf.env.sleep(6 * DAY);
    expect((await act(wf, objected, 'recordVictimObjection', {}, ACTORS.prosecutor)).victimObjectionAt).toBeDefined();
    await wf.env.sleep(2 * DAY);
    const closed = await settled(wf, late);
    expect(deadline(closed, 'R-VICTIM')?.status).toBe('ENDED');
    await expect(act(wf, late, 'recordVictimObjection', {}, ACTORS.prosecutor)).rejects.toMatchObject({
      rejection: { code: 'RULE_CONFLICT', ruleId: 'R-VICTIM' },
    });
    expect(deadline(await settled(wf, objected), 'R-VICTIM')?.status).toBe('MET');
  });
});

test('R-INTAKE: an extension moves the deadline — nothing at day 30, the intake on day 35 enrolls, no notice is owed', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf);
    const referredAt = Date.parse((await wf.cases.view(caseId)).referredAt);
    await act(wf, caseId, 'recordScreening');
    await act(wf, caseId, 'recordConsent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
    await wf.env.sleep(25 * DAY);
    const newDueAt = new Date(referredAt + 40 * DAY).toISOString();
    const extended = await act(
      wf,
      caseId,
      'extendIntakeDeadline',
      { newDueAt, reason: 'hospitalised' },
      ACTORS.sergeant,
    );
    expect(deadline(extended, 'R-INTAKE')?.dueAt).toBe(newDueAt);
    await wf.env.sleep(6 * DAY);
    expect((await settled(wf, caseId)).stage).toBe('AWAITING_INTAKE');
    await wf.env.sleep(4 * DAY);
    expect((await act(wf, caseId, 'recordIntake')).stage).toBe('ENROLLED');
    await wf.env.sleep(6 * DAY);
    const view = await settled(wf, caseId);
    expect(deadline(view, 'R-INTAKE')?.status).toBe('MET');
    expect(stubs.rulesOf(caseId)).toEqual(['R-CALL', 'R-PACKET']);
  });
});

test.each([
  ['a felony', 'KCPAO'],
  ['a city misdemeanor', 'BURIEN_CITY_ATTORNEY'],
])(
  'R-MISSED: no intake by day 30 (%s) → the office with jurisdiction and the sergeant are told once, at the deadline',
  async (_what, office) => {
    const stubs = new RecordingActivities();
    await withWorker(wf, stubs, async () => {
      const caseId = await startArrest(wf, arrestInput({ prosecutorOffice: office }));
      await act(wf, caseId, 'recordScreening');
      const due = await intakeDueAt(wf, caseId);
      await sleepTo(wf, due, -60_000);
      expect((await settled(wf, caseId)).stage).toBe('AWAITING_INTAKE');
      await wf.env.sleep('2 minutes');
      const view = await settled(wf, caseId);
      expect(view.stage).toBe('INTAKE_MISSED');
      expect(deadline(view, 'R-INTAKE')?.status).toBe('MISSED');
      expect(deadline(view, 'R-MISSED')?.status).toBe('MET');
      expect(stubs.noticesOf(caseId).map((n) => [n.ruleId, n.recipient])).toEqual([
        ['R-CALL', { role: 'case_manager' }],
        ['R-PACKET', { role: 'prosecutor', office }],
        ['R-MISSED', { role: 'prosecutor', office }],
        ['R-MISSED', { role: 'sergeant', agency: 'BURIEN_PD' }],
      ]);
      await wf.env.sleep(8 * DAY);
      expect((await settled(wf, caseId)).stuck).toEqual([]);
      expect(stubs.rulesOf(caseId)).toEqual(['R-CALL', 'R-PACKET', 'R-MISSED', 'R-MISSED']);
    });
  },
);

test('R-MISSED (Decision): a missed-intake notice undelivered within the confirmation window → stuck; delivered once when delivery returns', async () => {
  const stubs = new RecordingActivities();
  // A one-hour window (7 days by default, src/config): every retry of the notice is a workflow timer,
  // and a week of them would be a thousand workflow tasks of the same rule.
  const policy = { ...DEFAULT_POLICY, missedNoticeConfirmWithinMs: HOUR };
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf, arrestInput({ policy }));
    await act(wf, caseId, 'recordScreening');
    stubs.failDelivery = (n) => n.ruleId === 'R-MISSED';
    await sleepTo(wf, await intakeDueAt(wf, caseId), 1000);
    // The timer has fired once time passed it; its workflow task may still be running (a loaded machine).
    const missed = await waitFor(async () => {
      const view = await wf.cases.view(caseId);
      return view.stage === 'INTAKE_MISSED' ? view : undefined;
    }, 'the missed intake (R-INTAKE) to be recorded');
    expect(missed.stage).toBe('INTAKE_MISSED');
    expect(missed.stuck).toEqual([]);
    await wf.env.sleep(HOUR);
    const stuck = await wf.cases.view(caseId);
    expect(stuck.stuck).toEqual([expect.objectContaining({ reason: 'MISSED_NOTICE_UNCONFIRMED', ruleId: 'R-MISSED' })]);
    expect(deadline(stuck, 'R-MISSED')?.status).toBe('OVERDUE');
    expect(stubs.rulesOf(caseId)).toEqual(['R-CALL', 'R-PACKET']);
    stubs.failDelivery = () => false;
    await wf.env.sleep('10 minutes'); // the notice's retries back off to every 10 minutes
    const view = await settled(wf, caseId);
    expect(deadline(view, 'R-MISSED')?.status).toBe('MET');
    expect(stubs.rulesOf(caseId)).toEqual(['R-CALL', 'R-PACKET', 'R-MISSED', 'R-MISSED']);
  });
});

test('R-EL-OVERRIDE (Decision): unreviewed for 24 h → stuck and the sergeants reminded; approved, the intake deadline counts from the approval', async () => {
  const stubs = new RecordingActivities();
  const override = { overrideRequest: { reason: 'known to outreach', ruleIds: ['R-EX-HISTORY'] } };
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf, arrestInput(override));
    const requested = await wf.cases.view(caseId);
    expect(requested.stage).toBe('OVERRIDE_REQUESTED');
    expect(stubs.rulesOf(caseId)).toEqual(['R-EL-OVERRIDE']);
    await wf.env.sleep(24 * HOUR - 60_000);
    expect((await settled(wf, caseId)).stuck).toEqual([]);
    await wf.env.sleep('2 minutes');
    const overdue = await settled(wf, caseId);
    expect(overdue.stuck).toEqual([expect.objectContaining({ reason: 'OVERRIDE_OVERDUE', ruleId: 'R-EL-OVERRIDE' })]);
    expect(stubs.noticesOf(caseId).map((n) => [n.ruleId, n.kind, n.recipient.role])).toEqual([
      ['R-EL-OVERRIDE', 'OVERRIDE_REQUESTED', 'sergeant'],
      ['R-EL-OVERRIDE', 'OVERRIDE_REMINDER', 'sergeant'],
    ]);
    await wf.env.sleep(2 * DAY);
    const approved = await act(
      wf,
      caseId,
      'decideOverride',
      { decision: 'APPROVE', reason: 'amenable' },
      ACTORS.sergeant,
    );
    expect(approved.stage).toBe('AWAITING_SCREENING');
    const approvedAt = Date.parse(approved.override!.decidedAt!);
    expect(deadline(approved, 'R-INTAKE')!.dueAt).toBe(intakeDeadlineFrom(approvedAt, DEFAULT_POLICY));
    await settled(wf, caseId);
    expect(stubs.rulesOf(caseId).slice(2)).toEqual(['R-CALL', 'R-PACKET']);
  });
});

test('R-EL-WARRANT (Decision): a DOC NCI referral undecided for 24 h → stuck and the NCI team reminded; referred, its clocks start then', async () => {
  const stubs = new RecordingActivities();
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf, arrestInput({ docNciReview: true }));
    const waiting = await wf.cases.view(caseId);
    expect(waiting.stage).toBe('AWAITING_NCI_DECISION');
    expect(waiting.deadlines.map((d) => d.ruleId)).toEqual(['R-EL-WARRANT']);
    await wf.env.sleep(24 * HOUR - 60_000);
    expect((await settled(wf, caseId)).stuck).toEqual([]);
    await wf.env.sleep('2 minutes');
    const overdue = await settled(wf, caseId);
    expect(overdue.stuck).toEqual([
      expect.objectContaining({ reason: 'NCI_DECISION_OVERDUE', ruleId: 'R-EL-WARRANT' }),
    ]);
    expect(stubs.noticesOf(caseId).map((n) => [n.kind, n.recipient.role])).toEqual([
      ['NCI_REVIEW_REQUESTED', 'doc_nci'],
      ['NCI_REVIEW_REMINDER', 'doc_nci'],
    ]);
    await wf.env.sleep(3 * DAY);
    const referred = await act(wf, caseId, 'decideNciReferral', { decision: 'REFER' }, ACTORS.docNci);
    const referredAt = Date.parse(referred.nci!.decidedAt!);
    expect(Date.parse(deadline(referred, 'R-SCREEN')!.dueAt) - referredAt).toBe(4 * HOUR);
    expect(deadline(referred, 'R-INTAKE')!.dueAt).toBe(intakeDeadlineFrom(referredAt, DEFAULT_POLICY));
    await settled(wf, caseId);
    expect(stubs.rulesOf(caseId)).toEqual(['R-EL-WARRANT', 'R-EL-WARRANT', 'R-CALL', 'R-PACKET']);
  });
});

test('R-EL-WARRANT (Decision 2026-12-02): NCI first — an override request waits for the NCI referral, and only then goes to the sergeant with its 24-h clock', async () => {
  const stubs = new RecordingActivities();
  const override = { overrideRequest: { reason: 'known to outreach', ruleIds: ['R-EX-HISTORY-10Y'] } };
  await withWorker(wf, stubs, async () => {
    const caseId = await startArrest(wf, arrestInput({ ...override, docNciReview: true, victimCrime: true }));
    const waiting = await wf.cases.view(caseId);
    expect(waiting.stage).toBe('AWAITING_NCI_DECISION');
    await expect(
      act(wf, caseId, 'decideOverride', { decision: 'APPROVE', reason: 'amenable' }, ACTORS.sergeant),
    ).rejects.toMatchObject({ rejection: { code: 'STAGE_CONFLICT', ruleId: 'R-EL-OVERRIDE' } });
    await wf.env.sleep(2 * DAY);
    expect(stubs.noticesOf(caseId).map((n) => [n.kind, n.recipient.role])).toEqual([
      ['NCI_REVIEW_REQUESTED', 'doc_nci'],
      ['NCI_REVIEW_REMINDER', 'doc_nci'],
    ]);
    const referred = await act(wf, caseId, 'decideNciReferral', { decision: 'REFER' }, ACTORS.docNci);
    expect(referred.stage).toBe('OVERRIDE_REQUESTED');
    const referredAt = Date.parse(referred.nci!.decidedAt!);
    expect(Date.parse(deadline(referred, 'R-EL-OVERRIDE')!.dueAt) - referredAt).toBe(24 * HOUR);
    expect(deadline(referred, 'R-VICTIM')).toBeDefined();
    await wf.env.sleep(24 * HOUR + 60_000);
    const overdue = await settled(wf, caseId);
    expect(overdue.stuck.map((f) => f.reason)).toEqual(['OVERRIDE_OVERDUE']);
    expect(
      stubs
        .noticesOf(caseId)
        .slice(2)
        .map((n) => [n.kind, n.recipient.role]),
    ).toEqual([
      ['OVERRIDE_REQUESTED', 'sergeant'],
      ['OVERRIDE_REMINDER', 'sergeant'],
    ]);
    const approved = await act(
      wf,
      caseId,
      'decideOverride',
      { decision: 'APPROVE', reason: 'amenable' },
      ACTORS.sergeant,
    );
    expect(approved.stage).toBe('AWAITING_SCREENING');
    await settled(wf, caseId);
    expect(stubs.rulesOf(caseId).slice(4)).toEqual(['R-CALL', 'R-PACKET']);
  });
});

test('R-INTAKE (Decision 2026-12-02): the intake is booked or moved any time before intake, never past the deadline', async () => {
  await withWorker(wf, new RecordingActivities(), async () => {
    const caseId = await startArrest(wf);
    const now = await wf.env.currentTimeMs();
    const screened = await act(wf, caseId, 'recordScreening', {
      intakeScheduledFor: new Date(now + DAY).toISOString(),
    });
    const moved = new Date(now + 5 * DAY).toISOString();
    expect((await act(wf, caseId, 'scheduleIntake', { intakeScheduledFor: moved })).intakeScheduledFor).toBe(moved);
    const pastDeadline = new Date(Date.parse(deadline(screened, 'R-INTAKE')!.dueAt) + HOUR).toISOString();
    await expect(act(wf, caseId, 'scheduleIntake', { intakeScheduledFor: pastDeadline })).rejects.toMatchObject({
      rejection: { code: 'INVALID_FIELD', field: 'intakeScheduledFor', ruleId: 'R-INTAKE' },
    });
    await act(wf, caseId, 'recordConsent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
    expect((await act(wf, caseId, 'recordIntake')).stage).toBe('ENROLLED');
    await expect(
      act(wf, caseId, 'scheduleIntake', { intakeScheduledFor: new Date(now + 2 * DAY).toISOString() }),
    ).rejects.toMatchObject({ rejection: { code: 'STAGE_CONFLICT', ruleId: 'R-INTAKE' } });
  });
});
