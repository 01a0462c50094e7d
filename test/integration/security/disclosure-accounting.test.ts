import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { apiAs, expectStatus, refusalOf } from '../../support/api-client';
import { fullRecord, settled } from '../../support/case-helpers';
import { buildCase } from '../../support/disclosure-cases';
import { startTestStack, type TestStack } from '../../support/test-stack';
import { produceMonthlyReport } from '../../../activities/produce-monthly-report';
import { caseFromDatabase } from '../../../src/api/case-from-database';
import { factsOf } from '../../../src/api/case-reads';
import { discloseCase, policyTable } from '../../../src/disclosure';
import { monthOf } from '../../../src/reports/report-month';
import { caseStateQuery } from '../../../src/contract/definitions';
import { withRecordedHistory } from '../../../src/api/recorded-history';

/**
 * R-CONSENT, R-DISCLOSE, R-STAFFING, R-ROI: what a rescission ends, the accounting of disclosures and
 * what happens when it cannot be written, staffing nominations, the codec server, the closed-case path.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const pm = () => apiAs(stack.baseUrl, 'project_manager', 'pm-1');
const caseManager = () => apiAs(stack.baseUrl, 'case_manager', 'cm-1');
const month = () => monthOf(new Date(), stack.config.program.timezone);
const produceReport = () => produceMonthlyReport({ db: stack.db, config: stack.config }, { month: month() });

test('R-CONSENT: a release rescinded after the case closed leaves partners the status only, from the next read on, in reports too', async () => {
  const c = await buildCase(stack, {
    type: 'ARREST_DIVERSION',
    jurisdiction: 'FELONY',
    release: 'IN_FORCE_COVERING_STAFFING',
    exits: true,
    tag: 'closed-rescinded',
  });
  await produceReport();
  const before = await pm().getOk(`/api/cases/${c.caseId}`);
  expect(before.body.case.stage).toBe('EXITED');
  expect(before.body.caseManagement).toEqual({
    level: 'SUMMARY',
    iipGoals: ['HOUSING', 'TREATMENT'],
    serviceWithdrawn: true,
    exitCategory: 'TRANSITIONED_OUT',
  });
  const clientRow = async () =>
    (await pm().getOk(`/api/reports/${month()}`)).body.clientRows?.find(
      (r: { referralId: string }) => r.referralId === c.caseId,
    );
  expect((await clientRow())?.shared).toBe('PROGRESS_SUMMARY');

  // "Consent may be rescinded at any time": the workflow has closed, the release still ends.
  const rescinded = await caseManager().act(c.caseId, 'consent/rescind', {
    note: 'called the office to withdraw the release',
  });
  expectStatus(rescinded, 200);
  expect(fullRecord(rescinded.body).release).toMatchObject({ inForce: false, rescindedAt: expect.any(String) });

  const after = await pm().getOk(`/api/cases/${c.caseId}`);
  expect(after.body.caseManagement).toBeNull();
  expect(after.body.case.stage).toBe('EXITED');
  expect(JSON.stringify(after.body)).not.toContain('TRANSITIONED_OUT');
  expect(after.body.referral?.person.familyName).toBe(`${c.ref}-family`);
  const row = await clientRow();
  expect(row).toMatchObject({ shared: 'STATUS_ONLY', status: 'EXITED' });
  expect(row).not.toHaveProperty('iipGoals');
  const again = await caseManager().act(c.caseId, 'consent/rescind');
  expectStatus(again, 409);
  expect(again.body.error).toMatchObject({ code: 'RULE_CONFLICT', ruleId: 'R-CONSENT' });
});

test("R-CONSENT: an open case's rescission is in the database before the answer, so lists read from there agree at once", async () => {
  const c = await buildCase(stack, {
    type: 'ARREST_DIVERSION',
    jurisdiction: 'MISDEMEANOR',
    release: 'IN_FORCE_COVERING_STAFFING',
    exits: false,
    tag: 'open-rescinded',
  });
  await produceReport();
  const named = async () =>
    (await pm().getOk(`/api/reports/${month()}`)).body.staffingList.find(
      (r: { referralId: string }) => r.referralId === c.caseId,
    )?.name;
  expect(await named()).toBe(`${c.ref}-given ${c.ref}-family`);
  expect((await caseManager().act(c.caseId, 'consent/rescind')).status).toBe(200);
  const release = await stack.db.releaseOfInformation.findFirstOrThrow({ where: { referralId: c.caseId } });
  expect(release.rescindedAt).not.toBeNull();
  expect(await named()).not.toBe(`${c.ref}-given ${c.ref}-family`);
});

test('a closed case rebuilt from the database discloses exactly what its workflow would, to every reader', async () => {
  const c = await buildCase(stack, {
    type: 'ARREST_DIVERSION',
    jurisdiction: 'MIXED',
    release: 'IN_FORCE_COVERING_STAFFING',
    exits: true,
    tag: 'rebuilt',
  });
  // The open case as the API reads it: the workflow's answer completed with its recorded history.
  const fromWorkflow = await withRecordedHistory(
    stack.db,
    await stack.env.client.workflow.getHandle(c.caseId).query(caseStateQuery),
  );
  const fromDatabase = await caseFromDatabase(stack.db, c.caseId);
  const byId = (n: { id: string }, m: { id: string }) => n.id.localeCompare(m.id);
  expect({ ...fromDatabase, notices: [...fromDatabase.notices].sort(byId) }).toEqual({
    ...fromWorkflow,
    notices: [...fromWorkflow.notices].sort(byId),
  });
  const referral = await stack.db.referral.findUniqueOrThrow({ where: { id: c.caseId }, include: { person: true } });
  for (const reader of [
    { id: 'dpa-1', role: 'prosecutor', office: 'BURIEN_CITY_ATTORNEY' },
    { id: 'pm-1', role: 'project_manager' },
    { id: 'sup-1', role: 'supervisor' },
  ] as const) {
    const viaWorkflow = discloseCase(reader, await factsOf(stack.db, referral, fromWorkflow));
    const viaDatabase = discloseCase(reader, await factsOf(stack.db, referral, fromDatabase));
    expect(viaDatabase?.body.referral).toEqual(viaWorkflow?.body.referral);
    expect(viaDatabase?.body.caseManagement).toEqual(viaWorkflow?.body.caseManagement);
    expect(viaDatabase?.entry).toEqual(viaWorkflow?.entry);
  }
});

test('R-DISCLOSE: every protected read leaves exactly one row; a read whose row cannot be written fails and shows nothing', async () => {
  const c = await buildCase(stack, {
    type: 'ARREST_DIVERSION',
    jurisdiction: 'FELONY',
    release: 'NONE',
    exits: false,
    tag: 'unwritable',
  });
  const prosecutor = apiAs(stack.baseUrl, 'prosecutor', 'dpa-7', { office: 'KCPAO' });
  // The owner (not the application) can put a failing trigger in the way.
  await stack.ownerDb.$executeRawUnsafe(
    `CREATE FUNCTION refuse_disclosures() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END; $$`,
  );
  await stack.ownerDb.$executeRawUnsafe(
    `CREATE TRIGGER refuse_disclosures BEFORE INSERT ON "Disclosure" FOR EACH ROW EXECUTE FUNCTION refuse_disclosures()`,
  );
  try {
    for (const path of [`/api/cases/${c.caseId}`, `/api/cases/${c.caseId}/packet`]) {
      const refused = await prosecutor.get(path);
      expectStatus(refused, 503);
      expect(refusalOf(refused)?.code).toBe('AUDIT_UNAVAILABLE');
      expect(JSON.stringify(refused.body)).not.toContain(c.ref);
    }
    // Case managers are inside case management: their reads are not disclosures and still answer.
    expect((await caseManager().get(`/api/cases/${c.caseId}`)).status).toBe(200);
  } finally {
    await stack.ownerDb.$executeRawUnsafe('DROP TRIGGER refuse_disclosures ON "Disclosure"');
    await stack.ownerDb.$executeRawUnsafe('DROP FUNCTION refuse_disclosures()');
  }
  expect(await stack.db.disclosure.count({ where: { caseId: c.caseId, actorId: 'dpa-7' } })).toBe(0);
  const read = await prosecutor.get(`/api/cases/${c.caseId}`);
  expect(read.status).toBe(200);
  const rows = await stack.db.disclosure.findMany({ where: { caseId: c.caseId, actorId: 'dpa-7' } });
  expect(rows).toEqual([
    expect.objectContaining({
      requestId: read.headers.get('x-request-id'),
      actorRole: 'prosecutor',
      actorOffice: 'KCPAO',
      kinds: ['REFERRAL_RECORD'],
      basis: 'R-PACKET: the prosecutor office with jurisdiction',
      channel: 'GET /api/cases/:caseId',
    }),
  ]);
  const audit = await stack.db.auditEntry.findMany({ where: { requestId: read.headers.get('x-request-id')! } });
  expect(audit).toHaveLength(1);
  // The accounting is append-only, like the audit trail: the application may not change it, and the trigger refuses even the owner.
  await expect(
    stack.db.$executeRawUnsafe(`UPDATE "Disclosure" SET basis = 'x' WHERE "caseId" = '${c.caseId}'`),
  ).rejects.toThrow(/permission denied/);
  await expect(stack.db.$executeRawUnsafe(`DELETE FROM "Disclosure" WHERE "caseId" = '${c.caseId}'`)).rejects.toThrow(
    /permission denied/,
  );
  await expect(
    stack.ownerDb.$executeRawUnsafe(`UPDATE "Disclosure" SET basis = 'x' WHERE "caseId" = '${c.caseId}'`),
  ).rejects.toThrow(/append-only/);
  await expect(
    stack.ownerDb.$executeRawUnsafe(`DELETE FROM "Disclosure" WHERE "caseId" = '${c.caseId}'`),
  ).rejects.toThrow(/append-only/);
});

test('R-DISCLOSE: case managers and supervisors list every disclosure of the person, over all their cases (JSON and CSV); partners cannot', async () => {
  const c = await buildCase(stack, {
    type: 'ARREST_DIVERSION',
    jurisdiction: 'FELONY',
    release: 'IN_FORCE_COVERING_STAFFING',
    exits: false,
    tag: 'accounting',
  });
  const officer = apiAs(stack.baseUrl, 'officer', 'officer-mx', { agency: 'BURIEN_PD' });
  const read = await officer.get(`/api/cases/${c.caseId}`);
  const packet = await apiAs(stack.baseUrl, 'prosecutor', 'dpa-2', { office: 'KCPAO' }).get(
    `/api/cases/${c.caseId}/packet`,
  );
  const list = await caseManager().get(`/api/cases/${c.caseId}/disclosures`);
  expectStatus(list, 200);
  const mine = list.body.disclosures.filter((d) =>
    [read.headers.get('x-request-id'), packet.headers.get('x-request-id')].includes(d.requestId),
  );
  expect(mine).toEqual([
    expect.objectContaining({
      actorId: 'officer-mx',
      actorRole: 'officer',
      caseId: c.caseId,
      kinds: ['REFERRAL_RECORD', 'CASE_MANAGEMENT_SUMMARY'],
      basis: expect.stringMatching(/R-ROI: the referring officer; R-ROI: release of information .* covering staffing/),
      releaseId: expect.any(String),
      channel: 'GET /api/cases/:caseId',
    }),
    expect.objectContaining({
      actorId: 'dpa-2',
      actorRole: 'prosecutor',
      actorOffice: 'KCPAO',
      kinds: ['REFERRAL_RECORD'],
      channel: 'GET /api/cases/:caseId/packet',
    }),
  ]);
  const csv = await apiAs(stack.baseUrl, 'supervisor').get(`/api/cases/${c.caseId}/disclosures.csv`);
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toContain('text/csv');
  expect(String(csv.body)).toContain('dpa-2,prosecutor,KCPAO');
  expect((await officer.get(`/api/cases/${c.caseId}/disclosures`)).status).toBe(403);
});

test('R-STAFFING: a partner nominates a person for the meeting: the list names them with the reason; a closed case cannot be nominated', async () => {
  const c = await buildCase(stack, {
    type: 'ARREST_DIVERSION',
    jurisdiction: 'FELONY',
    release: 'NONE',
    exits: false,
    tag: 'nominated',
  });
  const sergeant = apiAs(stack.baseUrl, 'sergeant', 'sgt-bpd', { agency: 'BURIEN_PD' });
  const nominated = await sergeant.post(`/api/cases/${c.caseId}/staffing-nominations`, {
    reason: 'seen daily at the transit center; team should discuss',
  });
  expect(nominated.status).toBe(201);
  expect(nominated.body).toMatchObject({
    caseId: c.caseId,
    forMonth: month(),
    nominatedBy: { id: 'sgt-bpd', role: 'sergeant' },
    created: true,
  });
  const twice = await sergeant.post(`/api/cases/${c.caseId}/staffing-nominations`, { reason: 'again' });
  expect(twice.status).toBe(200);
  expect(twice.body).toMatchObject({ created: false, reason: 'seen daily at the transit center; team should discuss' });
  expect(await stack.db.staffingNomination.count({ where: { referralId: c.caseId } })).toBe(1);
  expect(refusalOf(await sergeant.post(`/api/cases/${c.caseId}/staffing-nominations`, {}))?.fields).toEqual([
    expect.objectContaining({ field: 'reason' }),
  ]);

  await produceReport();
  const report = await pm().getOk(`/api/reports/${month()}`);
  const row = report.body.staffingList.find((r: { referralId: string }) => r.referralId === c.caseId);
  expect(row).toMatchObject({
    name: `${c.ref}-given ${c.ref}-family`,
    namedBecause: 'NOMINATED',
    nominations: [
      {
        by: { id: 'sgt-bpd', role: 'sergeant' },
        reason: 'seen daily at the transit center; team should discuss',
        at: expect.any(String),
      },
    ],
  });
  const rows = await stack.db.disclosure.findMany({
    where: { requestId: report.headers.get('x-request-id')!, caseId: c.caseId },
  });
  expect(rows.map((d) => [d.kinds, d.basis])).toEqual([
    [['REFERRAL_RECORD'], 'R-STAFFING: nominated by sgt-bpd (sergeant)'],
  ]);

  const closed = await buildCase(stack, {
    type: 'ARREST_DIVERSION',
    jurisdiction: 'FELONY',
    release: 'IN_FORCE_NOT_COVERING_STAFFING',
    exits: true,
    tag: 'closed-nomination',
  });
  const refused = await sergeant.post(`/api/cases/${closed.caseId}/staffing-nominations`, { reason: 'too late' });
  expectStatus(refused, 409);
  expect(refused.body.error.ruleId).toBe('R-STAFFING');
});

test("issue 22 item 1: R-ROI, R-STAFFING — a case manager's nomination reason is case-management record: partners see who nominated, never why, in the report and its CSV", async () => {
  const c = await buildCase(stack, {
    type: 'ARREST_DIVERSION',
    jurisdiction: 'FELONY',
    release: 'IN_FORCE_COVERING_STAFFING',
    exits: false,
    tag: 'cm-nominated',
  });
  const marker = `${c.cm}-nomination relapse, missed methadone`;
  expect(
    (
      await apiAs(stack.baseUrl, 'case_manager', 'cm-7').post(`/api/cases/${c.caseId}/staffing-nominations`, {
        reason: marker,
      })
    ).status,
  ).toBe(201);
  await produceReport();
  const rowOf = (body: { staffingList: Array<{ referralId: string }> }) =>
    body.staffingList.find((r) => r.referralId === c.caseId);
  const disclosuresOf = (res: { headers: Headers }) =>
    stack.db.disclosure.findMany({ where: { requestId: res.headers.get('x-request-id')!, caseId: c.caseId } });

  // The project manager (and every partner reading the list): the nomination, its author and time — no reason.
  const partner = await pm().getOk(`/api/reports/${month()}`);
  expect(rowOf(partner.body)).toMatchObject({
    namedBecause: 'RELEASE_COVERS_STAFFING',
    nominations: [{ by: { id: 'cm-7', role: 'case_manager' }, reason: null, at: expect.any(String) }],
  });
  expect(JSON.stringify(partner.body)).not.toContain(c.cm);
  expect((await disclosuresOf(partner)).flatMap((d) => d.kinds)).not.toContain('CASE_MANAGEMENT_RECORD');
  const csv = await pm().get(`/api/reports/${month()}/staffing-list.csv`);
  expect(csv.status).toBe(200);
  expect(String(csv.body)).toContain('cm-7 (case_manager): reason not shown: case-management record (R-ROI)');
  expect(String(csv.body)).not.toContain(c.cm);

  // Case management and supervisors read it as before; a supervisor's reading is accounted for.
  const own = await caseManager().getOk(`/api/reports/${month()}`);
  expect(rowOf(own.body)).toMatchObject({ nominations: [{ reason: marker }] });
  expect(await disclosuresOf(own)).toEqual([]);
  const supervisor = await apiAs(stack.baseUrl, 'supervisor', 'sup-1').getOk(`/api/reports/${month()}`);
  expect(rowOf(supervisor.body)).toMatchObject({ nominations: [{ reason: marker }] });
  expect((await disclosuresOf(supervisor)).map((d) => [d.kinds, d.basis])).toContainEqual([
    ['CASE_MANAGEMENT_RECORD'],
    "R-ROI: a supervisor: a case manager's staffing-nomination reason (R-STAFFING)",
  ]);
});

test('the codec server decodes for supervisors and records a disclosure for each case the payloads identify', async () => {
  const c = await buildCase(stack, {
    type: 'ARREST_DIVERSION',
    jurisdiction: 'FELONY',
    release: 'NONE',
    exits: false,
    tag: 'codec',
  });
  const plain = new Client({ connection: stack.env.connection, namespace: 'default' });
  const history = await plain.workflow.getHandle(c.caseId).fetchHistory();
  const update = history.events!.find((e) => e.workflowExecutionUpdateAcceptedEventAttributes)!;
  const payload = update.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest!.input!.args!.payloads![0];
  const body = {
    payloads: [
      {
        metadata: Object.fromEntries(
          Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')]),
        ),
        data: Buffer.from(payload.data ?? []).toString('base64'),
      },
    ],
  };
  const res = await apiAs(stack.baseUrl, 'supervisor', 'sup-codec').post('/codec/decode', body);
  expect(res.status).toBe(200);
  const rows = await stack.db.disclosure.findMany({ where: { requestId: res.headers.get('x-request-id')! } });
  expect(rows.map((d) => [d.caseId, d.kinds, d.channel])).toEqual([
    [c.caseId, ['REFERRAL_RECORD', 'CASE_MANAGEMENT_RECORD'], 'POST /codec/decode'],
  ]);
  expect((await apiAs(stack.baseUrl, 'case_manager').post('/codec/decode', body)).status).toBe(403);
});

test('README "Who sees what" is the policy module\'s own table', () => {
  const readme = readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const block = readme.split('<!-- disclosure-policy:start -->')[1]?.split('<!-- disclosure-policy:end -->')[0];
  expect(block?.trim()).toBe(policyTable());
});

test("notices still carry no personal data; the prosecutor's notice links to the packet page", async () => {
  const c = await buildCase(stack, {
    type: 'ARREST_DIVERSION',
    jurisdiction: 'FELONY',
    release: 'IN_FORCE_COVERING_STAFFING',
    exits: false,
    tag: 'notices',
  });
  await settled(stack, c.caseId);
  const mail = stack.mail.messages.filter((m) => m.headers['x-lead-referral'] === c.caseId);
  expect(mail.length).toBeGreaterThan(0);
  for (const m of mail) expect(`${m.subject}\n${m.text}`).not.toMatch(new RegExp(`${c.ref}|${c.cm}`));
  const packet = mail.find((m) => m.headers['x-lead-rule'] === 'R-PACKET')!;
  expect(packet.text).toContain(`/cases/${c.caseId}/packet`);
});
