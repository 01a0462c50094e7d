import { casePolicyOf, loadConfig } from '../../../src/config/load-config';
import { intakeDeadlineFrom } from '../../../src/case/intake-deadline';
import { apiAs, expectStatus } from '../../support/api-client';
import { mailFor, readCase, ruleOf, settled } from '../../support/case-helpers';
import { arrestReferral, BURIEN_SERGEANTS, COUNTY_PROSECUTOR, ON_CALL_CASE_MANAGERS } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/** Eligibility at submission (R-EL-*, R-EX-*), the override path (R-EL-OVERRIDE) and prior referrals (R-EL-PRIOR). */
let stack: TestStack;
let officer: ReturnType<typeof apiAs>;
let sergeant: ReturnType<typeof apiAs>;
beforeAll(async () => {
  stack = await startTestStack();
  officer = apiAs(stack.baseUrl, 'officer');
  sergeant = apiAs(stack.baseUrl, 'sergeant');
});
afterAll(async () => {
  await stack?.stop();
});

const REFERRALS = '/api/referrals/arrest-diversions';
const twoYearsAgo = () => `${new Date().getUTCFullYear() - 2}-01-15`;
const ineligible = (overrides: Record<string, unknown> = {}) =>
  arrestReferral({
    offenses: [{ code: 'VUCSA_POSSESSION', drug: { substance: 'OTHER', grams: 9.5, activity: 'POSSESSION' } }],
    history: { convictions: [{ code: 'BURGLARY_2', date: twoYearsAgo() }] },
    ...overrides,
  });

test('the eligibility check answers before submission with every reason, and records nothing', async () => {
  const before = await stack.db.referral.count();
  const res = await officer.post(`${REFERRALS}/eligibility`, ineligible());
  expectStatus(res, 200);
  expect(res.body.eligibility.eligible).toBe(false);
  expect(res.body.eligibility.reasons.map((r: { ruleId: string }) => r.ruleId)).toEqual([
    'R-EX-DRUG-AMOUNT',
    'R-EX-HISTORY-5Y',
  ]);
  expect(await stack.db.referral.count()).toBe(before);
});

test('an eligible submission is answered with its eligibility and path flags', async () => {
  const res = await officer.post(
    REFERRALS,
    arrestReferral({
      circumstances: {
        needsImmediateMedicalCare: true,
        ableToConsent: false,
        unableToConsentBecause: 'MENTAL_ILLNESS_IMMEDIATE_RISK',
      },
    }),
  );
  expectStatus(res, 201);
  expect(res.body.eligibility).toMatchObject({
    eligible: true,
    reasons: [],
    paths: { medicalFirst: true, consentLater: true },
  });
  // R-EL-CONSENT-LATER (corrected 2026-12-02): the reason is recorded, the seed's words among them.
  expect(res.body.eligibility.notes).toContainEqual(
    expect.objectContaining({
      ruleId: 'R-EL-CONSENT-LATER',
      message: expect.stringContaining('an immediate risk to self or others due to mental illness'),
    }),
  );
  const unsaid = await officer.post(
    REFERRALS,
    arrestReferral({ circumstances: { needsImmediateMedicalCare: false, ableToConsent: false } }),
  );
  expectStatus(unsaid, 400);
  expect(unsaid.body.error.fields).toEqual([
    expect.objectContaining({ field: 'circumstances.unableToConsentBecause' }),
  ]);
});

test('an ineligible person without an override request is refused (422), every reason named, nothing started', async () => {
  const body = ineligible();
  const res = await officer.post(REFERRALS, body);
  expectStatus(res, 422);
  expect(res.body.error.code).toBe('INELIGIBLE');
  expect(res.body.error.reasons?.map((r: { ruleId: string }) => r.ruleId)).toEqual([
    'R-EX-DRUG-AMOUNT',
    'R-EX-HISTORY-5Y',
  ]);
  expect(res.body.error.message).toMatch(/R-EL-OVERRIDE/);
  expect(await stack.db.referral.count({ where: { submissionId: body.submissionId } })).toBe(0);
});

