import { randomUUID } from 'node:crypto';
import { apiAs, bodyOf, expectStatus, refusalOf } from '../../support/api-client';
import { mailFor, readCase, ruleOf, settled, submitArrest } from '../../support/case-helpers';
import { arrestReferral, COUNTY_PROSECUTOR, ON_CALL_CASE_MANAGERS } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/** The HTTP API's contract: idempotent starts, and every wrong input answered with what to fix. */
let stack: TestStack;
let officer: ReturnType<typeof apiAs>;
let caseManager: ReturnType<typeof apiAs>;

beforeAll(async () => {
  stack = await startTestStack();
  officer = apiAs(stack.baseUrl, 'officer');
  caseManager = apiAs(stack.baseUrl, 'case_manager');
});
afterAll(async () => {
  await stack?.stop();
});

const REFERRALS = '/api/referrals/arrest-diversions';

/** What a refused action must not change: the case's own events and the updates the workflow accepted. */
async function recorded(caseId: string) {
  const history = await stack.env.client.workflow.getHandle(caseId).fetchHistory();
  const accepted = history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
  return { accepted, events: (await readCase(stack, caseId)).events };
}

describe('creating a referral', () => {
  test('answers with the case id, its deadlines and what happens next', async () => {
    const res = await officer.post(REFERRALS, arrestReferral());
    expectStatus(res, 201);
    expect(res.body.caseId).toMatch(/^BUR-[0-9A-Z]{10}$/);
    expect(res.body.case?.deadlines.map((d: { ruleId: string }) => d.ruleId)).toEqual([
      'R-SCREEN',
      'R-SCENE',
      'R-INTAKE',
    ]);
    // In words for the officer (issue 23 item 3): who was called, the packet, the scene and intake dates.
    expect(res.body.nextSteps.join(' ')).toMatch(
      /case management team has been called.*diversion packet.*scene.*intake/s,
    );
    expect(res.body.nextSteps.join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:|R-[A-Z]/);
    const row = await stack.db.referral.findUniqueOrThrow({
      where: { id: res.body.caseId },
      include: { person: true },
    });
    expect(row.person).toMatchObject({ givenName: 'Jordan', familyName: 'Avery' });
    expect(row.workflowStartedAt).not.toBeNull();
  });

  test('the same submission again returns the existing case: one workflow, one set of e-mails', async () => {
    const body = arrestReferral();
    const first = await officer.post(REFERRALS, body);
    const again = await officer.post(REFERRALS, body);
    expectStatus(first, 201);
    expectStatus(again, 200);
    expect(again.body).toMatchObject({ caseId: first.body.caseId, created: false });
    await settled(stack, first.body.caseId);
    expect(mailFor(stack, first.body.caseId).map(ruleOf).sort()).toEqual(['R-CALL', 'R-PACKET']);
  });

  test('20 concurrent identical submissions yield one referral, one workflow and one set of e-mails', async () => {
    const body = arrestReferral();
    const responses = await Promise.all(Array.from({ length: 20 }, () => officer.post(REFERRALS, body)));
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    const ids = new Set(responses.map((r) => bodyOf(r, [200, 201]).caseId));
    expect(ids.size).toBe(1);
    const [caseId] = ids;
    const view = await settled(stack, caseId);
    expect(view.events.filter((e: { type: string }) => e.type === 'REFERRAL_RECEIVED')).toHaveLength(1);
    expect(await stack.db.referral.count({ where: { submissionId: body.submissionId } })).toBe(1);
    expect(
      await stack.db.person.count({
        where: { givenName: 'Jordan', referrals: { some: { submissionId: body.submissionId } } },
      }),
    ).toBe(1);
    const history = await stack.env.client.workflow.getHandle(caseId).fetchHistory();
    expect(history.events?.filter((e) => e.workflowExecutionStartedEventAttributes)).toHaveLength(1);
    expect(mailFor(stack, caseId, ON_CALL_CASE_MANAGERS)).toHaveLength(1);
    expect(mailFor(stack, caseId, COUNTY_PROSECUTOR)).toHaveLength(1);
  });

  test('a submission id reused with different content is refused (409), the first case untouched', async () => {
    const body = arrestReferral();
    const first = await officer.postOk(REFERRALS, body);
    const altered = await officer.post(REFERRALS, { ...body, offenses: [{ code: 'CRIMINAL_TRESPASS' }] });
    expect(altered.status).toBe(409);
    expect(refusalOf(altered)).toMatchObject({ code: 'SUBMISSION_ID_REUSED', fields: [{ field: 'submissionId' }] });
    expect(refusalOf(altered)?.message).toContain(first.body.caseId);
  });

  test.each([
    ['a missing person', (b: any) => ({ ...b, person: undefined }), 'person'],
    [
      'a malformed date of birth',
      (b: any) => ({ ...b, person: { ...b.person, dateOfBirth: '12/04/1988' } }),
      'person.dateOfBirth',
    ],
    ['an unknown agency', (b: any) => ({ ...b, agency: 'SPD' }), 'agency'],
    ['an offense outside R-EL-OFFENSE', (b: any) => ({ ...b, offenses: [{ code: 'ROBBERY_1' }] }), 'offenses.0.code'],
    ['no offense', (b: any) => ({ ...b, offenses: [] }), 'offenses'],
    ['an unknown field', (b: any) => ({ ...b, notes: 'x' }), '(body)'],
    ['a submission id that is not a UUID', (b: any) => ({ ...b, submissionId: 'abc' }), 'submissionId'],
    [
      'a referral time in the future',
      (b: any) => ({ ...b, referredAt: new Date(Date.now() + 3600_000).toISOString() }),
      'referredAt',
    ],
  ])('%s → 400 naming the field', async (_what, mutate, field) => {
    const res = await officer.post(REFERRALS, mutate(arrestReferral()));
    expectStatus(res, 400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields?.map((f: { field: string }) => f.field)).toContain(field);
  });

  test('an unknown code is answered with the accepted codes', async () => {
    const res = await officer.post(REFERRALS, arrestReferral({ offenses: [{ code: 'ROBBERY_1' }] }));
    expect(refusalOf(res)?.message).toMatch(/CRIMINAL_TRESPASS/);
    expect(refusalOf(res)?.message).toMatch(/VUCSA_POSSESSION/);
  });

  test('malformed JSON → 400; no identity → 401; a role without the permission → 403', async () => {
    expect(refusalOf(await officer.post(REFERRALS, '{"submissionId": '))?.code).toBe('MALFORMED_JSON');
    const anonymous = await fetch(`${stack.baseUrl}${REFERRALS}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(arrestReferral()),
    });
    expect(anonymous.status).toBe(401);
    const forbidden = await caseManager.post(REFERRALS, arrestReferral());
    expectStatus(forbidden, 403);
    expect(forbidden.body.error.message).toContain('referral.create');
  });

  test('no bad input starts a workflow or writes a row', async () => {
    const before = await stack.db.referral.count();
    await officer.post(REFERRALS, arrestReferral({ agency: 'NOPE' }));
    await officer.post(REFERRALS, arrestReferral({ person: { givenName: '' } }));
    expect(await stack.db.referral.count()).toBe(before);
  });
});

describe('case actions', () => {
  test('an unknown case → 404, whatever the id looks like', async () => {
    for (const id of ['BUR-0000000000', 'not-a-case', '..%2F..%2Fetc']) {
      const res = await caseManager.act(id, 'screening');
      expectStatus(res, 404);
      expect(res.body.error.code).toBe('CASE_NOT_FOUND');
    }
    expect((await caseManager.get('/api/cases/BUR-0000000000')).status).toBe(404);
  });

  test('a bad body → 400 naming the field and the rule; the workflow is untouched', async () => {
    const caseId = await submitArrest(stack, arrestReferral());
    await caseManager.actOk(caseId, 'screening');
    await settled(stack, caseId);
    const before = await recorded(caseId);
    const noMethod = await caseManager.act(caseId, 'consent', {});
    expectStatus(noMethod, 400);
    expect(noMethod.body.error.fields).toEqual([expect.objectContaining({ field: 'method' })]);
    const verbal = await caseManager.act(caseId, 'consent', { method: 'VERBAL_MEMORIALIZED' });
    expectStatus(verbal, 400);
    expect(verbal.body.error.fields?.[0]).toMatchObject({
      field: 'memorializedBy',
      message: expect.stringContaining('R-CONSENT'),
    });
    const earlier = await apiAs(stack.baseUrl, 'sergeant').act(caseId, 'intake-deadline/extensions', {
      newDueAt: new Date(Date.now()).toISOString(),
      reason: 'typo',
    });
    expectStatus(earlier, 400);
    expect(earlier.body.error).toMatchObject({
      ruleId: 'R-INTAKE',
      fields: [expect.objectContaining({ field: 'newDueAt' })],
    });
    expect(await recorded(caseId)).toEqual(before);
  });

  test('an action the stage does not allow → 409 naming the stage and rule; the workflow is untouched', async () => {
    const caseId = await submitArrest(stack, arrestReferral());
    const before = await recorded(caseId);
    const exit = await caseManager.act(caseId, 'exit', { reason: 'MOVED_AWAY' });
    expectStatus(exit, 409);
    expect(exit.body.error).toMatchObject({ code: 'STAGE_CONFLICT', stage: 'AWAITING_SCREENING', ruleId: 'R-EXIT' });
    expect(exit.body.error.message).toContain(caseId);
    expect(await recorded(caseId)).toEqual(before);
    expect((await readCase(stack, caseId)).stage).toBe('AWAITING_SCREENING');
  });

  test('a role without the permission → 403 naming it', async () => {
    const caseId = await submitArrest(stack, arrestReferral());
    const res = await apiAs(stack.baseUrl, 'officer').act(caseId, 'screening');
    expectStatus(res, 403);
    expect(res.body.error.permission).toBe('case.recordScreening');
  });

  test('an action retried with the same Idempotency-Key is recorded once', async () => {
    const caseId = await submitArrest(stack, arrestReferral());
    const key = randomUUID();
    const first = await caseManager.act(caseId, 'screening', {}, { 'Idempotency-Key': key });
    const retry = await caseManager.act(caseId, 'screening', {}, { 'Idempotency-Key': key });
    expect(first.status).toBe(200);
    expectStatus(retry, 200);
    expect(retry.body.case.events.filter((e: { type: string }) => e.type === 'SCREENING_RECORDED')).toHaveLength(1);
    const other = await caseManager.act(caseId, 'screening', {}, { 'Idempotency-Key': randomUUID() });
    expect(other.status).toBe(409);
  });

  test('issue 22 item 11: an Idempotency-Key resent with another body answers 422 naming the header; the first action stands, the second is not applied', async () => {
    const caseId = await submitArrest(stack, arrestReferral());
    const key = randomUUID();
    const first = await caseManager.act(caseId, 'notes', { note: 'the first note' }, { 'Idempotency-Key': key });
    expect(first.status).toBe(200);
    // The same action again (the same once trimmed, as the schema reads it) is the retry it was.
    const retry = await caseManager.act(caseId, 'notes', { note: '  the first note ' }, { 'Idempotency-Key': key });
    expect(retry.status).toBe(200);
    const reused = await caseManager.act(caseId, 'notes', { note: 'a second note' }, { 'Idempotency-Key': key });
    expectStatus(reused, 422);
    expect(reused.body.error).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      fields: [{ field: 'idempotency-key' }],
    });
    expect(reused.body.error.message).toContain(`Idempotency-Key ${key}`);
    const notes = (await readCase(stack, caseId)).events
      .filter((e: { type: string }) => e.type === 'CASE_NOTE_RECORDED')
      .map((e) => e.data?.note);
    expect(notes).toEqual(['the first note']);
    // A new key is a new action.
    const next = await caseManager.act(caseId, 'notes', { note: 'a second note' }, { 'Idempotency-Key': randomUUID() });
    expect(next.status).toBe(200);
  });

  test('an Idempotency-Key is bound to the person who sent it: another person reusing it is not answered with the first result', async () => {
    const caseId = await submitArrest(stack, arrestReferral());
    const key = randomUUID();
    const first = await caseManager.act(caseId, 'notes', { note: "first person's note" }, { 'Idempotency-Key': key });
    expect(first.status).toBe(200);
    const someoneElse = await apiAs(stack.baseUrl, 'case_manager', 'case_manager-2').act(
      caseId,
      'notes',
      { note: "second person's note" },
      { 'Idempotency-Key': key },
    );
    expectStatus(someoneElse, 200);
    const notes = someoneElse.body.case.events.filter((e: { type: string }) => e.type === 'CASE_NOTE_RECORDED');
    expect(notes.map((e) => [e.actor.id, e.data?.note])).toEqual([
      ['case_manager-1', "first person's note"],
      ['case_manager-2', "second person's note"],
    ]);
  });
});

test('the OpenAPI document is generated from the same schemas and lists every action', async () => {
  const res = await fetch(`${stack.baseUrl}/api/openapi.json`);
  const doc = await res.json();
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/api/referrals/arrest-diversions',
      '/api/cases/{caseId}',
      '/api/cases/{caseId}/intake-deadline/extensions',
    ]),
  );
  const referral = doc.paths['/api/referrals/arrest-diversions'].post.requestBody.content['application/json'].schema;
  expect(referral.properties.agency.enum).toEqual(['BURIEN_PD', 'KCSO', 'KCSO_METRO', 'DOC']);
  expect(referral.additionalProperties).toBe(false);
});
