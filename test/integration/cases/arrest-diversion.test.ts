import { casePolicyOf, loadConfig } from '../../../src/config/load-config';
import { intakeDeadlineFrom } from '../../../src/case/intake-deadline';
import { apiAs, expectStatus } from '../../support/api-client';
import { fullRecord, mailFor, readCase, ruleOf, settled, sleepTo, submitArrest } from '../../support/case-helpers';
import {
  arrestReferral,
  BURIEN_SERGEANTS,
  CITY_ATTORNEY,
  COUNTY_PROSECUTOR,
  ON_CALL_CASE_MANAGERS,
  PROJECT_MANAGER,
} from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * The arrest diversion where its parts meet: HTTP API → Temporal (time-skipping) → activities →
 * PostgreSQL and a real SMTP receiver — the addresses notices go to, what the database records, how a
 * refusal reaches the caller, the social contact a hand-off opens. Each rule's clock is tested on the
 * workflow itself (test/workflows/arrest-*.test.ts). Time jumps are global to the test server, so every
 * assertion looks at one case's mail only.
 */
let stack: TestStack;
let caseManager: ReturnType<typeof apiAs>;
let prosecutor: ReturnType<typeof apiAs>;

beforeAll(async () => {
  stack = await startTestStack();
  caseManager = apiAs(stack.baseUrl, 'case_manager');
  prosecutor = apiAs(stack.baseUrl, 'prosecutor');
});
afterAll(async () => {
  await stack?.stop();
});

const felony = () => arrestReferral();
const cityMisdemeanor = () =>
  arrestReferral({
    offenses: [{ code: 'CRIMINAL_TRESPASS', level: 'MISDEMEANOR' }],
    incident: { withinCityLimits: true },
    victim: { identifiable: false },
  });

test('R-CALL, R-PACKET: a referral calls case management and sends the packet to the office with jurisdiction', async () => {
  const caseId = await submitArrest(stack, felony());
  const view = await readCase(stack, caseId);
  expect(view.stage).toBe('AWAITING_SCREENING');
  expect(mailFor(stack, caseId, ON_CALL_CASE_MANAGERS).map(ruleOf)).toEqual(['R-CALL']);
  expect(mailFor(stack, caseId, COUNTY_PROSECUTOR).map(ruleOf)).toEqual(['R-PACKET']);
  const intake = view.deadlines.find((d: { ruleId: string }) => d.ruleId === 'R-INTAKE');
  // R-INTAKE (Decision 2026-12-02): the referral's local date + 30 days, end of that day in the program's time zone.
  const referredAt = new Date(view.referredAt);
  expect(intake?.dueAt).toBe(intakeDeadlineFrom(referredAt.getTime(), casePolicyOf(loadConfig(), referredAt)));
});

test("R-INTAKE (Decision 2026-12-02): every clock counts from the moment the API accepted the referral — the officer's answer and the running case agree to the millisecond", async () => {
  const answer = await apiAs(stack.baseUrl, 'officer').post('/api/referrals/arrest-diversions', felony());
  expectStatus(answer, 201);
  const view = await settled(stack, answer.body.caseId);
  expect(view.referredAt).toBe(answer.body.case?.referredAt);
  const clocks = (c: { deadlines: Array<{ ruleId: string; dueAt: string }> }) =>
    Object.fromEntries(c.deadlines.map((d) => [d.ruleId, d.dueAt]));
  expect(clocks(view)).toEqual(clocks(answer.body.case!));
});

