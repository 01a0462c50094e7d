import { apiAs } from '../../support/api-client';
import { mailFor, readCase, ruleOf, settled, submitArrest } from '../../support/case-helpers';
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
 * The arrest-diversion process of PROTOCOL.md, end to end: HTTP API → Temporal (time-skipping) →
 * activities → PostgreSQL and a real SMTP receiver. Time jumps are global to the test server, so
 * every assertion looks at one case's mail only.
 */
let stack: TestStack;
let officer: ReturnType<typeof apiAs>;
let sergeant: ReturnType<typeof apiAs>;
let caseManager: ReturnType<typeof apiAs>;
let prosecutor: ReturnType<typeof apiAs>;

beforeAll(async () => {
  stack = await startTestStack();
  officer = apiAs(stack.baseUrl, 'officer');
  sergeant = apiAs(stack.baseUrl, 'sergeant');
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
  expect(Date.parse(intake.dueAt) - Date.parse(view.referredAt)).toBe(30 * 24 * 3600_000);
});

test('R-ENROLL: screening, consent and intake on day 29 → enrolled; the prosecutor gets no missed-intake notice', async () => {
  const caseId = await submitArrest(stack, felony());
  expect((await caseManager.act(caseId, 'screening')).status).toBe(200);
  await stack.env.sleep('29 days');
  expect((await caseManager.act(caseId, 'consent', { method: 'WRITTEN' })).body.case.stage).toBe('AWAITING_INTAKE');
  const intake = await caseManager.act(caseId, 'intake');
  expect(intake.status).toBe(200);
  expect(intake.body.case.stage).toBe('ENROLLED');
  expect(intake.body.case.enrolled).toBe(true);
  await settled(stack, caseId);
  await stack.env.sleep('3 days'); // past the original deadline
  const view = await settled(stack, caseId);
  expect(view.stage).toBe('ENROLLED');
  expect(view.deadlines.find((d: { ruleId: string }) => d.ruleId === 'R-INTAKE').status).toBe('MET');
  expect(mailFor(stack, caseId, COUNTY_PROSECUTOR).map(ruleOf)).toEqual(['R-PACKET']);
});