test('unknown conviction codes and missing drug details are 400s naming the accepted codes', async () => {
  const unknown = await officer.post(
    REFERRALS,
    arrestReferral({ history: { convictions: [{ code: 'ROBBERY_3', date: '2020-01-01' }] } }),
  );
  expectStatus(unknown, 400);
  expect(unknown.body.error.fields?.[0].field).toBe('history.convictions.0.code');
  expect(unknown.body.error.message).toMatch(/ROBBERY_2/);
  expect(unknown.body.error.message).toMatch(/OTHER/);
  const noDrug = await officer.post(REFERRALS, arrestReferral({ offenses: [{ code: 'VUCSA_POSSESSION' }] }));
  expectStatus(noDrug, 400);
  expect(noDrug.body.error.fields).toEqual([
    expect.objectContaining({ field: 'offenses.0.drug', message: expect.stringContaining('R-EX-DRUG-AMOUNT') }),
  ]);
});

test('R-EL-OVERRIDE: ineligible and booked → override requested → the sergeant approves → the case proceeds', async () => {
  const res = await officer.post(
    REFERRALS,
    ineligible({ overrideRequest: { reason: 'Long-time resident, strong ties to outreach team' } }),
  );
  expectStatus(res, 201);
  const caseId = res.body.caseId;
  expect(res.body.case?.stage).toBe('OVERRIDE_REQUESTED');
  expect(res.body.eligibility.reasons.map((r: { ruleId: string }) => r.ruleId)).toEqual([
    'R-EX-DRUG-AMOUNT',
    'R-EX-HISTORY-5Y',
  ]);
  expect(
    (await apiAs(stack.baseUrl, 'sergeant').getOk(`/api/cases/${res.body.caseId}`)).body.referral?.override,
  ).toMatchObject({
    ruleIds: ['R-EX-DRUG-AMOUNT', 'R-EX-HISTORY-5Y'],
    reason: 'Long-time resident, strong ties to outreach team',
  });
  await settled(stack, caseId);
  expect(mailFor(stack, caseId).map(ruleOf)).toEqual(['R-EL-OVERRIDE']);
  expect(mailFor(stack, caseId, BURIEN_SERGEANTS)).toHaveLength(1);

  const approved = await sergeant.act(caseId, 'override-decision', {
    decision: 'APPROVE',
    reason: 'Accepted after booking; amount marginal',
  });
  expectStatus(approved, 200);
  expect(approved.body.case.stage).toBe('AWAITING_SCREENING');
  const view = await settled(stack, caseId);
  expect(mailFor(stack, caseId, ON_CALL_CASE_MANAGERS).map(ruleOf)).toEqual(['R-CALL']);
  expect(mailFor(stack, caseId, COUNTY_PROSECUTOR).map(ruleOf)).toEqual(['R-PACKET']);
  const audit = view.events.filter((e: { type: string }) => e.type.startsWith('OVERRIDE'));
  expect(audit).toEqual([
    expect.objectContaining({
      type: 'OVERRIDE_REQUESTED',
      ruleId: 'R-EL-OVERRIDE',
      data: expect.objectContaining({ reason: 'Long-time resident, strong ties to outreach team' }),
    }),
    expect.objectContaining({
      type: 'OVERRIDE_APPROVED',
      ruleId: 'R-EL-OVERRIDE',
      actor: { id: 'sergeant-1', role: 'sergeant' },
      data: { reason: 'Accepted after booking; amount marginal', intakeDueAt: expect.any(String) },
    }),
  ]);
  // R-EL-OVERRIDE (Decision): the intake deadline counts from the acceptance, not from the referral.
  const approvedAt = Date.parse(audit[1].at);
  // R-INTAKE (Decision 2026-12-02): the acceptance's local date + 30 days, end of that day.
  expect(view.deadlines.find((d: { ruleId: string }) => d.ruleId === 'R-INTAKE')?.dueAt).toBe(
    intakeDeadlineFrom(approvedAt, casePolicyOf(loadConfig(), new Date(approvedAt))),
  );
  const rows = await stack.db.caseEvent.findMany({
    where: { referralId: caseId, type: { startsWith: 'OVERRIDE' } },
    orderBy: { seq: 'asc' },
  });
  expect(rows.map((r) => [r.type, r.actorRole])).toEqual([
    ['OVERRIDE_REQUESTED', 'system'],
    ['OVERRIDE_APPROVED', 'sergeant'],
  ]);
  expect((await apiAs(stack.baseUrl, 'case_manager').act(caseId, 'screening')).status).toBe(200);
});