test.each([['a city misdemeanor', cityMisdemeanor, CITY_ATTORNEY, 'BURIEN_CITY_ATTORNEY']])(
  'R-MISSED: screened but no intake by day 30 (%s) → one notice to the office with jurisdiction, sergeant told',
  async (_what, body, office, officeCode) => {
    const caseId = await submitArrest(stack, body());
    expect((await caseManager.act(caseId, 'screening')).status).toBe(200);
    await settled(stack, caseId);
    await stack.env.sleep('29 days');
    expect(mailFor(stack, caseId, office).map(ruleOf)).toEqual(['R-PACKET']);
    const due = (await readCase(stack, caseId)).deadlines.find(
      (d: { ruleId: string }) => d.ruleId === 'R-INTAKE',
    )!.dueAt;
    await sleepTo(stack, due, 60_000);
    const view = await settled(stack, caseId);
    expect(view.stage).toBe('INTAKE_MISSED');
    expect(view.prosecutorOffice).toBe(officeCode);
    expect(mailFor(stack, caseId, office).map(ruleOf)).toEqual(['R-PACKET', 'R-MISSED']);
    expect(mailFor(stack, caseId, BURIEN_SERGEANTS).map(ruleOf)).toEqual(['R-MISSED']);
    const other = office === COUNTY_PROSECUTOR ? CITY_ATTORNEY : COUNTY_PROSECUTOR;
    expect(mailFor(stack, caseId, other)).toHaveLength(0);
    expect(view.deadlines.find((d: { ruleId: string }) => d.ruleId === 'R-MISSED')?.status).toBe('MET');
    // Nothing more is sent later, and the database shows the same.
    await stack.env.sleep('8 days');
    const later = await settled(stack, caseId);
    expect(later.stuck).toEqual([]);
    expect(mailFor(stack, caseId, office)).toHaveLength(2);
    const rows = await stack.db.notification.findMany({ where: { referralId: caseId, kind: 'INTAKE_MISSED' } });
    expect(rows.map((r) => [r.recipientRole, r.status])).toEqual(
      expect.arrayContaining([
        ['prosecutor', 'SENT'],
        ['sergeant', 'SENT'],
      ]),
    );
    expect((await stack.db.referral.findUniqueOrThrow({ where: { id: caseId } })).stage).toBe('INTAKE_MISSED');
  },
);

test('R-CONSENT: intake before consent is refused (409 naming R-CONSENT); consent and intake in the same visit enroll', async () => {
  const caseId = await submitArrest(stack, felony());
  await caseManager.actOk(caseId, 'screening');
  await stack.env.sleep('2 days');
  const early = await caseManager.act(caseId, 'intake');
  expectStatus(early, 409);
  expect(early.body.error).toMatchObject({ code: 'RULE_CONFLICT', ruleId: 'R-CONSENT', stage: 'AWAITING_INTAKE' });
  expect(early.body.error.message).toMatch(/before consent/);
  expect((await readCase(stack, caseId)).intakeCompletedAt).toBeUndefined();
  const consent = await caseManager.actOk(caseId, 'consent', {
    method: 'WRITTEN',
    covers: { staffing: true, providers: [] },
  });
  expect(consent.body.case.stage).toBe('AWAITING_INTAKE');
  const intake = await caseManager.actOk(caseId, 'intake');
  expect(intake.body.case.stage).toBe('ENROLLED');
  expect(intake.body.case.events.map((e: { type: string }) => e.type).slice(-3)).toEqual([
    'CONSENT_GIVEN',
    'INTAKE_COMPLETED',
    'ENROLLED',
  ]);
});