test.each([
  ['a felony', felony, COUNTY_PROSECUTOR, 'KCPAO'],
  ['a city misdemeanor', cityMisdemeanor, CITY_ATTORNEY, 'BURIEN_CITY_ATTORNEY'],
])(
  'R-MISSED: screened but no intake by day 30 (%s) → one notice to the office with jurisdiction, sergeant told',
  async (_what, body, office, officeCode) => {
    const caseId = await submitArrest(stack, body());
    expect((await caseManager.act(caseId, 'screening')).status).toBe(200);
    await settled(stack, caseId);
    await stack.env.sleep('29 days');
    expect(mailFor(stack, caseId, office).map(ruleOf)).toEqual(['R-PACKET']);
    await stack.env.sleep('1 day');
    const view = await settled(stack, caseId);
    expect(view.stage).toBe('INTAKE_MISSED');
    expect(view.prosecutorOffice).toBe(officeCode);
    expect(mailFor(stack, caseId, office).map(ruleOf)).toEqual(['R-PACKET', 'R-MISSED']);
    expect(mailFor(stack, caseId, BURIEN_SERGEANTS).map(ruleOf)).toEqual(['R-MISSED']);
    const other = office === COUNTY_PROSECUTOR ? CITY_ATTORNEY : COUNTY_PROSECUTOR;
    expect(mailFor(stack, caseId, other)).toHaveLength(0);
    expect(view.deadlines.find((d: { ruleId: string }) => d.ruleId === 'R-MISSED').status).toBe('MET');
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

test('R-INTAKE: deadline extended on day 25 to day 40 → nothing at day 30; intake on day 35 enrolls', async () => {
  const caseId = await submitArrest(stack, felony());
  const referredAt = Date.parse((await readCase(stack, caseId)).referredAt);
  await caseManager.act(caseId, 'screening');
  await caseManager.act(caseId, 'consent', { method: 'VERBAL_MEMORIALIZED', memorializedBy: 'Officer Reyes, BPD' });
  await settled(stack, caseId);
  await stack.env.sleep('25 days');
  const newDueAt = new Date(referredAt + 40 * 24 * 3600_000).toISOString();
  const extended = await sergeant.act(caseId, 'intake-deadline/extensions', {
    newDueAt,
    reason: 'Participant hospitalised; intake rescheduled',
  });
  expect(extended.status).toBe(200);
  expect(extended.body.case.intakeExtensions).toEqual([
    expect.objectContaining({
      from: new Date(referredAt + 30 * 24 * 3600_000).toISOString(),
      to: newDueAt,
      by: { id: 'sergeant-1', role: 'sergeant' },
    }),
  ]);
  expect(extended.body.case.events.find((e: { type: string }) => e.type === 'INTAKE_DEADLINE_EXTENDED').data).toEqual({
    from: new Date(referredAt + 30 * 24 * 3600_000).toISOString(),
    to: newDueAt,
    reason: 'Participant hospitalised; intake rescheduled',
  });
  await settled(stack, caseId);
  await stack.env.sleep('6 days'); // day 31
  const day31 = await settled(stack, caseId);
  expect(day31.stage).toBe('AWAITING_INTAKE');
  expect(mailFor(stack, caseId, COUNTY_PROSECUTOR).map(ruleOf)).toEqual(['R-PACKET']);
  await stack.env.sleep('4 days'); // day 35
  const intake = await caseManager.act(caseId, 'intake');
  expect(intake.body.case.stage).toBe('ENROLLED');
  await settled(stack, caseId);
  await stack.env.sleep('6 days'); // past day 40
  expect((await settled(stack, caseId)).stage).toBe('ENROLLED');
  expect(mailFor(stack, caseId, COUNTY_PROSECUTOR).map(ruleOf)).toEqual(['R-PACKET']);
});

test('R-CONSENT: intake before consent is refused (409 naming R-CONSENT); consent and intake in the same visit enroll', async () => {
  const caseId = await submitArrest(stack, felony());
  await caseManager.act(caseId, 'screening');
  await stack.env.sleep('2 days');
  const early = await caseManager.act(caseId, 'intake');
  expect(early.status).toBe(409);
  expect(early.body.error).toMatchObject({ code: 'RULE_CONFLICT', ruleId: 'R-CONSENT', stage: 'AWAITING_INTAKE' });
  expect(early.body.error.message).toMatch(/before consent/);
  expect((await readCase(stack, caseId)).intakeCompletedAt).toBeUndefined();
  const consent = await caseManager.act(caseId, 'consent', { method: 'WRITTEN' });
  expect(consent.body.case.stage).toBe('AWAITING_INTAKE');
  const intake = await caseManager.act(caseId, 'intake');
  expect(intake.body.case.stage).toBe('ENROLLED');
  expect(intake.body.case.events.map((e: { type: string }) => e.type).slice(-3)).toEqual([
    'CONSENT_GIVEN',
    'INTAKE_COMPLETED',
    'ENROLLED',
  ]);
});

test('R-SCREEN: left before screening → sergeant and prosecutor notified at once', async () => {
  const caseId = await submitArrest(stack, felony());
  const res = await caseManager.act(caseId, 'left-before-screening', {
    note: 'walked away before the outreach worker arrived',
  });
  expect(res.status).toBe(200);
  expect(res.body.case.stage).toBe('LEFT_BEFORE_SCREENING');
  await settled(stack, caseId);
  expect(mailFor(stack, caseId, BURIEN_SERGEANTS).map(ruleOf)).toEqual(['R-SCREEN']);
  expect(mailFor(stack, caseId, COUNTY_PROSECUTOR).map(ruleOf)).toEqual(['R-PACKET', 'R-SCREEN']);
  // Screening can no longer be recorded; the prosecutor decides.
  const late = await caseManager.act(caseId, 'screening');
  expect(late.status).toBe(409);
  expect(late.body.error).toMatchObject({ code: 'STAGE_CONFLICT', stage: 'LEFT_BEFORE_SCREENING', ruleId: 'R-SCREEN' });
  const decided = await prosecutor.act(caseId, 'filing-decision', { decision: 'FILED' });
  expect(decided.body.case).toMatchObject({ stage: 'CLOSED', outcome: 'CHARGES_FILED' });
});

test('R-SCREEN (Decision): no screening 4 h after the call → stuck, visible to supervisors', async () => {
  const caseId = await submitArrest(stack, felony());
  await stack.env.sleep('4 hours');
  await stack.env.sleep('1 minute');
  const view = await settled(stack, caseId);
  expect(view.stuck).toEqual([expect.objectContaining({ reason: 'SCREENING_OVERDUE', ruleId: 'R-SCREEN' })]);
  expect((await stack.db.referral.findUniqueOrThrow({ where: { id: caseId } })).stuckReasons).toEqual([
    'SCREENING_OVERDUE',
  ]);
  // The on-call team is reminded (a change introduced behind patched(): see README).
  expect(mailFor(stack, caseId, ON_CALL_CASE_MANAGERS).map(ruleOf)).toEqual(['R-CALL', 'R-SCREEN']);
  await caseManager.act(caseId, 'screening');
  expect((await settled(stack, caseId)).stuck).toEqual([]);
});

test('R-SCENE: a return at 11 h alerts the sergeant; at 13 h it does not', async () => {
  const inside = await submitArrest(stack, felony());
  await stack.env.sleep('11 hours');
  const report = await officer.act(inside, 'returns-to-scene');
  expect(report.status).toBe(200);
  expect(report.body.case.events.at(-1)).toMatchObject({
    type: 'RETURN_TO_SCENE_REPORTED',
    data: { withinWindow: true },
  });
  await settled(stack, inside);
  expect(mailFor(stack, inside, BURIEN_SERGEANTS).map(ruleOf)).toEqual(['R-SCENE']);

  const outside = await submitArrest(stack, felony());
  await stack.env.sleep('13 hours');
  const late = await officer.act(outside, 'returns-to-scene');
  expect(late.status).toBe(200);
  expect(late.body.case.events.at(-1)).toMatchObject({
    type: 'RETURN_TO_SCENE_REPORTED',
    data: { withinWindow: false },
  });
  await settled(stack, outside);
  expect(mailFor(stack, outside, BURIEN_SERGEANTS)).toHaveLength(0);
});

test('R-VICTIM: objection on day 6 and charges filed → hand-off; day 8 is late (409), and without an objection there is no filing decision', async () => {
  const victimCase = () =>
    arrestReferral({ offenses: [{ code: 'THEFT_MISDEMEANOR' }], victim: { identifiable: true, consulted: true } });
  // City misdemeanors go to the city attorney (R-JURISDICTION), whose prosecutors alone see them.
  const prosecutor = apiAs(stack.baseUrl, 'prosecutor', 'city-attorney-1', { office: 'BURIEN_CITY_ATTORNEY' });
  const timely = await submitArrest(stack, victimCase());
  const late = await submitArrest(stack, victimCase());
  await caseManager.act(timely, 'screening');
  await stack.env.sleep('6 days');
  const objection = await prosecutor.act(timely, 'victim-objection', { note: 'store manager objects' });
  expect(objection.status).toBe(200);
  const filed = await prosecutor.act(timely, 'filing-decision', { decision: 'FILED' });
  expect(filed.status).toBe(200);
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
  const linkedId = (await readCase(stack, timely)).handOff.socialContactReferralId;
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
  expect(tooLate.status).toBe(409);
  expect(tooLate.body.error).toMatchObject({ code: 'RULE_CONFLICT', ruleId: 'R-VICTIM' });
  expect(tooLate.body.error.message).toMatch(/late/);
  // Without an objection, a missed intake or a person who left before screening, there is no filing decision to make.
  const decision = await prosecutor.act(late, 'filing-decision', { decision: 'DECLINED' });
  expect(decision.status).toBe(409);
  expect(decision.body.error).toMatchObject({ code: 'RULE_CONFLICT', ruleId: 'R-VICTIM', stage: 'AWAITING_SCREENING' });
  expect(decision.body.error.message).toMatch(/R-SCREEN.*R-MISSED.*R-VICTIM/);
  expect((await readCase(stack, late)).filingDecision).toBeUndefined();
});

test('R-EXIT: consent rescinded after enrollment → exit recorded, no longer a participant, PDA told', async () => {
  const caseId = await submitArrest(stack, felony());
  await caseManager.act(caseId, 'screening');
  await caseManager.act(caseId, 'consent', { method: 'WRITTEN' });
  expect((await caseManager.act(caseId, 'intake')).body.case.stage).toBe('ENROLLED');
  await stack.env.sleep('20 days');
  const rescinded = await caseManager.act(caseId, 'consent/rescind');
  expect(rescinded.status).toBe(200);
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
  expect(intake.status).toBe(409);
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
  await caseManager.act(caseId, 'left-before-screening');
  await settled(stack, caseId);
  const mail = mailFor(stack, caseId);
  expect(mail.length).toBeGreaterThanOrEqual(4);
  for (const m of mail) {
    const all = `${m.subject}\n${m.text}\n${JSON.stringify(m.headers)}`;
    for (const secret of ['Marisol', 'Quintero', '1979-11-30', '11/30/1979', 'WA-SID-77123', 'VUCSA', 'possession'])
      expect(all).not.toContain(secret);
  }
});
