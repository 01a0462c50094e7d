import { apiAs, expectStatus, waitFor } from '../../support/api-client';
import { settled } from '../../support/case-helpers';
import { arrestReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/** The audit trail: one row per request, reads included; append-only; it agrees with the case events. */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

test('every action in a complete case lifecycle leaves exactly one audit row, and the rows agree with the workflow events', async () => {
  const officer = apiAs(stack.baseUrl, 'officer', 'officer-9');
  const caseManager = apiAs(stack.baseUrl, 'case_manager', 'cm-9');
  const supervisor = apiAs(stack.baseUrl, 'supervisor', 'sup-9');
  const requests: string[] = [];
  const track = async (p: Promise<{ status: number; headers: Headers; body: any }>) => {
    const res = await p;
    requests.push(res.headers.get('x-request-id')!);
    return res;
  };
  const created = await track(officer.post('/api/referrals/arrest-diversions', arrestReferral()));
  const caseId = created.body.caseId;
  await track(caseManager.act(caseId, 'screening'));
  await track(caseManager.get(`/api/cases/${caseId}`));
  await track(caseManager.act(caseId, 'consent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } }));
  await track(caseManager.act(caseId, 'intake'));
  await track(caseManager.act(caseId, 'iip', { goals: ['HOUSING', 'TREATMENT'] }));
  await track(caseManager.act(caseId, 'screening')); // refused: 409, audited too
  await track(officer.act(caseId, 'exit', { reason: 'MOVED_AWAY' })); // denied: 403, audited
  await track(caseManager.act(caseId, 'exit', { reason: 'TRANSITIONED_OUT' }));
  await track(supervisor.get(`/api/cases/${caseId}`));
  await settled(stack, caseId);

  const rows = await waitFor(async () => {
    const found = await stack.db.auditEntry.findMany({
      where: { requestId: { in: requests } },
      orderBy: { id: 'asc' },
    });
    return found.length >= requests.length ? found : undefined;
  }, 'the audit rows');
  expect(rows.map((r) => r.requestId)).toEqual(requests);
  expect(rows.map((r) => [r.actorId, r.action, r.status, r.outcome])).toEqual([
    ['officer-9', 'referral.create', 201, 'ALLOWED'],
    ['cm-9', 'case.recordScreening', 200, 'ALLOWED'],
    ['cm-9', 'case.read', 200, 'ALLOWED'],
    ['cm-9', 'case.recordConsent', 200, 'ALLOWED'],
    ['cm-9', 'case.recordIntake', 200, 'ALLOWED'],
    ['cm-9', 'case.recordIipGoals', 200, 'ALLOWED'],
    ['cm-9', 'case.recordScreening', 409, 'REFUSED'],
    ['officer-9', 'case.recordExit', 403, 'DENIED'],
    ['cm-9', 'case.recordExit', 200, 'ALLOWED'],
    ['sup-9', 'case.read', 200, 'ALLOWED'],
  ]);
  expect(rows.every((r) => r.caseId === caseId)).toBe(true);

  // Every event a person caused carries the request id of exactly one allowed audit row, by the same person.
  const events = await stack.db.caseEvent.findMany({
    where: { referralId: caseId, NOT: { actorRole: 'system' } },
    orderBy: { seq: 'asc' },
  });
  expect(events.map((e) => e.type)).toEqual([
    'SCREENING_RECORDED',
    'CONSENT_GIVEN',
    'INTAKE_COMPLETED',
    'ENROLLED',
    'IIP_RECORDED',
    'EXITED',
  ]);
  for (const event of events) {
    const row = rows.find((r) => r.requestId === event.requestId);
    expect({ type: event.type, actor: row?.actorId, outcome: row?.outcome }).toEqual({
      type: event.type,
      actor: event.actorId,
      outcome: 'ALLOWED',
    });
  }

  // Supervisors read a case's audit trail; nobody else may.
  const trail = await supervisor.get(`/api/cases/${caseId}/audit`);
  expectStatus(trail, 200);
  expect(trail.body.entries.map((e: { requestId: string }) => e.requestId)).toEqual(expect.arrayContaining(requests));
  expect((await caseManager.get(`/api/cases/${caseId}/audit`)).status).toBe(403);
});

test("UPDATE, DELETE and TRUNCATE on the audit table fail: the application's role lacks the right, and the trigger refuses even the owner", async () => {
  await apiAs(stack.baseUrl, 'supervisor').get('/api/stuck');
  const row = (await waitFor(
    () => stack.db.auditEntry.findFirst({ where: { action: 'stuck.read' } }),
    'an audit row',
  ))!;
  await expect(
    stack.db.auditEntry.update({ where: { id: row.id }, data: { outcome: 'ALLOWED', actorId: 'someone-else' } }),
  ).rejects.toThrow(/permission denied/);
  await expect(stack.db.auditEntry.delete({ where: { id: row.id } })).rejects.toThrow(/permission denied/);
  await expect(stack.db.$executeRawUnsafe('TRUNCATE "AuditEntry"')).rejects.toThrow(/permission denied/);
  await expect(
    stack.ownerDb.auditEntry.update({ where: { id: row.id }, data: { outcome: 'ALLOWED', actorId: 'someone-else' } }),
  ).rejects.toThrow(/append-only/);
  await expect(stack.ownerDb.$executeRawUnsafe('DELETE FROM "AuditEntry"')).rejects.toThrow(/append-only/);
  await expect(stack.ownerDb.$executeRawUnsafe('TRUNCATE "AuditEntry"')).rejects.toThrow(/append-only/);
  expect(await stack.db.auditEntry.findUnique({ where: { id: row.id } })).toEqual(row);
});