test('R-CONSENT (Decision 2026-12-02): intake needs a release covering staffing; each amendment is a new version that every read follows, never an exit', async () => {
  const caseId = await submitArrest(stack, felony());
  const sergeant = apiAs(stack.baseUrl, 'sergeant');
  await caseManager.actOk(caseId, 'screening');
  await caseManager.actOk(caseId, 'consent', { method: 'WRITTEN', covers: { staffing: false, providers: [] } });
  const refused = await caseManager.act(caseId, 'intake');
  expectStatus(refused, 409);
  expect(refused.body.error).toMatchObject({ code: 'RULE_CONFLICT', ruleId: 'R-CONSENT' });
  expect(refused.body.error.message).toMatch(/does not cover staffing/);

  const widened = await caseManager.act(caseId, 'consent/amendments', {
    method: 'VERBAL_MEMORIALIZED',
    memorializedBy: 'Ofc. Reyes',
    covers: { staffing: true, providers: ['Valley Cities'] },
  });
  expectStatus(widened, 200);
  expect(fullRecord(widened.body).release).toMatchObject({ version: 2, coversStaffing: true, inForce: true });
  expect((await caseManager.actOk(caseId, 'intake')).body.case.stage).toBe('ENROLLED');
  // The sergeant reads the progress summary under version 2, and the disclosure names that version.
  const underTwo = await sergeant.getOk(`/api/cases/${caseId}`);
  expect(underTwo.body.caseManagement?.level).toBe('SUMMARY');
  const disclosed = await stack.db.disclosure.findMany({ where: { caseId, actorRole: 'sergeant' } });
  expect(disclosed.at(-1)?.basis).toMatch(/release of information .* \(version 2\)/);

  // Narrowed: still a participant; from the next read on the sergeant sees the status only.
  const narrowed = await caseManager.actOk(caseId, 'consent/amendments', {
    method: 'WRITTEN',
    covers: { staffing: false, providers: ['Valley Cities'] },
    note: 'no longer wants the partners to discuss the case',
  });
  expect(narrowed.body.case.stage).toBe('ENROLLED');
  expect((await sergeant.getOk(`/api/cases/${caseId}`)).body.caseManagement).toBeNull();
  const stored = await stack.db.releaseOfInformation.findFirstOrThrow({
    where: { referralId: caseId },
    include: { versions: { orderBy: { version: 'asc' } } },
  });
  expect(stored).toMatchObject({ version: 3, coversStaffing: false, rescindedAt: null });
  expect(stored.versions.map((v) => [v.version, v.method, v.coversStaffing, v.providers])).toEqual([
    [1, 'WRITTEN', false, []],
    [2, 'VERBAL_MEMORIALIZED', true, ['Valley Cities']],
    [3, 'WRITTEN', false, ['Valley Cities']],
  ]);
  const unchanged = await caseManager.act(caseId, 'consent/amendments', {
    method: 'WRITTEN',
    covers: { staffing: false, providers: ['valley cities'] },
  });
  expectStatus(unchanged, 409);
  expect(unchanged.body.error).toMatchObject({ ruleId: 'R-CONSENT' });
});

test('R-SCREEN: left before screening → sergeant and prosecutor notified at once', async () => {
  const caseId = await submitArrest(stack, felony());
  const res = await caseManager.act(caseId, 'left-before-screening', {
    note: 'walked away before the outreach worker arrived',
  });
  expectStatus(res, 200);
  expect(res.body.case.stage).toBe('LEFT_BEFORE_SCREENING');
  await settled(stack, caseId);
  expect(mailFor(stack, caseId, BURIEN_SERGEANTS).map(ruleOf)).toEqual(['R-SCREEN']);
  expect(mailFor(stack, caseId, COUNTY_PROSECUTOR).map(ruleOf)).toEqual(['R-PACKET', 'R-SCREEN']);
  // Screening can no longer be recorded; the prosecutor decides.
  const late = await caseManager.act(caseId, 'screening');
  expectStatus(late, 409);
  expect(late.body.error).toMatchObject({ code: 'STAGE_CONFLICT', stage: 'LEFT_BEFORE_SCREENING', ruleId: 'R-SCREEN' });
  const decided = await prosecutor.actOk(caseId, 'filing-decision', { decision: 'FILED' });
  expect(decided.body.case).toMatchObject({ stage: 'CLOSED', outcome: 'CHARGES_FILED' });
});

