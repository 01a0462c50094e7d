import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, type Payload } from '@temporalio/common';
import { apiAs, expectStatus, waitFor } from '../../support/api-client';
import { settled } from '../../support/case-helpers';
import { arrestReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';
import { caseActionUpdate } from '../../../src/contract/definitions';

/**
 * Failures stored by Temporal hold no readable text (the failure converter encodes message and stack
 * into an encrypted payload), and text PostgreSQL cannot store never gets in: the API and the
 * workflows refuse it, naming the field.
 */
let stack: TestStack;
beforeAll(async () => {
  // The dev server: a real Temporal server keeps each retried activity's last failure in its history.
  stack = await startTestStack({ timeSkipping: false });
});
afterAll(async () => {
  await stack?.stop();
});

test('an activity failure (SMTP down) is stored as ciphertext: the history fetched without the codec has no failure text', async () => {
  const res = await apiAs(stack.baseUrl, 'officer').post('/api/referrals/arrest-diversions', arrestReferral());
  expectStatus(res, 201);
  const caseId: string = res.body.caseId;
  await settled(stack, caseId);
  // The notices an action owes are an activity of their own (a new case's go inside its first task).
  const port = stack.mail.port;
  await stack.mail.stop();
  await apiAs(stack.baseUrl, 'case_manager').actOk(caseId, 'left-before-screening');
  // Let the notices fail at least once, then bring the mail relay back.
  await waitFor(
    async () =>
      (await stack.db.notification.count({
        where: { referralId: caseId, ruleId: 'R-SCREEN', lastError: { not: null } },
      })) > 0,
    'a failed delivery',
    30_000,
  );
  await stack.mail.start(port);
  await settled(stack, caseId);

  const plain = new Client({ connection: stack.env.connection, namespace: 'default' }); // no codec
  const history = await plain.workflow.getHandle(caseId).fetchHistory();
  const failures = history.events!.flatMap((e) =>
    [e.activityTaskStartedEventAttributes?.lastFailure, e.activityTaskFailedEventAttributes?.failure].filter(Boolean),
  );
  expect(failures.length).toBeGreaterThan(0);
  for (const failure of failures) {
    expect(failure!.message).toBe('Encoded failure');
    expect(failure!.stackTrace ?? '').toBe('');
    expect(Buffer.from(failure!.encodedAttributes!.metadata!.encoding).toString()).toBe('binary/encrypted');
  }
  const raw = JSON.stringify(history);
  for (const text of ['ECONNREFUSED', 'connect', 'send-notice', 'sendNotices (']) expect(raw).not.toContain(text);

  // With the keys, the product reads what went wrong.
  const [decoded] = await stack.codec.decode([failures[0]!.encodedAttributes as Payload]);
  expect(JSON.parse(Buffer.from(decoded.data!).toString())).toMatchObject({
    message: expect.stringContaining('ECONNREFUSED'),
    stack_trace: expect.stringContaining('Error'),
  });
});

test('text PostgreSQL cannot store is refused where it enters, naming the field (API and workflow alike)', async () => {
  const officer = apiAs(stack.baseUrl, 'officer');
  const nul = await officer.post(
    '/api/referrals/arrest-diversions',
    arrestReferral({ person: { givenName: 'Ana\u0000', familyName: 'Loy', dateOfBirth: '1980-01-01' } }),
  );
  expectStatus(nul, 400);
  expect(nul.body.error.fields).toEqual([
    { field: 'person.givenName', message: expect.stringContaining('cannot be stored') },
  ]);
  const created = await officer.postOk('/api/referrals/arrest-diversions', arrestReferral());
  const caseId = created.body.caseId;
  await settled(stack, caseId);
  const caseManager = apiAs(stack.baseUrl, 'case_manager');
  const lone = await caseManager.act(caseId, 'notes', { note: 'half a pair \ud83d here' });
  expectStatus(lone, 400);
  expect(lone.body.error.fields).toEqual([{ field: 'note', message: expect.stringContaining('cannot be stored') }]);
  const nulNote = await caseManager.act(caseId, 'left-before-screening', { note: 'walked off\u0000' });
  expectStatus(nulNote, 400);
  expect(nulNote.body.error.fields?.[0].field).toBe('note');

  // Another client of Temporal, bypassing the API, is refused by the update's validator: nothing recorded.
  const direct = stack.env.client.workflow.getHandle(caseId).executeUpdate(caseActionUpdate('recordCaseNote'), {
    args: [{ actor: { id: 'cm-1', role: 'case_manager' }, input: { note: 'x\u0000y' } }],
  });
  const err = await direct.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  expect(((err as WorkflowUpdateFailedError).cause as ApplicationFailure).details?.[0]).toMatchObject({
    code: 'INVALID_FIELD',
    field: 'note',
  });
  const view = (await apiAs(stack.baseUrl, 'supervisor').getOk(`/api/cases/${caseId}`)).body.case;
  expect(view.stage).toBe('AWAITING_SCREENING');
  expect(view.events.map((e: { type: string }) => e.type)).not.toContain('CASE_NOTE_RECORDED');
  // The case still settles and closes normally.
  expect((await caseManager.act(caseId, 'left-before-screening', { note: 'walked off' })).status).toBe(200);
  await settled(stack, caseId);
});
