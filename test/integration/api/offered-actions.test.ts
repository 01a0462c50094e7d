import { apiAs, expectStatus } from '../../support/api-client';
import { arrestReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * With every case it answers, the API offers the reader the actions their role may take on it now
 * (PERMISSIONS, the case's type and stage, each action's own condition): the page renders exactly
 * these, and each offered action is one the API then accepts.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const offered = async (role: Parameters<typeof apiAs>[1], caseId: string) => {
  const res = await apiAs(stack.baseUrl, role).get(`/api/cases/${caseId}`);
  expectStatus(res, 200);
  return (res.body.actions as Array<{ name: string; path: string }>).map((a) => a.name);
};

test('each reader is offered what their role may do at this stage, and what is offered is accepted', async () => {
  const created = await apiAs(stack.baseUrl, 'officer').post('/api/referrals/arrest-diversions', arrestReferral());
  expectStatus(created, 201);
  const caseId: string = created.body.caseId;

  expect(await offered('case_manager', caseId)).toEqual([
    'recordScreening',
    'recordLeftBeforeScreening',
    'recordScreenedOut',
    'recordCaseNote',
    'nominateForStaffing',
  ]);
  expect(await offered('officer', caseId)).toEqual([
    'reportReturnToScene',
    'extendIntakeDeadline',
    'nominateForStaffing',
  ]);
  // R-PACKET (Decision 2026-12-02): the office reviews the packet, and may decide on filing outside
  // R-SCREEN, R-MISSED and R-VICTIM only with a reason and a confirmation (the decision asks for both).
  expect(await offered('prosecutor', caseId)).toEqual([
    'recordFilingDecision',
    'recordPacketReview',
    'nominateForStaffing',
  ]);

  const screening = (await apiAs(stack.baseUrl, 'case_manager').getOk(`/api/cases/${caseId}`)).body.actions.find(
    (a: { name: string }) => a.name === 'recordScreening',
  );
  const screened = await apiAs(stack.baseUrl, 'case_manager').post(`/api/cases/${caseId}/${screening!.path}`, {});
  expectStatus(screened, 200);
  // The answer to an action offers what comes next.
  expect((screened.body as { actions: Array<{ name: string }> }).actions.map((a) => a.name)).toEqual([
    'recordConsent',
    'scheduleIntake',
    'recordCaseNote',
    'nominateForStaffing',
  ]);
  // R-CONSENT: intake is offered once the release of information is recorded; the release may be amended.
  const consented = await apiAs(stack.baseUrl, 'case_manager').post(`/api/cases/${caseId}/consent`, {
    method: 'WRITTEN',
    covers: { staffing: true, providers: ['Valley Cities'] },
  });
  expectStatus(consented, 200);
  expect(consented.body.actions.map((a: { name: string }) => a.name)).toEqual([
    'amendRelease',
    'scheduleIntake',
    'recordIntake',
    'recordCaseNote',
    'rescindConsent',
    'nominateForStaffing',
  ]);
  // An amendment's form starts from the version in force (what it changes); how it was given is asked anew.
  const amend = consented.body.actions.find((a: { name: string }) => a.name === 'amendRelease');
  expect(Object.fromEntries(amend?.fields.map((f) => [f.name, f.initial]) ?? [])).toEqual({
    method: undefined,
    memorializedBy: undefined,
    'covers.staffing': true,
    'covers.providers': 'Valley Cities',
    note: undefined,
  });
  // R-CONSENT (Decision 2026-12-02): rescinded before enrollment, consent is offered again on the case page.
  const rescinded = await apiAs(stack.baseUrl, 'case_manager').postOk(`/api/cases/${caseId}/consent/rescind`, {});
  expect(rescinded.body.case.stage).toBe('AWAITING_INTAKE');
  expect(rescinded.body.actions.map((a: { name: string }) => a.name)).toContain('recordConsent');
});