test('R-VICTIM: objection on day 6 and charges filed → hand-off; day 8 is late (409), and without an objection there is no filing decision', async () => {
  const victimCase = () =>
    arrestReferral({ offenses: [{ code: 'THEFT_MISDEMEANOR' }], victim: { identifiable: true, consulted: true } });
  // City misdemeanors go to the city attorney (R-JURISDICTION), whose prosecutors alone see them.
  const prosecutor = apiAs(stack.baseUrl, 'prosecutor', 'city-attorney-1', { office: 'BURIEN_CITY_ATTORNEY' });
  const timely = await submitArrest(stack, victimCase());
  const late = await submitArrest(stack, victimCase());
  await caseManager.actOk(timely, 'screening');
  await stack.env.sleep('6 days');
  const objection = await prosecutor.act(timely, 'victim-objection', { note: 'store manager objects' });
  expect(objection.status).toBe(200);
  const filed = await prosecutor.act(timely, 'filing-decision', { decision: 'FILED' });
  expectStatus(filed, 200);
  expect(filed.body.case).toMatchObject({
    stage: 'HANDED_OFF',
    outcome: 'HANDED_OFF_TO_SOCIAL_CONTACT',
    handOff: { to: 'SOCIAL_CONTACT' },
  });
  const handOff = await settled(stack, timely);
  expect(handOff.events.map((e: { type: string }) => e.type)).toEqual(
    expect.arrayContaining(['VICTIM_OBJECTION_RECORDED', 'FILING_DECISION_RECORDED', 'HANDED_OFF_TO_SOCIAL_CONTACT']),
  );
  const rows = await stack.db.caseEvent.findMany({
    where: { referralId: timely, type: 'HANDED_OFF_TO_SOCIAL_CONTACT' },
  });
  expect(rows).toHaveLength(1);
  expect(rows[0].ruleId).toBe('R-VICTIM');
  // The hand-off opens a real social contact for the same person, linked to the original referral.
  await stack.env.client.workflow.getHandle(timely).result(); // the case closes once the hand-off is done
  const linkedId = (await readCase(stack, timely)).handOff!.socialContactReferralId!;
  expect(linkedId).toMatch(/^BUR-/);
  const linked = await settled(stack, linkedId);
  // R-VICTIM (Decision): the person continues from the stage reached (screened: awaiting intake), approved — no new screening.
  expect(linked).toMatchObject({
    type: 'SOCIAL_CONTACT',
    stage: 'AWAITING_INTAKE',
    source: 'ARREST_HANDOFF',
    linkedFrom: timely,
    approval: { decision: 'APPROVED' },
  });
  expect(linked.screenedAt).toBe(handOff.screenedAt);
  const [original, socialRow] = await Promise.all([
    stack.db.referral.findUniqueOrThrow({ where: { id: timely } }),
    stack.db.referral.findUniqueOrThrow({ where: { id: linkedId } }),
  ]);
  expect(socialRow).toMatchObject({ type: 'SOCIAL_CONTACT', linkedFromId: timely, personId: original.personId });
  expect(mailFor(stack, linkedId, PROJECT_MANAGER).map((m) => m.subject.replace(/ — .*$/, ''))).toEqual([
    '[LEAD] Social contact continuing a handed-off arrest diversion',
  ]);

  await stack.env.sleep('2 days'); // day 8 for both
  const tooLate = await prosecutor.act(late, 'victim-objection');
  expectStatus(tooLate, 409);
  expect(tooLate.body.error).toMatchObject({ code: 'RULE_CONFLICT', ruleId: 'R-VICTIM' });
  expect(tooLate.body.error.message).toMatch(/late/);
  // Without an objection, a missed intake or a screening, a filing decision needs a stated reason (R-PACKET, Decision 2026-12-02).
  const decision = await prosecutor.act(late, 'filing-decision', { decision: 'DECLINED' });
  expectStatus(decision, 400);
  expect(decision.body.error).toMatchObject({
    ruleId: 'R-PACKET',
    fields: [expect.objectContaining({ field: 'reason' })],
  });
  expect(decision.body.error.message).toMatch(/outside R-SCREEN, R-MISSED and R-VICTIM/);
  expect((await readCase(stack, late)).filingDecision).toBeUndefined();
});