test('R-EL-OVERRIDE: the sergeant denies → closed with the reason, audited; nothing further is possible', async () => {
  const res = await officer.postOk(
    REFERRALS,
    ineligible({ overrideRequest: { reason: 'Officer requests LEAD despite history' } }),
  );
  const caseId = res.body.caseId;
  expect((await apiAs(stack.baseUrl, 'case_manager').act(caseId, 'screening')).status).toBe(409);
  const denied = await sergeant.actOk(caseId, 'override-decision', {
    decision: 'DENY',
    reason: 'Recent burglary conviction',
  });
  expect(denied.body.case).toMatchObject({
    stage: 'DENIED',
    outcome: 'OVERRIDE_DENIED',
    override: { decision: 'DENIED', by: { role: 'sergeant' } },
  });
  expect(denied.body.referral?.override).toMatchObject({
    decision: 'DENIED',
    decisionReason: 'Recent burglary conviction',
  });
  await stack.env.client.workflow.getHandle(caseId).result();
  const rows = await stack.db.caseEvent.findMany({ where: { referralId: caseId }, orderBy: { seq: 'asc' } });
  expect(rows.filter((r) => r.type === 'OVERRIDE_DENIED').map((r) => r.data)).toEqual([
    { reason: 'Recent burglary conviction' },
  ]);
  expect(mailFor(stack, caseId, COUNTY_PROSECUTOR)).toHaveLength(0);
  expect(
    (await sergeant.act(caseId, 'override-decision', { decision: 'APPROVE', reason: 'changed my mind' })).status,
  ).toBe(409);
  expect((await readCase(stack, caseId)).stage).toBe('DENIED');
});

test('R-EL-PRIOR: prior referrals match on the date of birth with the state id or the full name, never a name or a date alone', async () => {
  const person = { givenName: 'Renata', familyName: 'Okafor', dateOfBirth: '1984-07-21', stateId: 'WA-55120' };
  const first = await officer.postOk(REFERRALS, arrestReferral({ person }));
  const byName = await officer.postOk(
    `${REFERRALS}/eligibility`,
    arrestReferral({ person: { ...person, stateId: undefined } }),
  );
  expect(byName.body.priorReferrals).toEqual([
    expect.objectContaining({ caseId: first.body.caseId, type: 'ARREST_DIVERSION' }),
  ]);
  expect(byName.body.priorReferrals?.[0]).not.toHaveProperty('personId');
  const bySid = await officer.postOk(
    `${REFERRALS}/eligibility`,
    arrestReferral({
      person: { givenName: 'R.', familyName: 'Okafor-Smith', dateOfBirth: '1984-07-21', stateId: 'WA-55120' },
    }),
  );
  expect(bySid.body.priorReferrals?.map((p: { caseId: string }) => p.caseId)).toEqual([first.body.caseId]);
  const otherGivenName = await officer.postOk(
    `${REFERRALS}/eligibility`,
    arrestReferral({ person: { ...person, givenName: 'Rennie', stateId: undefined } }),
  );
  expect(otherGivenName.body.priorReferrals).toEqual([]);
  const sidOtherBirthday = await officer.postOk(
    `${REFERRALS}/eligibility`,
    arrestReferral({ person: { ...person, dateOfBirth: '1984-07-22' } }),
  );
  expect(sidOtherBirthday.body.priorReferrals).toEqual([]);
  const namesake = await officer.postOk(
    `${REFERRALS}/eligibility`,
    arrestReferral({ person: { givenName: 'Renata', familyName: 'Okafor', dateOfBirth: '1990-01-01' } }),
  );
  expect(namesake.body.priorReferrals).toEqual([]);
  const second = await officer.post(REFERRALS, arrestReferral({ person }));
  expectStatus(second, 201);
  expect(second.body.priorReferrals?.map((p: { caseId: string }) => p.caseId)).toContain(first.body.caseId);

  // Shown only to the submitting agency's officers and sergeants, and each one shown is a disclosure (R-DISCLOSE).
  const kcsoOfficer = apiAs(stack.baseUrl, 'officer', 'kcso-officer-1', { agency: 'KCSO' });
  expect(
    (await kcsoOfficer.postOk(`${REFERRALS}/eligibility`, arrestReferral({ person }))).body.priorReferrals,
  ).toBeNull();
  const disclosed = await stack.db.disclosure.findMany({
    where: { caseId: first.body.caseId, basis: { startsWith: 'R-EL-PRIOR' } },
  });
  expect(disclosed.map((d) => [d.actorId, d.kinds])).toEqual(Array(3).fill(['officer-1', ['REFERRAL_RECORD']]));
});
