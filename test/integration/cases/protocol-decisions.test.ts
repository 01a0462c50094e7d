import { casePolicyOf, loadConfig } from '../../../src/config/load-config';
import { intakeDeadlineFrom } from '../../../src/case/intake-deadline';
import { apiAs, expectStatus, refusalOf, waitFor } from '../../support/api-client';
import {
  fullRecord,
  mailFor,
  readCase,
  readWholeCase,
  ruleOf,
  settled,
  submitArrest,
} from '../../support/case-helpers';
import {
  arrestReferral,
  BURIEN_SERGEANTS,
  CITY_ATTORNEY,
  COUNTY_PROSECUTOR,
  monthsAgo,
  ON_CALL_CASE_MANAGERS,
  PROJECT_MANAGER,
  socialContactReferral,
} from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * PROTOCOL.md's turn-2 decisions, each through the API as its users would, each citing its rule:
 * R-EL-OFFENSE, R-EX-ORDER, R-EX-HISTORY, R-EL-WARRANT, R-EL-OVERRIDE, R-VICTIM, R-JURISDICTION,
 * R-CONSENT, R-SC-PDA, R-IIP, R-SERVICE-WITHDRAW, R-EL-NORIGHT.
 */
let stack: TestStack;
let officer: ReturnType<typeof apiAs>;
let sergeant: ReturnType<typeof apiAs>;
let caseManager: ReturnType<typeof apiAs>;
let nci: ReturnType<typeof apiAs>;
const NCI_TEAM = 'nci-lead@doc.example.org';
const REFERRALS = '/api/referrals/arrest-diversions';
const DAY = 86_400_000;

beforeAll(async () => {
  stack = await startTestStack();
  officer = apiAs(stack.baseUrl, 'officer');
  sergeant = apiAs(stack.baseUrl, 'sergeant');
  caseManager = apiAs(stack.baseUrl, 'case_manager');
  nci = apiAs(stack.baseUrl, 'doc_nci', 'nci-officer-1');
});
afterAll(async () => {
  await stack?.stop();
});

