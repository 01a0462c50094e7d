import { apiAs, expectStatus, refusalOf } from '../../support/api-client';
import { settled, submitArrest } from '../../support/case-helpers';
import { arrestReferral, socialContactReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * Issue 22 item 2 — R-EX-ORDER is not an enrollment oracle: whom an order protects is checked against the
 * people in LEAD today only for a submission the officer is making (their own, Identity), never in a dry
 * run nor for a submission refused on other grounds; every answer that reveals a participant is in that
 * participant's accounting of disclosures (R-DISCLOSE); and the submissions that carry orders are
 * limited per officer.
 */
const ORDER_CHECKS_PER_WINDOW = 5;
const REFERRALS = '/api/referrals/arrest-diversions';
const participant = {
  givenName: 'Marisol',
  familyName: 'Oraclesson',
  dateOfBirth: '1984-05-06',
  stateId: 'WA-ORC-0001',
};
/** The officer's list of state ids to probe: the participant's among people never referred. */
const PROBED = ['WA-ORC-0002', participant.stateId, 'WA-ORC-0003', 'WA-ORC-0004'];
const ordersFor = (stateIds: string[]) =>
  stateIds.map((stateId) => ({ type: 'NO_CONTACT', protectedPerson: { stateId } }));
const ruleIdsOf = (reasons: Array<{ ruleId: string }> | undefined) => reasons?.map((r) => r.ruleId);

let stack: TestStack;
let participantCase: string;
let participantId: string;

beforeAll(async () => {
  stack = await startTestStack({
    limits: {
      signInFailures: { windowMs: 60_000, perAddress: 10_000, accountBackoff: { firstMs: 0, maxMs: 0 } },
      unauthenticated: { windowMs: 60_000, perAddress: 10_000, total: 100_000 },
      submissions: { windowMs: 60_000, limit: 100_000 },
      orderChecks: { windowMs: 60_000, limit: ORDER_CHECKS_PER_WINDOW },
    },
  });
  participantCase = await submitArrest(stack, arrestReferral({ person: participant }));
  const caseManager = apiAs(stack.baseUrl, 'case_manager', 'cm-oracle');
  for (const [action, body] of [
    ['screening', {}],
    ['consent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } }],
    ['intake', {}],
  ] as const)
    await caseManager.actOk(participantCase, action, body);
  await settled(stack, participantCase);
  participantId = (await stack.db.referral.findUniqueOrThrow({ where: { id: participantCase } })).personId;
});
afterAll(async () => {
  await stack?.stop();
});

const officerAs = (id: string, scope: { agency: string; badge?: string } = { agency: 'BURIEN_PD' }) =>
  apiAs(stack.baseUrl, 'officer', id, scope);
const disclosuresOfParticipantTo = (actorId: string) =>
  stack.db.disclosure.findMany({ where: { caseId: participantCase, actorId } });
const revealsParticipant = (body: unknown) =>
  new RegExp(`${participantCase}|Marisol|Oraclesson|WA-ORC-0001|ENROLLED`, 'i').test(JSON.stringify(body));

test('issue 22 item 2: R-EX-ORDER — probing a list of state ids with the eligibility check learns nothing: the answer is the same with or without the participant', async () => {
  const officer = officerAs('officer-probing-list');
  const answers = [];
  for (const stateIds of [PROBED, PROBED.filter((id) => id !== participant.stateId), ...PROBED.map((id) => [id])]) {
    const res = await officer.post(
      `${REFERRALS}/eligibility`,
      arrestReferral({ protectiveOrders: ordersFor(stateIds) }),
    );
    expectStatus(res, 200);
    expect(revealsParticipant(res.body)).toBe(false);
    answers.push(res.body.eligibility);
  }
  for (const answer of answers) expect(answer).toEqual(answers[0]);
  expect(answers[0]).toMatchObject({ eligible: true, reasons: [] });
  expect(answers[0].notes).toContainEqual({
    ruleId: 'R-EX-ORDER',
    message:
      'the protective orders are checked against the people in LEAD today only when the referral is recorded (R-EX-ORDER)',
  });
  expect(await disclosuresOfParticipantTo('officer-probing-list')).toEqual([]);
});

test('issue 22 item 2: R-EX-ORDER — a submission refused on other grounds is refused on those alone: its orders are not checked, nothing is recorded', async () => {
  const officer = officerAs('officer-probing-refused');
  const notAmenable = (stateIds: string[]) =>
    arrestReferral({
      judgments: {
        amenable: false,
        dealingForProfit: false,
        exploitsOthers: false,
        promotingProstitution: false,
        safetyConcern: false,
      },
      protectiveOrders: ordersFor(stateIds),
    });
  const bodies = [notAmenable([participant.stateId]), notAmenable(['WA-ORC-0002'])];
  const [withParticipant, without] = [
    await officer.post(REFERRALS, bodies[0]),
    await officer.post(REFERRALS, bodies[1]),
  ];
  for (const res of [withParticipant, without]) {
    expectStatus(res, 422);
    expect(ruleIdsOf(res.body.error.reasons)).toEqual(['R-EX-AMENABLE']);
    expect(res.body.error.eligibility?.notes).toContainEqual(expect.objectContaining({ ruleId: 'R-EX-ORDER' }));
    expect(revealsParticipant(res.body)).toBe(false);
  }
  expect(refusalOf(withParticipant)?.eligibility).toEqual(refusalOf(without)?.eligibility);
  expect(await disclosuresOfParticipantTo('officer-probing-refused')).toEqual([]);
  const submissionIds = bodies.map((b) => b.submissionId);
  expect(await stack.db.referral.count({ where: { submissionId: { in: submissionIds } } })).toBe(0);
});

test("issue 22 item 2: R-EX-ORDER, Identity — another agency's referral or another officer's badge is refused before any order is checked", async () => {
  const otherAgency = await officerAs('officer-kcso', { agency: 'KCSO' }).post(
    REFERRALS,
    arrestReferral({ protectiveOrders: ordersFor([participant.stateId]) }),
  );
  expectStatus(otherAgency, 400);
  expect(otherAgency.body.error.fields).toEqual([expect.objectContaining({ field: 'agency' })]);
  const otherBadge = await officerAs('officer-other-badge', { agency: 'BURIEN_PD', badge: 'B-9999' }).post(
    REFERRALS,
    arrestReferral({ protectiveOrders: ordersFor([participant.stateId]) }),
  );
  expectStatus(otherBadge, 400);
  expect(otherBadge.body.error.fields).toEqual([expect.objectContaining({ field: 'officer.id' })]);
  for (const res of [otherAgency, otherBadge]) expect(revealsParticipant(res.body)).toBe(false);
  expect(await disclosuresOfParticipantTo('officer-kcso')).toEqual([]);
  expect(await disclosuresOfParticipantTo('officer-other-badge')).toEqual([]);
});

test("issue 22 item 2: R-EX-ORDER, R-DISCLOSE — the officer's own submission is answered without naming who, and each revealing answer is in the participant's accounting", async () => {
  const officer = officerAs('officer-own', { agency: 'BURIEN_PD', badge: 'B-1047' });
  const refused = await officer.post(REFERRALS, arrestReferral({ protectiveOrders: ordersFor(PROBED) }));
  expectStatus(refused, 422);
  // One reason for the submission, not which of its orders: the officer learns nothing of the others.
  expect(refused.body.error.reasons).toEqual([
    {
      ruleId: 'R-EX-ORDER',
      message: 'a no-contact, restraining or anti-harassment order protects a current LEAD participant (R-EX-ORDER)',
    },
  ]);
  expect(revealsParticipant(refused.body)).toBe(false);

  const social = await officer.post(
    '/api/referrals/social-contacts',
    socialContactReferral({
      source: { type: 'OFFICER', referrerId: 'B-1047' },
      protectiveOrders: ordersFor([participant.stateId]),
    }),
  );
  expectStatus(social, 422);
  expect(ruleIdsOf(social.body.error.reasons)).toEqual(['R-EX-ORDER']);
  const booked = await officer.post(
    '/api/referrals/bookings',
    arrestReferral({ protectiveOrders: ordersFor([participant.stateId]) }),
  );
  expectStatus(booked, 201);
  expect(ruleIdsOf(booked.body.eligibility.reasons)).toEqual(['R-EX-ORDER']);

  const rows = await disclosuresOfParticipantTo('officer-own');
  expect(rows.map((d) => d.requestId).sort()).toEqual(
    [refused, social, booked].map((res) => res.headers.get('x-request-id')).sort(),
  );
  for (const row of rows)
    expect(row).toMatchObject({
      personId: participantId,
      actorRole: 'officer',
      actorAgency: 'BURIEN_PD',
      kinds: ['PROGRAM_STATUS'],
      basis: expect.stringContaining('R-EX-ORDER'),
    });
  const accounting = await apiAs(stack.baseUrl, 'case_manager', 'cm-oracle').get(
    `/api/cases/${participantCase}/disclosures`,
  );
  expectStatus(accounting, 200);
  expect(accounting.body.disclosures.filter((d: { actorId: string }) => d.actorId === 'officer-own')).toHaveLength(3);

  // An answer that reveals no participant discloses no one.
  const recorded = await officer.post(REFERRALS, arrestReferral({ protectiveOrders: ordersFor(['WA-ORC-0003']) }));
  expect(recorded.status).toBe(201);
  expect(await stack.db.disclosure.count({ where: { requestId: recorded.headers.get('x-request-id')! } })).toBe(0);
});

test('issue 22 item 2: R-EX-ORDER — submissions with protective orders are limited per officer (429); other submissions and other officers are not', async () => {
  const officer = officerAs('officer-bursting');
  const statuses = [];
  for (let i = 0; i <= ORDER_CHECKS_PER_WINDOW; i++)
    statuses.push(
      (await officer.post(REFERRALS, arrestReferral({ protectiveOrders: ordersFor([participant.stateId]) }))).status,
    );
  expect(statuses).toEqual([...Array(ORDER_CHECKS_PER_WINDOW).fill(422), 429]);
  const limited = await officer.post(REFERRALS, arrestReferral({ protectiveOrders: ordersFor(['WA-ORC-0004']) }));
  expectStatus(limited, 429);
  expect(limited.body.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', ruleId: 'R-EX-ORDER' });
  expect(limited.body.error.message).toMatch(/protective orders.*R-EX-ORDER/);
  // Only the answers that checked the orders were disclosures; the refused ones checked nothing.
  expect(await disclosuresOfParticipantTo('officer-bursting')).toHaveLength(ORDER_CHECKS_PER_WINDOW);

  expect((await officer.post(REFERRALS, arrestReferral())).status).toBe(201);
  const colleague = officerAs('officer-colleague');
  expect(
    (await colleague.post(REFERRALS, arrestReferral({ protectiveOrders: ordersFor([participant.stateId]) }))).status,
  ).toBe(422);
});