test('R-EXIT: consent rescinded after enrollment → exit recorded, no longer a participant, PDA told', async () => {
  const caseId = await submitArrest(stack, felony());
  await caseManager.actOk(caseId, 'screening');
  await caseManager.actOk(caseId, 'consent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
  expect((await caseManager.actOk(caseId, 'intake')).body.case.stage).toBe('ENROLLED');
  await stack.env.sleep('20 days');
  const rescinded = await caseManager.act(caseId, 'consent/rescind');
  expectStatus(rescinded, 200);
  expect(rescinded.body.case).toMatchObject({ stage: 'EXITED', enrolled: false });
  expect(rescinded.body.caseManagement).toMatchObject({
    level: 'FULL',
    exit: { reason: 'CONSENT_RESCINDED' },
    release: { inForce: false },
  });
  const result = await stack.env.client.workflow.getHandle(caseId).result();
  expect(result).toMatchObject({ stage: 'EXITED', outcome: 'EXITED' });
  expect(mailFor(stack, caseId, PROJECT_MANAGER).map(ruleOf)).toEqual(['R-EXIT']);
  const row = await stack.db.referral.findUniqueOrThrow({ where: { id: caseId } });
  expect(row.stage).toBe('EXITED');
  // A closed case refuses further actions, naming its stage.
  const intake = await caseManager.act(caseId, 'intake');
  expectStatus(intake, 409);
  expect(intake.body.error.stage).toBe('EXITED');
  // …and can still be read.
  expect((await readCase(stack, caseId)).stage).toBe('EXITED');
});

test("R-ROI: no notice carries the person's name, date of birth or the offense", async () => {
  const caseId = await submitArrest(
    stack,
    arrestReferral({
      person: {
        givenName: 'Marisol',
        familyName: 'Quintero-Blake',
        dateOfBirth: '1979-11-30',
        stateId: 'WA-SID-77123',
      },
    }),
  );
  await caseManager.actOk(caseId, 'left-before-screening');
  await settled(stack, caseId);
  const mail = mailFor(stack, caseId);
  expect(mail.length).toBeGreaterThanOrEqual(4);
  for (const m of mail) {
    const all = `${m.subject}\n${m.text}\n${JSON.stringify(m.headers)}`;
    for (const secret of ['Marisol', 'Quintero', '1979-11-30', '11/30/1979', 'WA-SID-77123', 'VUCSA', 'possession'])
      expect(all).not.toContain(secret);
  }
});

test("R-INTAKE (Decision 2026-12-02): the intake records the seed's assessment as structured answers — case-management record, never a partner's to read", async () => {
  const caseId = await submitArrest(stack, felony());
  await caseManager.actOk(caseId, 'screening');
  await caseManager.actOk(caseId, 'consent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
  const assessment = {
    causeOfLawViolations: 'unsheltered since March; uses to sleep outside',
    chemicalDependency: 'HIGH',
    mentalHealth: 'SOME',
    housing: 'HIGH',
    legalOrGangInvolvement: 'NONE',
    employment: 'SOME',
    education: 'NOT_ASSESSED',
  };
  const wrong = await caseManager.act(caseId, 'intake', { assessment: { ...assessment, housing: 'VERY' } });
  expectStatus(wrong, 400);
  expect(wrong.body.error.fields).toEqual([expect.objectContaining({ field: 'assessment.housing' })]);
  const enrolled = await caseManager.actOk(caseId, 'intake', { assessment });
  expect(enrolled.body.case.stage).toBe('ENROLLED');
  const intakeOf = (body: { case: { events: Array<{ type: string; data?: Record<string, unknown> }> } }) =>
    body.case.events.find((e) => e.type === 'INTAKE_COMPLETED');
  expect(intakeOf(enrolled.body)?.data?.assessment).toEqual(assessment);
  // Even under a release covering staffing, partners see that intake happened, not what it found.
  const sergeantRead = (await apiAs(stack.baseUrl, 'sergeant').getOk(`/api/cases/${caseId}`)).body;
  expect(intakeOf(sergeantRead)).toBeDefined();
  expect(intakeOf(sergeantRead)?.data).toBeUndefined();
});