/** Screening, consent and intake: the person is enrolled (R-ENROLL). */
async function enroll(caseId: string) {
  for (const [action, body] of [
    ['screening', {}],
    ['consent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } }],
    ['intake', {}],
  ] as const) {
    const res = await caseManager.act(caseId, action, body);
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return settled(stack, caseId);
}

test('R-EL-OFFENSE: a known ineligible offense is a reason among the others, open to an override; an unknown code is a 400 naming the catalogue', async () => {
  const assault = arrestReferral({
    offenses: [
      { code: 'ASSAULT_4' },
      { code: 'VUCSA_POSSESSION', drug: { substance: 'OTHER', grams: 9, activity: 'POSSESSION' } },
    ],
  });
  const check = await officer.post(`${REFERRALS}/eligibility`, assault);
  expectStatus(check, 200);
  expect(check.body.eligibility.reasons.map((r: { ruleId: string }) => r.ruleId)).toEqual([
    'R-EL-OFFENSE',
    'R-EX-DRUG-AMOUNT',
  ]);
  expect(check.body.eligibility.reasons[0].message).toBe(
    'Assault 4 is not an offense LEAD diverts; after booking, the sergeant may accept an override (R-EL-OFFENSE)',
  );
  const refused = await officer.post(REFERRALS, assault);
  expectStatus(refused, 422);
  expect(refused.body.error.reasons?.map((r: { ruleId: string }) => r.ruleId)).toEqual([
    'R-EL-OFFENSE',
    'R-EX-DRUG-AMOUNT',
  ]);
  const overridden = await officer.post(REFERRALS, {
    ...assault,
    overrideRequest: { reason: 'Booked; long-time LEAD contact, sergeant to review' },
  });
  expectStatus(overridden, 201);
  expect(overridden.body.case?.stage).toBe('OVERRIDE_REQUESTED');
  const unknown = await officer.post(REFERRALS, arrestReferral({ offenses: [{ code: 'JAYWALKING' }] }));
  expectStatus(unknown, 400);
  expect(unknown.body.error.fields?.[0]).toMatchObject({
    field: 'offenses.0.code',
    message: expect.stringContaining('ASSAULT_4'),
  });
  expect(Object.values(stack.config.offenses).filter((o) => !o.eligible).length).toBeGreaterThanOrEqual(12);
});

describe('R-EX-ORDER: a submission has whom its orders protect checked against the people enrolled today, and is never told who', () => {
  const participant = { givenName: 'Paloma', familyName: 'Quintero', dateOfBirth: '1983-09-14', stateId: 'WA-77301' };
  let participantCase: string;
  const order = (protectedPerson: Record<string, string>) =>
    arrestReferral({ protectiveOrders: [{ type: 'NO_CONTACT', protectedPerson }] });
  /** The rules an otherwise eligible submission is refused on; [] when it is recorded. */
  const orderRuleIds = async (protectedPerson: Record<string, string>) => {
    const res = await officer.post(REFERRALS, order(protectedPerson));
    if (res.status === 201) return [];
    expectStatus(res, 422);
    return res.body.error.reasons?.map((r: { ruleId: string }) => r.ruleId);
  };

  beforeAll(async () => {
    participantCase = await submitArrest(stack, arrestReferral({ person: participant }));
    await enroll(participantCase);
  });

  test('an order protecting a current participant excludes; the answer names no one and nothing of their case', async () => {
    const res = await officer.post(
      REFERRALS,
      order({ givenName: 'Paloma', familyName: 'Quintero', dateOfBirth: '1983-09-14' }),
    );
    expectStatus(res, 422);
    expect(res.body.error.reasons).toEqual([
      {
        ruleId: 'R-EX-ORDER',
        message: 'a no-contact, restraining or anti-harassment order protects a current LEAD participant (R-EX-ORDER)',
      },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`${participantCase}|Quintero|WA-77301|ENROLLED`));
    // Submitted after booking, the referral keeps the order's type and the finding — not whom it protects.
    const submitted = await officer.post(REFERRALS, {
      ...order({ stateId: 'WA-77301' }),
      overrideRequest: { reason: 'booked; sergeant to review' },
    });
    expectStatus(submitted, 201);
    expect(submitted.body.eligibility.reasons.map((r: { ruleId: string }) => r.ruleId)).toEqual(['R-EX-ORDER']);
    const row = await stack.db.referral.findUniqueOrThrow({ where: { id: submitted.body.caseId } });
    expect((row.details as any).protectiveOrders).toEqual([{ type: 'NO_CONTACT', protectsCurrentParticipant: true }]);
    expect(JSON.stringify(row.details)).not.toContain('WA-77301');
  });

  test('boundaries: the same name with another date of birth does not match; the state id matches however the name is spelled', async () => {
    expect(await orderRuleIds({ givenName: 'Paloma', familyName: 'Quintero', dateOfBirth: '1983-09-15' })).toEqual([]);
    expect(await orderRuleIds({ givenName: 'P.', familyName: 'Kintero', stateId: 'wa-77301' })).toEqual(['R-EX-ORDER']);
    expect(await orderRuleIds({ givenName: 'PALOMA', familyName: 'quintero', dateOfBirth: '1983-09-14' })).toEqual([
      'R-EX-ORDER',
    ]);
    const incomplete = await officer.post(
      `${REFERRALS}/eligibility`,
      order({ givenName: 'Paloma', familyName: 'Quintero' }),
    );
    expectStatus(incomplete, 400);
    expect(incomplete.body.error.fields?.[0]).toMatchObject({
      field: 'protectiveOrders.0.protectedPerson',
      message: expect.stringContaining('R-EX-ORDER'),
    });
  });

  test('a former participant (exited) and a person never enrolled do not exclude; a social contact is refused the same way', async () => {
    const former = { givenName: 'Fitz', familyName: 'Formerly', dateOfBirth: '1977-07-07' };
    const formerCase = await submitArrest(stack, arrestReferral({ person: former }));
    await enroll(formerCase);
    await caseManager.actOk(formerCase, 'exit', { reason: 'TRANSITIONED_OUT' });
    await settled(stack, formerCase);
    expect(await orderRuleIds(former)).toEqual([]);
    expect(await orderRuleIds({ givenName: 'Nora', familyName: 'Neverin', dateOfBirth: '1990-01-01' })).toEqual([]);
    const social = await officer.post(
      '/api/referrals/social-contacts',
      socialContactReferral({
        protectiveOrders: [{ type: 'ANTI_HARASSMENT', protectedPerson: { stateId: 'WA-77301' } }],
      }),
    );
    expectStatus(social, 422);
    expect(social.body.error.reasons?.map((r: { ruleId: string }) => r.ruleId)).toEqual(['R-EX-ORDER']);
  });
});

test('R-EX-HISTORY: a conviction dated after the referral date is an input error naming the field', async () => {
  const future = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
  const res = await officer.post(
    REFERRALS,
    arrestReferral({ history: { convictions: [{ code: 'BURGLARY_2', date: future }] } }),
  );
  expectStatus(res, 400);
  expect(res.body.error.fields).toEqual([
    expect.objectContaining({
      field: 'history.convictions.0.date',
      message: expect.stringMatching(/after the referral date .*\(R-EX-HISTORY\)/),
    }),
  ]);
});

describe('R-EL-WARRANT: a DOC warrant or violation goes to the DOC NCI team, who decide', () => {
  const docWarrant = (overrides: Record<string, unknown> = {}) =>
    arrestReferral({ warrants: [{ kind: 'DOC' }], ...overrides });

  test("a DOC officer specialist's own referral is the NCI team's decision: it proceeds at once, recorded as theirs (Decision 2026-12-02)", async () => {
    const specialist = apiAs(stack.baseUrl, 'officer', 'doc-specialist-1', { agency: 'DOC' });
    const res = await specialist.post(REFERRALS, docWarrant({ agency: 'DOC' }));
    expectStatus(res, 201);
    expect(res.body.case).toMatchObject({
      stage: 'AWAITING_SCREENING',
      nci: { decision: 'REFERRED', by: { id: 'doc-specialist-1', role: 'officer' } },
    });
    const caseId = res.body.caseId;
    await settled(stack, caseId);
    expect(mailFor(stack, caseId, NCI_TEAM).map(ruleOf)).not.toContain('R-EL-WARRANT');
    expect(mailFor(stack, caseId, ON_CALL_CASE_MANAGERS).map(ruleOf)).toEqual(['R-CALL']);
  });

  test('refer: nothing starts until the NCI team refers; then the diversion proceeds and its clocks start from that moment', async () => {
    const res = await officer.post(
      REFERRALS,
      docWarrant({ offenses: [{ code: 'THEFT_MISDEMEANOR' }], victim: { identifiable: true } }),
    );
    expectStatus(res, 201);
    // The officer is told who was called: the NCI team, not case management (issue 23 item 3).
    expect(res.body.nextSteps[0]).toMatch(/^The DOC NCI team has been called: .* by \w{3} \d{1,2} \w{3}.*\(Pacific\)/);
    expect(res.body.nextSteps.join(' ')).not.toMatch(/case management team has been called/);
    const caseId = res.body.caseId;
    const waiting = await settled(stack, caseId);
    expect(waiting.stage).toBe('AWAITING_NCI_DECISION');
    expect(waiting.deadlines.map((d: { ruleId: string }) => d.ruleId)).toEqual(['R-EL-WARRANT']);
    expect(mailFor(stack, caseId).map((m) => [m.to, ruleOf(m)])).toEqual([[[NCI_TEAM], 'R-EL-WARRANT']]);
    // The NCI team reads the referral they decide on; a case manager cannot decide for them.
    expect((await nci.getOk(`/api/cases/${caseId}/packet`)).body.referral.person.familyName).toBe('Avery');
    expect((await caseManager.act(caseId, 'nci-decision', { decision: 'REFER' })).status).toBe(403);

    await stack.env.sleep('20 hours');
    const referred = await nci.act(caseId, 'nci-decision', {
      decision: 'REFER',
      reason: 'on supervision; NCI supports LEAD',
    });
    expectStatus(referred, 200);
    expect(referred.body.case).toMatchObject({
      stage: 'AWAITING_SCREENING',
      nci: { decision: 'REFERRED', by: { id: 'nci-officer-1', role: 'doc_nci' } },
    });
    const decidedAt = Date.parse(referred.body.case.nci!.decidedAt!);
    const due = (ruleId: string) =>
      Date.parse(referred.body.case.deadlines.find((d: { ruleId: string }) => d.ruleId === ruleId)!.dueAt) - decidedAt;
    expect({
      scene: due('R-SCENE'),
      victim: due('R-VICTIM'),
      intake: due('R-INTAKE'),
      screening: due('R-SCREEN'),
    }).toEqual({
      scene: 12 * 3600_000,
      victim: 7 * DAY,
      // R-INTAKE (Decision 2026-12-02): the decision's local date + 30 days, end of that day.
      intake: Date.parse(intakeDeadlineFrom(decidedAt, casePolicyOf(loadConfig(), new Date(decidedAt)))) - decidedAt,
      screening: 4 * 3600_000,
    });
    await settled(stack, caseId);
    expect(mailFor(stack, caseId, ON_CALL_CASE_MANAGERS).map(ruleOf)).toEqual(['R-CALL']);
    expect(mailFor(stack, caseId, CITY_ATTORNEY).map(ruleOf)).toEqual(['R-PACKET']);
  });

  test("decline: the person is booked, the case closes, the sergeants are told; a sergeant records it only on the NCI team's word", async () => {
    const caseId = (await officer.postOk(REFERRALS, docWarrant({ docViolation: true }))).body.caseId;
    await settled(stack, caseId);
    const noWord = await sergeant.act(caseId, 'nci-decision', { decision: 'DECLINE' });
    expectStatus(noWord, 400);
    expect(noWord.body.error.fields?.[0]).toMatchObject({ field: 'onWordOf' });
    expect(noWord.body.error.message).toContain('R-EL-WARRANT');
    const declined = await sergeant.act(caseId, 'nci-decision', {
      decision: 'DECLINE',
      onWordOf: 'CCO Hale, NCI team',
      reason: 'active supervision violation',
    });
    expectStatus(declined, 200);
    expect(declined.body.case).toMatchObject({
      stage: 'CLOSED',
      outcome: 'NCI_DECLINED',
      nci: { decision: 'DECLINED', onWordOf: 'CCO Hale, NCI team' },
    });
    await settled(stack, caseId);
    expect(mailFor(stack, caseId, BURIEN_SERGEANTS).map((m) => m.subject)).toEqual([
      `[LEAD] DOC NCI team declined: the person is booked, not diverted — ${caseId}`,
    ]);
    expect(mailFor(stack, caseId, COUNTY_PROSECUTOR)).toEqual([]);
  });

  test('undecided after 24 hours: stuck, and the NCI team is reminded', async () => {
    const caseId = (await officer.postOk(REFERRALS, docWarrant())).body.caseId;
    await settled(stack, caseId);
    await stack.env.sleep('25 hours');
    const view = await waitFor(async () => {
      const v = await readCase(stack, caseId);
      return v.stuck.some((f: { reason: string }) => f.reason === 'NCI_DECISION_OVERDUE') ? v : undefined;
    }, 'the NCI decision to be overdue');
    expect(view.stuck).toEqual([expect.objectContaining({ reason: 'NCI_DECISION_OVERDUE', ruleId: 'R-EL-WARRANT' })]);
    await settled(stack, caseId);
    expect(mailFor(stack, caseId, NCI_TEAM).map((m) => m.subject.replace(/ — .*$/, ''))).toEqual([
      '[LEAD] DOC warrant or violation: the NCI team decides whether to refer to LEAD',
      '[LEAD] Reminder: DOC NCI decision not recorded 24 hours after the referral',
    ]);
    expect(
      (await apiAs(stack.baseUrl, 'doc_nci', 'nci-2').getOk('/api/queues/nci')).body.awaiting.map(
        (r: { caseId: string }) => r.caseId,
      ),
    ).toContain(caseId);
    // R-EL-WARRANT (Decision 2026-12-02): stuck NCI decisions are on the supervisors' stuck list.
    const stuck = await apiAs(stack.baseUrl, 'supervisor').getOk('/api/stuck');
    expect(stuck.body.lists.nciDecisionOverdue).toMatchObject({ ruleId: 'R-EL-WARRANT' });
    expect(stuck.body.lists.nciDecisionOverdue.cases.map((r: { caseId: string }) => r.caseId)).toContain(caseId);
    // The NCI team sees only what was routed to it.
    const other = await submitArrest(stack, arrestReferral());
    expect((await nci.get(`/api/cases/${other}`)).status).toBe(404);
  });
});

test('R-EL-OVERRIDE: unreviewed for 24 hours it is stuck and the sergeants reminded; accepted, the intake deadline counts from the acceptance', async () => {
  const res = await officer.postOk(
    REFERRALS,
    arrestReferral({ offenses: [{ code: 'DUI' }], overrideRequest: { reason: 'Booked; asks for LEAD' } }),
  );
  const caseId = res.body.caseId;
  await settled(stack, caseId);
  await stack.env.sleep('25 hours');
  const stuck = await waitFor(async () => {
    const v = await readCase(stack, caseId);
    return v.stuck.some((f: { reason: string }) => f.reason === 'OVERRIDE_OVERDUE') ? v : undefined;
  }, 'the override to be overdue');
  expect(stuck.deadlines.find((d: { ruleId: string }) => d.ruleId === 'R-EL-OVERRIDE')).toMatchObject({
    status: 'OVERDUE',
  });
  await settled(stack, caseId);
  expect(mailFor(stack, caseId, BURIEN_SERGEANTS).map((m) => m.subject.replace(/ — .*$/, ''))).toEqual([
    '[LEAD] Override requested for a booked, ineligible person',
    '[LEAD] Reminder: override request unreviewed for 24 hours',
  ]);
  await stack.env.sleep('2 days');
  const approved = await sergeant.actOk(caseId, 'override-decision', {
    decision: 'APPROVE',
    reason: 'accepted after booking',
  });
  expect(approved.body.case.stuck).toEqual([]);
  const approvedAt = Date.parse(approved.body.case.override!.decidedAt!);
  expect(approved.body.case.deadlines.find((d: { ruleId: string }) => d.ruleId === 'R-INTAKE')?.dueAt).toBe(
    intakeDeadlineFrom(approvedAt, casePolicyOf(loadConfig(), new Date(approvedAt))),
  );
});

test('R-VICTIM: charges filed on an objection while enrolled hand off to a social contact that keeps the participant enrolled, counted once, the PDA told', async () => {
  const caseId = await submitArrest(
    stack,
    arrestReferral({
      offenses: [{ code: 'THEFT_MISDEMEANOR' }],
      victim: { identifiable: true },
      person: { givenName: 'Hana', familyName: 'Handoff', dateOfBirth: '1986-06-06' },
    }),
  );
  await enroll(caseId);
  await caseManager.actOk(caseId, 'iip', { goals: ['HOUSING', 'EDUCATION'] });
  expect((await caseManager.act(caseId, 'services', { service: 'Housing navigation' })).status).toBe(200);
  expect((await caseManager.act(caseId, 'services', { service: 'GED classes' })).status).toBe(200);
  const withdrawal = { service: 'GED classes', reasonCode: 'NOT_USING_SERVICE' };
  expect((await caseManager.act(caseId, 'service-withdrawals', withdrawal)).status).toBe(200);
  // A supervisor reads which cases hold the places (R-SC-CAPACITY): a list, where a sergeant reads a count.
  const capacity = async () => {
    const { body } = await apiAs(stack.baseUrl, 'supervisor').getOk('/api/capacity');
    return { ...body, participants: body.participants as string[] };
  };
  await waitFor(async () => (await capacity()).participants.includes(caseId), 'the participant counted');
  const before = (await capacity()).participants.length;
  const city = apiAs(stack.baseUrl, 'prosecutor', 'ca-1', { office: 'BURIEN_CITY_ATTORNEY' });
  expect((await city.act(caseId, 'victim-objection', { note: 'store objects' })).status).toBe(200);
  const filed = await city.actOk(caseId, 'filing-decision', { decision: 'FILED' });
  expect(filed.body.case).toMatchObject({ stage: 'HANDED_OFF', outcome: 'HANDED_OFF_TO_SOCIAL_CONTACT' });
  await stack.env.client.workflow.getHandle(caseId).result();
  const linkedId = (await readCase(stack, caseId)).handOff!.socialContactReferralId!;
  const linked = await settled(stack, linkedId);
  expect(linked).toMatchObject({
    type: 'SOCIAL_CONTACT',
    stage: 'ENROLLED',
    enrolled: true,
    linkedFrom: caseId,
    capacity: 'PARTICIPANT',
  });
  const whole = await readWholeCase(stack, linkedId);
  expect(fullRecord(whole).iip?.goals).toEqual(['HOUSING', 'EDUCATION']);
  expect(fullRecord(whole).release).toMatchObject({ inForce: true, coversStaffing: true });
  // The services the diversion recorded are the continued case's too, and its withdrawal is still in force.
  const services = (c: any) => c.caseManagement.servicesDelivered.map((d: { service: string }) => d.service);
  expect(services(whole)).toEqual(['Housing navigation', 'GED classes']);
  expect(fullRecord(whole).servicesWithdrawn).toEqual([
    expect.objectContaining({ service: 'GED classes', reason: 'NOT_USING_SERVICE' }),
  ]);
  expect((await caseManager.act(linkedId, 'service-reinstatements', { service: 'GED classes' })).status).toBe(200);
  expect(fullRecord(await readWholeCase(stack, linkedId)).servicesWithdrawn).toEqual([
    expect.objectContaining({ service: 'GED classes', reinstatedAt: expect.any(String) }),
  ]);
  // The partners read the continued case under the same release.
  expect(
    (await apiAs(stack.baseUrl, 'project_manager').getOk(`/api/cases/${linkedId}`)).body.caseManagement,
  ).toMatchObject({ level: 'SUMMARY', iipGoals: ['HOUSING', 'EDUCATION'] });
  const after = await waitFor(async () => {
    const c = await capacity();
    return c.participants.includes(linkedId) && !c.participants.includes(caseId) ? c : undefined;
  }, 'the place transferred');
  expect(after.participants.length).toBe(before);
  expect(mailFor(stack, linkedId, PROJECT_MANAGER).map((m) => m.subject.replace(/ — .*$/, ''))).toEqual([
    '[LEAD] Social contact continuing a handed-off arrest diversion',
  ]);
  // No new screening, consent or intake: those actions are refused; an exit is the participant's next step.
  expect((await caseManager.act(linkedId, 'screening')).status).toBe(409);
  expect((await caseManager.act(linkedId, 'exit', { reason: 'TRANSITIONED_OUT' })).status).toBe(200);
  await waitFor(async () => !(await capacity()).participants.includes(linkedId), 'the place released at exit');
});

test('R-JURISDICTION: every office with jurisdiction over any offense gets the packet and every prosecutor notice, and reads the case', async () => {
  const res = await officer.postOk(
    REFERRALS,
    arrestReferral({
      offenses: [
        { code: 'VUCSA_POSSESSION', level: 'FELONY', drug: { substance: 'OTHER', grams: 1, activity: 'POSSESSION' } },
        { code: 'CRIMINAL_TRESPASS', level: 'MISDEMEANOR' },
      ],
    }),
  );
  const caseId = res.body.caseId;
  await caseManager.actOk(caseId, 'screening');
  await settled(stack, caseId);
  await stack.env.sleep('31 days');
  const missed = await waitFor(async () => {
    const v = await settled(stack, caseId);
    return v.stage === 'INTAKE_MISSED' ? v : undefined;
  }, 'the missed intake');
  for (const office of [COUNTY_PROSECUTOR, CITY_ATTORNEY])
    expect(mailFor(stack, caseId, office).map(ruleOf)).toEqual(['R-PACKET', 'R-MISSED']);
  expect(missed.deadlines.find((d: { ruleId: string }) => d.ruleId === 'R-MISSED')?.status).toBe('MET');
  for (const office of ['KCPAO', 'BURIEN_CITY_ATTORNEY']) {
    const reader = apiAs(stack.baseUrl, 'prosecutor', `dpa-${office}`, { office });
    expect((await reader.get(`/api/cases/${caseId}`)).status).toBe(200);
    const inbox = await reader.getOk('/api/queues/prosecutor');
    expect(
      inbox.body.notices
        .filter((n: { caseId: string }) => n.caseId === caseId)
        .map((n: { ruleId: string }) => n.ruleId)
        .sort(),
    ).toEqual(['R-MISSED', 'R-PACKET']);
    expect(inbox.body.awaitingDecision.map((r: { caseId: string }) => r.caseId)).toContain(caseId);
  }
  expect(mailFor(stack, caseId, CITY_ATTORNEY)[0].text).toContain(
    "Burien City Attorney's Office (BURIEN_CITY_ATTORNEY)",
  );

  // R-JURISDICTION (Decision 2026-12-02): each office decides on its own charges, as the signed-in office.
  const county = apiAs(stack.baseUrl, 'prosecutor', 'dpa-KCPAO', { office: 'KCPAO' });
  const city = apiAs(stack.baseUrl, 'prosecutor', 'dpa-BURIEN_CITY_ATTORNEY', { office: 'BURIEN_CITY_ATTORNEY' });
  const declined = await city.act(caseId, 'filing-decision', { decision: 'DECLINED' });
  expectStatus(declined, 200);
  expect(declined.body.case).toMatchObject({
    stage: 'INTAKE_MISSED',
    filingDecisionsOwedBy: ['KCPAO'],
    filingDecisions: [
      expect.objectContaining({ office: 'BURIEN_CITY_ATTORNEY', decision: 'DECLINED', ruleId: 'R-MISSED' }),
    ],
  });
  const owed = async (reader: typeof county) =>
    (await reader.getOk('/api/queues/prosecutor')).body.awaitingDecision.map((r: { caseId: string }) => r.caseId);
  expect(await owed(city)).not.toContain(caseId);
  expect(await owed(county)).toContain(caseId);
  const offered = (await county.getOk(`/api/cases/${caseId}`)).body.actions.map((a: { name: string }) => a.name);
  expect(offered).toContain('recordFilingDecision');
  expect((await city.getOk(`/api/cases/${caseId}`)).body.actions.map((a: { name: string }) => a.name)).not.toContain(
    'recordFilingDecision',
  );
  const filed = await county.act(caseId, 'filing-decision', { decision: 'FILED' });
  expectStatus(filed, 200);
  expect(filed.body.case).toMatchObject({ stage: 'CLOSED', outcome: 'CHARGES_FILED' });
});

test('R-SC-PDA: a social-contact candidate refused at submission is still recorded, closed, and the PDA told — once', async () => {
  const body = socialContactReferral({
    violations: [{ date: monthsAgo(30), area: 'BURIEN' }],
    person: { givenName: 'Rhea', familyName: 'Refused', dateOfBirth: '1975-05-05' },
  });
  const refused = await officer.post('/api/referrals/social-contacts', body);
  expectStatus(refused, 422);
  expect(refused.body.error).toMatchObject({
    code: 'PREREQUISITES_NOT_MET',
    caseId: expect.stringMatching(/^BUR-/),
    reasons: [expect.objectContaining({ ruleId: 'R-SC-PREREQ' })],
  });
  expect(refused.body.error.message).toMatch(/the project manager has been told \(R-SC-PDA\)/);
  const caseId = refused.body.error.caseId!;
  const view = await settled(stack, caseId);
  expect(view).toMatchObject({ type: 'SOCIAL_CONTACT', stage: 'REFUSED', outcome: 'REFUSED_AT_SUBMISSION' });
  expect(mailFor(stack, caseId, PROJECT_MANAGER).map((m) => [ruleOf(m), m.subject.replace(/ — .*$/, '')])).toEqual([
    ['R-SC-PDA', '[LEAD] Social-contact candidate refused at submission'],
  ]);
  const again = await officer.post('/api/referrals/social-contacts', body);
  expect(refusalOf(again)?.caseId).toBe(caseId);
  await settled(stack, caseId);
  expect(mailFor(stack, caseId, PROJECT_MANAGER)).toHaveLength(1);
  expect(await stack.db.referral.count({ where: { person: { familyName: 'Refused' } } })).toBe(1);
});

test('R-IIP and R-SERVICE-WITHDRAW: goals only once enrolled and from the list; a withdrawal keeps the person enrolled and counted, with a reason code and a note; a service can be reinstated', async () => {
  const caseId = await submitArrest(stack, arrestReferral());
  await caseManager.actOk(caseId, 'screening');
  const early = await caseManager.act(caseId, 'iip', { goals: ['HOUSING'] });
  expectStatus(early, 409);
  expect(early.body.error).toMatchObject({ ruleId: 'R-IIP', stage: 'AWAITING_INTAKE' });
  await caseManager.actOk(caseId, 'consent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
  await caseManager.actOk(caseId, 'intake');
  const unknownGoal = await caseManager.act(caseId, 'iip', { goals: ['ABSTINENCE'] });
  expectStatus(unknownGoal, 400);
  expect(unknownGoal.body.error.fields?.[0].field).toBe('goals.0');
  expect((await caseManager.act(caseId, 'iip', { goals: ['TREATMENT', 'BENEFITS'] })).status).toBe(200);

  const freeText = await caseManager.act(caseId, 'service-withdrawals', {
    service: 'bus passes',
    reason: 'not abstinent',
  });
  expectStatus(freeText, 400);
  expect(freeText.body.error.message).toContain('NO_PROGRESS_WITH_SERVICE');
  expect(freeText.body.error.message).not.toMatch(/ABSTIN/i);
  const withdrawn = await caseManager.actOk(caseId, 'service-withdrawals', {
    service: 'Bus passes',
    reasonCode: 'NOT_USING_SERVICE',
    note: 'unused for 3 months',
  });
  expect(withdrawn.body.case).toMatchObject({ stage: 'ENROLLED', enrolled: true, capacity: 'PARTICIPANT' });
  expect(fullRecord(withdrawn.body).servicesWithdrawn).toEqual([
    expect.objectContaining({ service: 'Bus passes', reason: 'NOT_USING_SERVICE', note: 'unused for 3 months' }),
  ]);
  await settled(stack, caseId);
  expect((await apiAs(stack.baseUrl, 'supervisor').getOk('/api/capacity')).body.participants).toContain(caseId);

  expect((await caseManager.act(caseId, 'service-reinstatements', { service: 'housing vouchers' })).status).toBe(400);
  const reinstated = await caseManager.act(caseId, 'service-reinstatements', {
    service: 'bus passes',
    note: 'using them again',
  });
  expectStatus(reinstated, 200);
  expect(fullRecord(reinstated.body).servicesWithdrawn[0].reinstatedAt).toEqual(expect.any(String));
  expect(reinstated.body.case.events.map((e: { type: string }) => e.type)).toContain('SERVICE_REINSTATED');
});

test("R-EL-NORIGHT: the computed reasons and the officer's decision are recorded with every referral and shown in its history", async () => {
  const eligible = await officer.postOk(REFERRALS, arrestReferral());
  const overridden = await officer.postOk(
    REFERRALS,
    arrestReferral({
      offenses: [{ code: 'RECKLESS_DRIVING' }],
      overrideRequest: { reason: 'booked; known to outreach' },
    }),
  );
  for (const [res, expected] of [
    [eligible, { eligible: true, eligibilityRuleIds: [], officerDecision: 'DIVERT' }],
    [
      overridden,
      { eligible: false, eligibilityRuleIds: ['R-EL-OFFENSE'], officerDecision: 'BOOK_AND_REQUEST_OVERRIDE' },
    ],
  ] as const) {
    const caseId = res.body.caseId;
    const row = await stack.db.referral.findUniqueOrThrow({ where: { id: caseId } });
    expect((row.details as any).decision).toEqual({
      eligible: expected.eligible,
      ruleIds: expected.eligibilityRuleIds,
      officerDecision: expected.officerDecision,
    });
    const whole = await readWholeCase(stack, caseId);
    expect(whole.case.events[0].data).toMatchObject(expected);
    expect(whole.referral?.details.decision).toEqual({
      eligible: expected.eligible,
      ruleIds: expected.eligibilityRuleIds,
      officerDecision: expected.officerDecision,
    });
  }
});

describe("Identity (PROTOCOL.md, 2026-12-02): a referral is the signed-in officer's agency's, and no sergeant reviews their own", () => {
  test("a referral for another agency than the officer's own is refused (400 naming the field)", async () => {
    const res = await officer.post(REFERRALS, arrestReferral({ agency: 'KCSO' }));
    expectStatus(res, 400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'agency' })]);
  });

  test("the referring officer is the signed-in officer: another badge than the sign-in's is refused (400 naming the field) on a referral, a booking and an officer's social contact", async () => {
    const badged = apiAs(stack.baseUrl, 'officer', 'officer-badged', { agency: 'BURIEN_PD', badge: 'B-2231' });
    const person = { givenName: 'Sam', familyName: 'Badge', dateOfBirth: '1984-04-04' };
    const someoneElse = { id: 'B-1047', name: 'Officer Dana Reyes' };
    for (const path of [REFERRALS, '/api/referrals/bookings']) {
      const res = await badged.post(path, arrestReferral({ person, officer: someoneElse }));
      expect({ path, status: res.status, fields: refusalOf(res)?.fields }).toEqual({
        path,
        status: 400,
        fields: [
          expect.objectContaining({ field: 'officer.id', message: expect.stringMatching(/own badge number, B-2231/) }),
        ],
      });
    }
    const social = await badged.post(
      '/api/referrals/social-contacts',
      socialContactReferral({ source: { type: 'OFFICER', referrerId: 'B-1047' } }),
    );
    expectStatus(social, 400);
    expect(social.body.error.fields).toEqual([expect.objectContaining({ field: 'source.referrerId' })]);
    const own = await badged.post(
      REFERRALS,
      arrestReferral({ person, officer: { id: 'B-2231', name: 'Officer Kim' } }),
    );
    expectStatus(own, 201);
    expect(await stack.db.referral.findUniqueOrThrow({ where: { id: own.body.caseId } })).toMatchObject({
      officerId: 'B-2231',
      submittedById: 'officer-badged',
    });
  });

  test('R-SC-APPROVAL: a sergeant is not offered, and cannot make, the approval of a social contact they submitted; another sergeant can', async () => {
    const submitter = apiAs(stack.baseUrl, 'sergeant', 'sergeant-submits');
    const res = await submitter.post('/api/referrals/social-contacts', socialContactReferral());
    expectStatus(res, 201);
    const caseId = res.body.caseId;
    await settled(stack, caseId);
    const offered = (await submitter.getOk(`/api/cases/${caseId}`)).body.actions.map((a: { name: string }) => a.name);
    expect(offered).not.toContain('decideApproval');
    const own = await submitter.act(caseId, 'approval-decision', { decision: 'APPROVE' });
    expectStatus(own, 403);
    expect(own.body.error).toMatchObject({ code: 'OWN_SUBMISSION', ruleId: 'R-SC-APPROVAL' });
    expect((await sergeant.act(caseId, 'approval-decision', { decision: 'APPROVE' })).status).toBe(200);
  });
});

