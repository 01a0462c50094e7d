import { DEFAULT_CONFIG_FILE } from '../../../src/config/load-config';
import { HARBOR_COUNTY_CONFIG_FILE } from '../../../src/programs/program-sources';
import type { Role } from '../../../src/shared/roles';
import { apiAs, expectStatus, waitFor, type TestIdentity } from '../../support/api-client';
import { mailFor, settled, sleepTo } from '../../support/case-helpers';
import { readFileSync } from 'node:fs';
import { SESSION_COOKIE } from '../../../src/auth/session-cookie';
import {
  arrestReferral,
  BURIEN_SERGEANTS,
  harborCountyArrestReferral,
  ON_CALL_CASE_MANAGERS,
} from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';
import { followUpWorkflowId } from '../../../src/contract/definitions';
import type { Payload } from '@temporalio/common';
import { contextAs, launchBrowser } from '../../support/browser';
import { PROGRAM_COOKIE } from '../../../src/shared/program-choice';

/**
 * Issue 26: two programs served at once by one API and one worker. Each request is served with its own
 * program's configuration in force: the form, the checks of a referral, the case id, the clocks, the
 * notices' addresses and words, the capacity.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ programs: [DEFAULT_CONFIG_FILE, HARBOR_COUNTY_CONFIG_FILE] });
});
afterAll(async () => {
  await stack?.stop();
});

const HARBOR: Partial<Record<Role, TestIdentity>> = {
  officer: { agency: 'HARBOR_PD', programs: ['harbor-county'] },
  case_manager: { programs: ['harbor-county'] },
  prosecutor: { office: 'HCPAO', programs: ['harbor-county'] },
};
const BURIEN: Partial<Record<Role, TestIdentity>> = {
  officer: { agency: 'BURIEN_PD', programs: ['burien'] },
  case_manager: { programs: ['burien'] },
};
const harbor = (role: Role) => apiAs(stack.baseUrl, role, `harbor-${role}`, HARBOR[role]);
const burien = (role: Role) => apiAs(stack.baseUrl, role, `burien-${role}`, BURIEN[role]);

async function referHarbor(): Promise<string> {
  const res = await harbor('officer').post('/api/referrals/arrest-diversions', harborCountyArrestReferral());
  if (res.status !== 201) throw new Error(`Harbor referral refused: ${res.status} ${JSON.stringify(res.body)}`);
  await settled(stack, res.body.caseId);
  return res.body.caseId;
}

const dueAfterReferral = (view: { referredAt: string; deadlines: Array<{ ruleId: string; dueAt: string }> }) =>
  (Date.parse(view.deadlines.find((d) => d.ruleId === 'R-SCREEN')!.dueAt) - Date.parse(view.referredAt)) / 3_600_000;

test("each officer's form is their own program's", async () => {
  const forms = {
    harbor: (await harbor('officer').getOk('/api/form-config')).body,
    burien: (await burien('officer').getOk('/api/form-config')).body,
  };
  expect(forms.harbor.program).toMatchObject({ name: 'Harbor County LEAD', caseIdPrefix: 'HBR' });
  expect(Object.keys(forms.harbor.agencies)).toContain('HARBOR_PD');
  expect(Object.keys(forms.harbor.agencies)).not.toContain('BURIEN_PD');
  expect(forms.burien.program).toMatchObject({ name: 'Burien LEAD', caseIdPrefix: 'BUR' });
});

test("a Harbor County referral is checked, numbered and clocked by Harbor County's configuration", async () => {
  // Burien's agency is no agency of Harbor County: refused, naming the field.
  const wrong = await harbor('officer').post('/api/referrals/arrest-diversions', arrestReferral());
  expect(wrong.status).toBe(400);
  expect(JSON.stringify(wrong.body)).toContain('agency');

  const harborCase = await referHarbor();
  expect(harborCase).toMatch(/^HBR-/);
  expect((await stack.db.referral.findUniqueOrThrow({ where: { id: harborCase } })).programId).toBe('harbor-county');
  const burienRes = await burien('officer').post('/api/referrals/arrest-diversions', arrestReferral());
  if (burienRes.status !== 201) throw new Error(`Burien referral refused: ${JSON.stringify(burienRes.body)}`);
  const burienCase = burienRes.body.caseId;
  expect(burienCase).toMatch(/^BUR-/);

  // R-SCREEN: 6 hours in Harbor County, 4 in Burien.
  expect(dueAfterReferral(await settled(stack, harborCase))).toBe(6);
  expect(dueAfterReferral(await settled(stack, burienCase))).toBe(4);
});

test("a Harbor County case's notices go to Harbor County's people, in its name, from its sender", async () => {
  const caseId = await referHarbor();
  const mail = await waitFor(() => {
    const sent = mailFor(stack, caseId);
    return sent.length >= 2 && sent;
  }, 'the call to case management and the packet to the prosecutor');
  const to = mail.flatMap((m) => m.to);
  expect(to).toEqual(expect.arrayContaining(['oncall@harbor-provider.example.org', 'diversion@hcpao.example.org']));
  expect(to).not.toContain(ON_CALL_CASE_MANAGERS);
  expect(to).not.toContain(BURIEN_SERGEANTS);
  for (const m of mail) {
    expect(m.from).toContain('no-reply@harbor-lead.example.org');
    expect(m.text).toContain('Harbor County LEAD');
    expect(m.text).not.toContain('Burien');
  }
});

test("another program's case is served by its own program, and is not Burien's people's to read", async () => {
  const caseId = await referHarbor();
  expect((await harbor('case_manager').get(`/api/cases/${caseId}`)).status).toBe(200);
  expect((await burien('case_manager').get(`/api/cases/${caseId}`)).status).toBe(404);
  expect(JSON.stringify((await burien('officer').getOk('/api/referrals/mine')).body)).not.toContain(caseId);
});

test('R-ROI: a sign-in names only its own programs in the Lead-Program header', async () => {
  const refused = await harbor('officer').get('/api/form-config', { 'Lead-Program': 'burien' });
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({ error: { code: 'PROGRAM_NOT_YOURS', ruleId: 'R-ROI' } });
  // A sign-in of both works in the one it names.
  const both = apiAs(stack.baseUrl, 'project_manager', 'pm-both', { programs: ['burien', 'harbor-county'] });
  expect((await both.get('/api/form-config', { 'Lead-Program': 'harbor-county' })).body).toMatchObject({
    program: { caseIdPrefix: 'HBR' },
  });
  expect((await both.get('/api/form-config')).body).toMatchObject({ program: { caseIdPrefix: 'BUR' } });
});

test('R-SC-CAPACITY: each program counts its own places (Harbor County: 1.5 FTE × 20)', async () => {
  const places = async (who: ReturnType<typeof harbor>) => (await who.getOk('/api/capacity')).body.places;
  expect(await places(harbor('case_manager'))).toBe(30);
  expect(await places(burien('case_manager'))).not.toBe(30);
});

test('a new version mid-case: a running case keeps the durations it started with; its next notice goes to the new address', async () => {
  const running = await referHarbor();
  const config = JSON.parse(readFileSync(HARBOR_COUNTY_CONFIG_FILE, 'utf8')) as {
    durations: Record<string, string>;
    contacts: Record<string, string>;
  };
  config.durations.screeningOverdueAfter = '2 hours';
  config.contacts.caseManagementOnCall = 'oncall-nights@harbor-provider.example.org';
  const pm = apiAs(stack.baseUrl, 'project_manager', 'pm-harbor', { programs: ['harbor-county'] });
  const changed = await pm.post('/api/programs/harbor-county/versions', {
    expectedVersion: 1,
    config,
    note: 'Night on-call line; screening reminders after 2 hours',
  });
  expect(changed).toMatchObject({ status: 201, body: { version: 2 } });

  // A case opened now is under version 2; the running one keeps its 6 hours (its policy is in its workflow).
  expect(dueAfterReferral(await settled(stack, await referHarbor()))).toBe(2);
  const view = await settled(stack, running);
  expect(dueAfterReferral(view)).toBe(6);
  await sleepTo(stack, view.deadlines.find((d: { ruleId: string }) => d.ruleId === 'R-SCREEN')!.dueAt, 60_000);
  const reminder = await waitFor(
    () => mailFor(stack, running).find((m) => m.headers['x-lead-rule'] === 'R-SCREEN'),
    'the R-SCREEN reminder',
  );
  expect(reminder.to).toEqual(['oncall-nights@harbor-provider.example.org']);
});

test("R-STAFFING: a program's monthly report counts its own cases only, and its months are stored as its own", async () => {
  const harborCase = await referHarbor();
  const pm = apiAs(stack.baseUrl, 'project_manager', 'pm-harbor', { programs: ['harbor-county'] });
  const { current } = (await pm.getOk('/api/reports')).body;
  const report = (await pm.getOk(`/api/reports/${current}`)).body;
  expect(report.program).toBe('Harbor County LEAD');
  const listed = report.staffingList.map((r: { referralId: string }) => r.referralId);
  expect(listed).toContain(harborCase);
  expect(listed.every((id: string) => id.startsWith('HBR-'))).toBe(true);
  const harborReferrals = await stack.db.referral.count({ where: { programId: 'harbor-county' } });
  expect(report.figures.referralsInMonth.total).toBe(harborReferrals);

  const burienPm = apiAs(stack.baseUrl, 'project_manager', 'pm-burien', { programs: ['burien'] });
  const burienReport = (await burienPm.getOk(`/api/reports/${current}`)).body;
  expect(burienReport.program).toBe('Burien LEAD');
  expect(JSON.stringify(burienReport)).not.toContain('HBR-');

  // A past month produced for Harbor County is stored as Harbor County's: Burien's same month is not it.
  const previous = `${Number(current.slice(0, 4)) - 1}-12`;
  expect(await pm.post(`/api/reports/${previous}/runs`)).toMatchObject({ status: 201, body: { month: previous } });
  expect(await pm.getOk(`/api/reports/${previous}`)).toMatchObject({
    body: { stored: true, program: 'Harbor County LEAD' },
  });
  expect((await pm.getOk('/api/reports')).body.reports.map((r: { month: string }) => r.month)).toContain(previous);
  expect(await burienPm.getOk(`/api/reports/${previous}`)).toMatchObject({
    body: { stored: false, program: 'Burien LEAD' },
  });
  expect((await burienPm.getOk('/api/reports')).body.reports.map((r: { month: string }) => r.month)).not.toContain(
    previous,
  );
  expect(await stack.db.monthlyReport.findMany({ where: { month: previous }, select: { caseIdPrefix: true } })).toEqual(
    [{ caseIdPrefix: 'HBR' }],
  );
  // Side by side, each program's month as it stands: Harbor County's stored, Burien's computed.
  const both = apiAs(stack.baseUrl, 'project_manager', 'pm-both-months', { programs: ['burien', 'harbor-county'] });
  const side = (await both.getOk(`/api/reports/${previous}/programs`)).body.programs;
  expect(side.map((p: { programId: string; stored: boolean }) => [p.programId, p.stored])).toEqual([
    ['burien', false],
    ['harbor-county', true],
  ]);
});

test("R-EVAL: a program's evaluation counts its own cases and bookings, and is stored as its own", async () => {
  // A Burien booking enters Burien's comparison pool, not Harbor County's.
  const booked = await burien('officer').post('/api/referrals/bookings', arrestReferral());
  expect(booked.status).toBe(201);
  const evaluator = (programs: string[]) => apiAs(stack.baseUrl, 'evaluator', `evaluator-${programs[0]}`, { programs });
  const pool = async (programs: string[]) =>
    (await evaluator(programs).getOk('/api/evaluation/data-dictionary')).body.cohorts.COMPARISON;
  expect(await pool(['burien'])).toBe('UNDER_MINIMUM');
  expect(await pool(['harbor-county'])).toBe('NONE_YET');

  // Harbor County's run stores Harbor County's figures; Burien's are still computed until its own run.
  const harbor = evaluator(['harbor-county']);
  expect(await harbor.getOk('/api/evaluation')).toMatchObject({ body: { stored: false } });
  const harborSupervisor = apiAs(stack.baseUrl, 'supervisor', 'supervisor-harbor', { programs: ['harbor-county'] });
  const run = await harborSupervisor.postOk('/api/evaluation/runs');
  expect(await harbor.getOk('/api/evaluation')).toMatchObject({
    body: { stored: true, computedAt: run.body.computedAt },
  });
  expect(await evaluator(['burien']).getOk('/api/evaluation')).toMatchObject({ body: { stored: false } });
  expect(await stack.db.evaluationResult.findMany({ select: { caseIdPrefix: true } })).toEqual([
    { caseIdPrefix: 'HBR' },
  ]);
});

test('R-EL-PRIOR across programs: a Burien officer is shown the same person’s Harbor County referral — its id, type, stage and date only — and the showing is in that case’s accounting', async () => {
  const harborCase = await referHarbor();
  const checked = await burien('officer').post('/api/referrals/arrest-diversions/eligibility', arrestReferral());
  expect(checked.status).toBe(200);
  const shown = (checked.body as { priorReferrals: Array<Record<string, unknown>> }).priorReferrals.find(
    (p) => p.caseId === harborCase,
  );
  expect(Object.keys(shown ?? {}).sort()).toEqual(['caseId', 'referredAt', 'stage', 'type']);
  const accounting = await stack.db.disclosure.findMany({
    where: { caseId: harborCase, actorId: 'burien-officer' },
    select: { programId: true },
  });
  expect(accounting).toEqual([{ programId: 'harbor-county' }]);
});

test("the referral form page a Harbor County officer opens offers Harbor County's agencies", async () => {
  const { token } = await stack.tokens.issue({ id: 'harbor-officer', role: 'officer', ...HARBOR.officer });
  const page = await fetch(`${stack.baseUrl}/refer`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
  const body = await page.text();
  expect(page.status).toBe(200);
  expect(body).toContain('HARBOR_PD');
  expect(body).not.toContain('BURIEN_PD');
});

test("R-ROI: the codec decodes the shared namespace's payloads for a supervisor of both programs, never of one", async () => {
  const [payload] = await stack.codec.encode([
    { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('{"caseId":"HBR"}') },
  ]);
  const base64 = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString('base64');
  const body = {
    payloads: [
      {
        metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, base64(v)])),
        data: base64(payload.data),
      },
    ],
  };
  const decodeAs = async (programs: string[]) => {
    const { token } = await stack.tokens.issue({ id: `sup-${programs.join('-')}`, role: 'supervisor', programs });
    return fetch(`${stack.baseUrl}/codec/decode`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  };
  const one = await decodeAs(['harbor-county']);
  expect([one.status, (await one.json()).error]).toEqual([
    403,
    expect.objectContaining({ code: 'NOT_EVERY_PROGRAM', ruleId: 'R-ROI' }),
  ]);
  const both = await decodeAs(['burien', 'harbor-county']);
  expect(Buffer.from((await both.json()).payloads[0].data, 'base64').toString()).toBe('{"caseId":"HBR"}');
});

test('side by side: a reader of both programs gets each one’s month and evaluation, and both together; a reader of one, only theirs', async () => {
  await referHarbor();
  const both = apiAs(stack.baseUrl, 'project_manager', 'pm-county', { programs: ['burien', 'harbor-county'] });
  const { current } = (await both.getOk('/api/reports')).body;
  const months = (await both.getOk(`/api/reports/${current}/programs`)).body;
  const count = (programId: string) => stack.db.referral.count({ where: { programId } });
  expect(
    months.programs.map((p: { programId: string; figures: { referralsInMonth: { total: number } } }) => [
      p.programId,
      p.figures.referralsInMonth.total,
    ]),
  ).toEqual([
    ['burien', await count('burien')],
    ['harbor-county', await count('harbor-county')],
  ]);
  const harborOnly = apiAs(stack.baseUrl, 'project_manager', 'pm-harbor', { programs: ['harbor-county'] });
  expect(
    (await harborOnly.getOk(`/api/reports/${current}/programs`)).body.programs.map(
      (p: { programId: string }) => p.programId,
    ),
  ).toEqual(['harbor-county']);

  // R-EVAL: one Burien booking is a cell under the minimum in Burien's pool, and so in the pools together.
  const evaluator = apiAs(stack.baseUrl, 'evaluator', 'evaluator-county', { programs: ['burien', 'harbor-county'] });
  const side = (await evaluator.getOk('/api/evaluation/programs')).body;
  expect(side.programs.map((p: { programId: string }) => p.programId)).toEqual(['burien', 'harbor-county']);
  expect(side.programs[0].figures.comparison.people).toBeNull();
  expect(side.combined?.comparison.people).toBeNull();
});

test('R-EX-ORDER across programs: a Burien referral whose order protects a Harbor County participant is refused, naming no one', async () => {
  const participant = { givenName: 'Marisol', familyName: 'Okafor', dateOfBirth: '1985-06-21', stateId: 'WA-55102' };
  const res = await harbor('officer').post(
    '/api/referrals/arrest-diversions',
    harborCountyArrestReferral({ person: participant }),
  );
  if (res.status !== 201) throw new Error(`Harbor referral refused: ${JSON.stringify(res.body)}`);
  const harborCase: string = res.body.caseId;
  for (const [action, body] of [
    ['screening', {}],
    ['consent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } }],
    ['intake', {}],
  ] as const)
    expect((await harbor('case_manager').act(harborCase, action, body)).status).toBe(200);
  expect((await settled(stack, harborCase)).stage).toBe('ENROLLED');

  const refused = await burien('officer').post(
    '/api/referrals/arrest-diversions',
    arrestReferral({
      protectiveOrders: [
        {
          type: 'NO_CONTACT',
          protectedPerson: { givenName: 'Marisol', familyName: 'Okafor', dateOfBirth: '1985-06-21' },
        },
      ],
    }),
  );
  expectStatus(refused, 422);
  expect(refused.body.error.reasons?.map((r: { ruleId: string }) => r.ruleId)).toEqual(['R-EX-ORDER']);
  expect(JSON.stringify(refused.body)).not.toMatch(new RegExp(`${harborCase}|Okafor|WA-55102|harbor`, 'i'));
});

test("R-EVAL across programs: a program's export holds its own records only, and its follow-ups keep its own confirmation window", async () => {
  // Harbor County exports from one record and has sergeants confirm follow-ups within 10 days.
  const pm = apiAs(stack.baseUrl, 'project_manager', 'pm-harbor', { programs: ['harbor-county'] });
  const [inForce] = (await pm.getOk('/api/programs/harbor-county/versions')).body.versions;
  const config = structuredClone(inForce!.config) as { evaluation?: Record<string, unknown> };
  config.evaluation = { ...config.evaluation, minimumCell: 1, followUpConfirmWithin: '10 days' };
  const changed = await pm.post('/api/programs/harbor-county/versions', {
    expectedVersion: inForce!.version,
    config,
    note: 'Evaluation: every record; follow-ups confirmed within 10 days',
  });
  expect(changed.status).toBe(201);

  const booked = await harbor('officer').postOk('/api/referrals/bookings', harborCountyArrestReferral());
  const bookingId: string = booked.body.bookingId;
  const history = await waitFor(
    () =>
      stack.env.client.workflow
        .getHandle(followUpWorkflowId(bookingId))
        .fetchHistory()
        .catch(() => undefined),
    'the booking’s follow-ups to start',
  );
  const [input] = await stack.codec.decode(
    history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads! as Payload[],
  );
  expect(JSON.parse(Buffer.from(input!.data!).toString()).confirmWithinMs).toBe(10 * 86_400_000);

  const exportOf = async (programs: string[]) => {
    const who = `evaluator-export-${programs.join('-')}`;
    const res = await apiAs(stack.baseUrl, 'evaluator', who, { programs }).get('/api/evaluation/export.jsonl');
    expect(res.status).toBe(200);
    const rows = String(res.body ?? '')
      .trim()
      .split('\n')
      .filter(Boolean);
    const disclosed = await stack.db.disclosure.findMany({ where: { actorId: who }, select: { programId: true } });
    return { rows, programs: [...new Set(disclosed.map((d) => d.programId))] };
  };
  const harborRecords =
    (await stack.db.booking.count({ where: { programId: 'harbor-county' } })) +
    (await stack.db.referral.count({ where: { programId: 'harbor-county', stage: 'ENROLLED' } }));
  const harborExport = await exportOf(['harbor-county']);
  expect(harborExport.rows).toHaveLength(harborRecords);
  expect(harborExport.programs).toEqual(['harbor-county']);
  // Burien's pool is under its own minimum (11): withheld whole — none of Harbor County's rows fill it.
  expect(await exportOf(['burien'])).toEqual({ rows: [], programs: [] });
});

test('the program switch: a person of both programs works in the one they choose, on the pages and in the calls they make; a choice not theirs is ignored', async () => {
  const browser = await launchBrowser();
  try {
    const context = await contextAs(stack, browser, {
      role: 'officer',
      user: 'officer-both',
      agency: 'BURIEN_PD',
      programs: ['burien', 'harbor-county'],
    });
    const page = await context.newPage();
    await page.goto(`${stack.baseUrl}/refer`);
    const choice = page.locator('#program-switch');
    await choice.waitFor();
    expect(await choice.locator('option').allTextContents()).toEqual(['Burien LEAD', 'Harbor County LEAD']);
    expect(await choice.inputValue()).toBe('burien');
    const agencies = () =>
      page.locator('#f-agency option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(await agencies()).toContain('BURIEN_PD');

    await Promise.all([page.waitForEvent('load'), choice.selectOption('harbor-county')]);
    await page.locator('#program-switch').waitFor();
    expect(await page.locator('#program-switch').inputValue()).toBe('harbor-county');
    expect(await agencies()).toContain('HARBOR_PD');
    expect(await agencies()).not.toContain('BURIEN_PD');
    const form = await page.evaluate(async () => (await (await fetch('/api/form-config')).json()).program.caseIdPrefix);
    expect(form).toBe('HBR');
    await context.close();
  } finally {
    await browser.close();
  }
  // A person of one program: no switch, and a cookie naming another program changes nothing (R-ROI).
  const { token } = await stack.tokens.issue({ id: 'burien-officer', role: 'officer', ...BURIEN.officer });
  const cookie = `${SESSION_COOKIE}=${token}; ${PROGRAM_COOKIE}=harbor-county`;
  const me = await (await fetch(`${stack.baseUrl}/api/auth/me`, { headers: { cookie } })).json();
  expect(me).toMatchObject({ program: { id: 'burien' }, programs: [{ id: 'burien', name: 'Burien LEAD' }] });
  const form = await (await fetch(`${stack.baseUrl}/api/form-config`, { headers: { cookie } })).json();
  expect(form.program.caseIdPrefix).toBe('BUR');
});

test('the pages side by side: a project manager and an evaluator of both programs read each program’s month and evaluation under their own; a person of one program, no such table', async () => {
  await referHarbor();
  const browser = await launchBrowser();
  try {
    const both = ['burien', 'harbor-county'];
    const pm = await contextAs(stack, browser, { role: 'project_manager', user: 'pm-both-pages', programs: both });
    const reports = await pm.newPage();
    await reports.goto(`${stack.baseUrl}/reports`);
    await reports.waitForSelector('#report[data-ready="true"]');
    const months = reports.locator('#programs-side-by-side');
    expect(await months.locator('thead th').allTextContents()).toEqual([
      'Figure',
      'Burien LEAD (computed now)',
      'Harbor County LEAD (computed now)',
    ]);
    const referrals = await months.locator('tbody tr').first().locator('td').allTextContents();
    const count = (programId: string) => stack.db.referral.count({ where: { programId } });
    expect(referrals).toEqual([String(await count('burien')), String(await count('harbor-county'))]);
    await pm.close();

    const evaluator = await contextAs(stack, browser, {
      role: 'evaluator',
      user: 'evaluator-both-pages',
      programs: both,
    });
    const evaluation = await evaluator.newPage();
    await evaluation.goto(`${stack.baseUrl}/evaluation`);
    await evaluation.waitForSelector('#evaluation[data-ready="true"]');
    const side = evaluation.locator('#evaluation-side-by-side');
    expect(await side.locator('thead th').allTextContents()).toEqual([
      'Figure',
      'Burien LEAD',
      'Harbor County LEAD',
      'Together',
    ]);
    await evaluator.close();

    const one = await contextAs(stack, browser, { role: 'project_manager', user: 'pm-one-page', programs: ['burien'] });
    const own = await one.newPage();
    await own.goto(`${stack.baseUrl}/reports`);
    await own.waitForSelector('#report[data-ready="true"]');
    expect(await own.locator('#programs-side-by-side').count()).toBe(0);
    await one.close();
  } finally {
    await browser.close();
  }
});