test("R-COORD: a participant's new referral and booking alert their case manager at once — a notice and the caseload — and no one else reads of it on the case", async () => {
  const person = { givenName: 'Rowan', familyName: 'Coord', dateOfBirth: '1985-02-02' };
  const participant = await submitArrest(stack, arrestReferral({ person }));
  await enroll(participant);
  const again = await submitArrest(stack, arrestReferral({ person }));
  const booked = await officer.post('/api/referrals/bookings', arrestReferral({ person }));
  expect(booked.status).toBe(201);
  const coordination = () => mailFor(stack, participant, ON_CALL_CASE_MANAGERS).filter((m) => ruleOf(m) === 'R-COORD');
  await waitFor(async () => coordination().length === 2 || undefined, 'both alerts');
  expect(coordination()[0].subject).toContain('coordinate with the service plan');
  // The new referral's own case alerts nobody: its person is not a participant in it.
  expect(mailFor(stack, again, ON_CALL_CASE_MANAGERS).map(ruleOf)).toEqual(['R-CALL']);
  const caseload = await caseManager.getOk('/api/caseload');
  const row = caseload.body.cases.find((r: { caseId: string }) => r.caseId === participant);
  expect(row?.newArrestAlertAt).toEqual(expect.any(String));
  const whole = (await readWholeCase(stack, participant)).case;
  expect(whole.events.filter((e: { type: string }) => e.type === 'COORDINATION_ALERT')).toHaveLength(2);
  const sergeantsView = (await sergeant.getOk(`/api/cases/${participant}`)).body.case;
  expect(sergeantsView.events.some((e: { type: string }) => e.type === 'COORDINATION_ALERT')).toBe(false);
});
