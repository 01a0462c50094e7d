import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import type { Browser } from 'playwright-core';
import { apiAs, waitFor } from '../../support/api-client';
import { contextAs, launchBrowser, layoutOf, PHONE, screenshot, watchErrors } from '../../support/browser';
import { startTestStack, type TestStack } from '../../support/test-stack';
import {
  monthlyReportScheduleId,
  SINGLE_PROGRAM_REPORT_SCHEDULE_ID,
} from '../../../src/temporal/monthly-report-schedule';
import { programSchedules } from '../../../src/temporal/program-schedules';
import { evaluationScheduleId } from '../../../src/temporal/evaluation-schedule';
import { TASK_QUEUE } from '../../../src/contract/definitions';
import { addMonthsTo, monthOf } from '../../../src/reports/report-month';

/**
 * R-STAFFING: the monthly-report Schedule, run for a seeded September 2026 through the Schedule's own
 * backfill (its nominal time, 1 October 06:00 in Los Angeles), on a real dev server — the time-skipping
 * test server has no Schedules. The figures, the staffing list and the client rows are known exactly;
 * the CSV downloads parse with a standard CSV parser and agree with the page's figures.
 */
let stack: TestStack;
let browser: Browser;

type Seed = {
  id: string;
  type?: 'ARREST_DIVERSION' | 'SOCIAL_CONTACT';
  referredAt: string;
  stage: string;
  name: string;
  events: Array<[string, string, Record<string, unknown>?]>;
};
const SEEDS: Seed[] = [
  // A: screened after 1 day, enrolled after 4 days (in September), goals recorded.
  {
    id: 'BUR-SEEDA00001',
    referredAt: '2026-09-02T17:00:00Z',
    stage: 'ENROLLED',
    name: 'Ada Alder',
    events: [
      ['REFERRAL_RECEIVED', '2026-09-02T17:00:00Z'],
      ['SCREENING_RECORDED', '2026-09-03T17:00:00Z'],
      ['CONSENT_GIVEN', '2026-09-05T17:00:00Z', { method: 'WRITTEN' }],
      ['INTAKE_COMPLETED', '2026-09-06T17:00:00Z'],
      ['ENROLLED', '2026-09-06T17:00:00Z'],
      ['IIP_RECORDED', '2026-09-10T17:00:00Z', { goals: ['HOUSING', 'TREATMENT'] }],
    ],
  },
  // B: screened after 2 days, intake outstanding.
  {
    id: 'BUR-SEEDB00002',
    referredAt: '2026-09-10T17:00:00Z',
    stage: 'AWAITING_INTAKE',
    name: 'Ben Birch',
    events: [
      ['REFERRAL_RECEIVED', '2026-09-10T17:00:00Z'],
      ['SCREENING_RECORDED', '2026-09-12T17:00:00Z'],
    ],
  },
  // C: an August referral whose intake deadline passed in September.
  {
    id: 'BUR-SEEDC00003',
    referredAt: '2026-08-05T17:00:00Z',
    stage: 'INTAKE_MISSED',
    name: 'Cy Cedar',
    events: [
      ['REFERRAL_RECEIVED', '2026-08-05T17:00:00Z'],
      ['SCREENING_RECORDED', '2026-08-06T17:00:00Z'],
      ['INTAKE_DEADLINE_MISSED', '2026-09-04T17:00:00Z'],
    ],
  },
  // D: a social contact approved in September, waiting for a place.
  {
    id: 'BUR-SEEDD00004',
    type: 'SOCIAL_CONTACT',
    referredAt: '2026-09-15T17:00:00Z',
    stage: 'WAITING_FOR_CAPACITY',
    name: 'Dee Dogwood',
    events: [
      ['SOCIAL_CONTACT_REFERRED', '2026-09-15T17:00:00Z'],
      ['SOCIAL_CONTACT_APPROVED', '2026-09-16T17:00:00Z'],
    ],
  },
  // E: a participant since June who transitioned out in September; a service withdrawn in July.
  {
    id: 'BUR-SEEDE00005',
    referredAt: '2026-06-01T17:00:00Z',
    stage: 'EXITED',
    name: 'Eve Elm',
    events: [
      ['REFERRAL_RECEIVED', '2026-06-01T17:00:00Z'],
      ['ENROLLED', '2026-06-20T17:00:00Z'],
      [
        'SERVICE_RECORDED',
        '2026-06-25T17:00:00Z',
        { service: 'housing navigation', provider: 'King County Housing Authority' },
      ],
      ['SERVICE_WITHDRAWN', '2026-07-01T17:00:00Z', { service: 'JOB_TRAINING', reason: 'no progress' }],
      ['EXITED', '2026-09-20T17:00:00Z', { reason: 'TRANSITIONED_OUT' }],
    ],
  },
  // F: left the program in August: not a September participant.
  {
    id: 'BUR-SEEDF00006',
    referredAt: '2026-04-20T17:00:00Z',
    stage: 'EXITED',
    name: 'Fay Fir',
    events: [
      ['REFERRAL_RECEIVED', '2026-04-20T17:00:00Z'],
      ['ENROLLED', '2026-05-01T17:00:00Z'],
      ['EXITED', '2026-08-15T17:00:00Z', { reason: 'MOVED_AWAY' }],
    ],
  },
  // G: 23:00 on 30 September in Los Angeles (06:00 UTC on 1 October) is September's.
  {
    id: 'BUR-SEEDG00007',
    referredAt: '2026-10-01T06:00:00Z',
    stage: 'AWAITING_SCREENING',
    name: 'Gus Gum',
    events: [['REFERRAL_RECEIVED', '2026-10-01T06:00:00Z']],
  },
  // H: 01:00 on 1 October in Los Angeles is October's.
  {
    id: 'BUR-SEEDH00008',
    referredAt: '2026-10-01T08:00:00Z',
    stage: 'AWAITING_SCREENING',
    name: 'Hal Hazel',
    events: [['REFERRAL_RECEIVED', '2026-10-01T08:00:00Z']],
  },
];

const EXPECTED_FIGURES = {
  referralsByMonth: [
    ...['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'].map((month) => ({
      month,
      arrestDiversions: 0,
      socialContacts: 0,
    })),
    { month: '2026-04', arrestDiversions: 1, socialContacts: 0 },
    { month: '2026-05', arrestDiversions: 0, socialContacts: 0 },
    { month: '2026-06', arrestDiversions: 1, socialContacts: 0 },
    { month: '2026-07', arrestDiversions: 0, socialContacts: 0 },
    { month: '2026-08', arrestDiversions: 1, socialContacts: 0 },
    { month: '2026-09', arrestDiversions: 3, socialContacts: 1 },
  ],
  referralsInMonth: { arrestDiversions: 3, socialContacts: 1, total: 4 },
  daysToScreening: { count: 2, median: 1.5, p90: 2 },
  daysToIntake: { count: 1, median: 4, p90: 4 },
  enrolledShare: { referred: 4, enrolled: 1, share: 0.25 },
  missedIntakes: 1,
  capacity: { used: 1, available: 50 },
  waitingSocialContacts: 1,
};
const EXPECTED_CLIENT_CSV_PM = [
  {
    referral_id: 'BUR-SEEDE00005',
    referral_type: 'ARREST_DIVERSION',
    referred_on: '2026-06-01',
    screened_on: '',
    enrolled_on: '2026-06-20',
    status: 'EXITED',
    exit_on: '2026-09-20',
    shared: 'STATUS_ONLY',
    iip_goals: '',
    service_withdrawn: '',
    exit_reason: '',
  },
  {
    referral_id: 'BUR-SEEDA00001',
    referral_type: 'ARREST_DIVERSION',
    referred_on: '2026-09-02',
    screened_on: '2026-09-03',
    enrolled_on: '2026-09-06',
    status: 'ACTIVE',
    exit_on: '',
    shared: 'PROGRESS_SUMMARY',
    iip_goals: 'HOUSING; TREATMENT',
    service_withdrawn: 'no',
    exit_reason: '',
  },
];
const EXPECTED_CLIENT_CSV_FULL = [
  {
    ...EXPECTED_CLIENT_CSV_PM[0],
    shared: 'CASE_MANAGEMENT_RECORD',
    iip_goals: '',
    service_withdrawn: 'yes',
    exit_reason: 'TRANSITIONED_OUT',
    consent_on: '',
    services_delivered: 'housing navigation (King County Housing Authority)',
    services_withdrawn: 'JOB_TRAINING',
  },
  {
    ...EXPECTED_CLIENT_CSV_PM[1],
    shared: 'CASE_MANAGEMENT_RECORD',
    consent_on: '2026-09-05',
    services_delivered: '',
    services_withdrawn: '',
  },
];
/** R-STAFFING: named only under a release covering staffing (Ada) or a partner's nomination (Ben). */
const EXPECTED_STAFFING = [
  ['BUR-SEEDB00002', 'Ben Birch', 'AWAITING_INTAKE'],
  ['BUR-SEEDG00007', null, 'AWAITING_SCREENING'],
  ['BUR-SEEDA00001', 'Ada Alder', 'ENROLLED'],
  // R-STAFFING (Decision 2026-12-02): an exit shows once, in the month it happened (Eve left in September).
  ['BUR-SEEDE00005', null, 'EXITED'],
  ['BUR-SEEDC00003', null, 'INTAKE_MISSED'],
  ['BUR-SEEDD00004', null, 'WAITING_FOR_CAPACITY'],
];

async function seed(s: Seed) {
  const [givenName, familyName] = s.name.split(' ');
  const person = await stack.db.person.create({ data: { givenName, familyName, dateOfBirth: new Date('1985-05-05') } });
  await stack.db.referral.create({
    data: {
      id: s.id,
      submissionId: randomUUID(),
      submissionHash: 'seed',
      type: s.type ?? 'ARREST_DIVERSION',
      personId: person.id,
      agency: 'BURIEN_PD',
      officerId: 'B-1047',
      details: {},
      referredAt: new Date(s.referredAt),
      stage: s.stage,
      projectedSeq: s.events.length,
      events: {
        create: s.events.map(([type, at, data], i) => ({
          seq: i + 1,
          type,
          occurredAt: new Date(at),
          data: (data ?? {}) as object,
        })),
      },
    },
  });
}

beforeAll(async () => {
  stack = await startTestStack({ timeSkipping: false });
  for (const s of SEEDS) await seed(s);
  const ada = await stack.db.referral.findUniqueOrThrow({ where: { id: 'BUR-SEEDA00001' } });
  await stack.db.releaseOfInformation.create({
    data: {
      id: 'BUR-SEEDA00001.3',
      referralId: ada.id,
      personId: ada.personId,
      method: 'WRITTEN',
      coversStaffing: true,
      givenAt: new Date('2026-09-05T17:00:00Z'),
      givenById: 'cm-1',
    },
  });
  await stack.db.staffingNomination.create({
    data: {
      referralId: 'BUR-SEEDB00002',
      forMonth: '2026-09',
      reason: 'misses appointments; team should discuss',
      nominatedById: 'sergeant-1',
      nominatedByRole: 'sergeant',
      requestId: 'seed',
    },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

test("the program's Schedule runs on the first of each month, 06:00 in its time zone, and its September run reports exactly", async () => {
  // The one schedule of a deployment before reports were per program (issue 26): removed at the start.
  const { client } = stack.env;
  await client.schedule.create({
    scheduleId: SINGLE_PROGRAM_REPORT_SCHEDULE_ID,
    spec: { calendars: [{ dayOfMonth: 1, hour: 6 }] },
    action: {
      type: 'startWorkflow',
      workflowType: 'monthlyReport',
      taskQueue: TASK_QUEUE,
      args: [{ timezone: 'UTC' }],
    },
  });
  await programSchedules(client)([stack.config]);
  await programSchedules(client)([stack.config]); // a second worker start changes nothing
  await expect(client.schedule.getHandle(SINGLE_PROGRAM_REPORT_SCHEDULE_ID).describe()).rejects.toThrow(/not found/i);
  const schedule = client.schedule.getHandle(monthlyReportScheduleId('BUR'));
  const description = await schedule.describe();
  expect(description.spec.calendars).toEqual([
    expect.objectContaining({
      dayOfMonth: [{ start: 1, end: 1, step: 1 }],
      hour: [{ start: 6, end: 6, step: 1 }],
      minute: [{ start: 0, end: 0, step: 1 }],
    }),
  ]);
  expect(description.spec.timezone).toBe('America/Los_Angeles');

  // The Schedule's own backfill: the run it would have started on 1 October 2026, 06:00 PDT (13:00 UTC).
  await schedule.backfill({
    start: new Date('2026-10-01T12:59:00Z'),
    end: new Date('2026-10-01T13:01:00Z'),
    overlap: ScheduleOverlapPolicy.ALLOW_ALL,
  });
  const row = (await waitFor(
    () =>
      stack.db.monthlyReport.findUnique({ where: { caseIdPrefix_month: { caseIdPrefix: 'BUR', month: '2026-09' } } }),
    'the September report',
    60_000,
  ))!;
  expect(row.scheduledAt?.toISOString()).toBe('2026-10-01T13:00:00.000Z');
  const data = row.data as any;
  expect(data.figures).toEqual(EXPECTED_FIGURES);
  // The stored report names nobody: names are decided when it is read (R-STAFFING, R-ROI).
  expect(data.staffingList.map((r: any) => [r.referralId, r.stage])).toEqual(
    EXPECTED_STAFFING.map(([id, , stage]) => [id, stage]),
  );
  expect(JSON.stringify(data)).not.toMatch(/Alder|Birch|Gum|Cedar|Dogwood/);
  expect(data.clientRows.map((r: any) => r.referralId)).toEqual(['BUR-SEEDE00005', 'BUR-SEEDA00001']);
});

test('issue 26: each program has its own schedules in its own time zone; one added or moved is scheduled at the next reconciliation', async () => {
  const { client } = stack.env;
  const schedulePrograms = programSchedules(client);
  const harbor = {
    ...stack.config,
    program: { ...stack.config.program, name: 'Harbor County LEAD', caseIdPrefix: 'HBR' },
  };
  const described = (id: string) => client.schedule.getHandle(id).describe();
  await schedulePrograms([stack.config]);
  await expect(described(monthlyReportScheduleId('HBR'))).rejects.toThrow(/not found/i);

  await schedulePrograms([stack.config, harbor]); // Harbor County added through the API meanwhile
  const report = await described(monthlyReportScheduleId('HBR'));
  expect(report.action).toMatchObject({
    workflowId: 'lead-monthly-report-HBR',
    args: [{ timezone: 'America/Los_Angeles', caseIdPrefix: 'HBR' }],
  });
  expect((await described(evaluationScheduleId('HBR'))).action).toMatchObject({ args: [{ caseIdPrefix: 'HBR' }] });

  // A new version moves Harbor County's time zone: its schedules follow; Burien's keep theirs.
  await schedulePrograms([stack.config, { ...harbor, program: { ...harbor.program, timezone: 'America/New_York' } }]);
  expect((await described(monthlyReportScheduleId('HBR'))).spec.timezone).toBe('America/New_York');
  expect((await described(evaluationScheduleId('HBR'))).spec.timezone).toBe('America/New_York');
  expect((await described(monthlyReportScheduleId('BUR'))).spec.timezone).toBe('America/Los_Angeles');
  for (const id of [monthlyReportScheduleId('HBR'), evaluationScheduleId('HBR')])
    await client.schedule.getHandle(id).delete();
});

test('the CSV downloads parse with a standard CSV parser and match the figures; each is limited to its roles', async () => {
  const pm = apiAs(stack.baseUrl, 'project_manager');
  const get = async (who: string, path: string) => {
    const { token } = await stack.tokens.issue({ id: `${who}-1`, role: who as any });
    return fetch(`${stack.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  };
  const clients = await get('project_manager', '/api/reports/2026-09/client-report.csv');
  expect(clients.status).toBe(200);
  expect(clients.headers.get('content-type')).toContain('text/csv');
  const clientRows = parse(await clients.text(), { columns: true, bom: true });
  // R-ROI: the project manager gets the progress summary only where the release covers staffing.
  expect(clientRows).toEqual(EXPECTED_CLIENT_CSV_PM);
  const report = (await pm.getOk('/api/reports/2026-09')).body;
  expect(clientRows.filter((r: any) => r.status === 'ACTIVE')).toHaveLength(report.figures.capacity.used);
  const full = parse(await (await get('supervisor', '/api/reports/2026-09/client-report.csv')).text(), {
    columns: true,
    bom: true,
  });
  expect(full).toEqual(EXPECTED_CLIENT_CSV_FULL);
  expect(
    parse(await (await get('case_manager', '/api/reports/2026-09/client-report.csv')).text(), {
      columns: true,
      bom: true,
    }),
  ).toEqual(EXPECTED_CLIENT_CSV_FULL);

  const staffing = parse(await (await get('case_manager', '/api/reports/2026-09/staffing-list.csv')).text(), {
    columns: true,
    bom: true,
  });
  expect(staffing.map((r: any) => [r.referral_id, r.name || null, r.stage])).toEqual(EXPECTED_STAFFING);
  expect(staffing.find((r: any) => r.referral_id === 'BUR-SEEDB00002')).toMatchObject({
    named_because: 'NOMINATED',
    nominations: 'sergeant-1 (sergeant): misses appointments; team should discuss',
  });
  expect(report.staffingList.map((r: any) => [r.referralId, r.name, r.stage])).toEqual(EXPECTED_STAFFING);

  // R-DISCLOSE: what the project manager was shown is accounted for, person by person; case managers' reads are not disclosures.
  const disclosures = await stack.db.disclosure.findMany({
    where: { actorRole: 'project_manager' },
    orderBy: { id: 'asc' },
  });
  expect(disclosures.map((d) => [d.caseId, d.kinds, d.channel])).toEqual([
    ['BUR-SEEDA00001', ['CASE_MANAGEMENT_SUMMARY'], 'GET /api/reports/:month/client-report.csv'],
    ['BUR-SEEDB00002', ['REFERRAL_RECORD'], 'GET /api/reports/:month'],
    ['BUR-SEEDA00001', ['REFERRAL_RECORD'], 'GET /api/reports/:month'],
    ['BUR-SEEDA00001', ['CASE_MANAGEMENT_SUMMARY'], 'GET /api/reports/:month'],
  ]);
  expect(await stack.db.disclosure.count({ where: { actorRole: 'case_manager' } })).toBe(0);

  expect((await get('officer', '/api/reports/2026-09')).status).toBe(403);
  expect((await get('officer', '/api/reports/2026-09/client-report.csv')).status).toBe(403);
  const bad = await pm.get('/api/reports/2026-13');
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body)).toContain('month');
  // A month the schedule did not produce (a new install) is computed when asked; one not begun is not.
  const august = await pm.get('/api/reports/2026-08');
  expect(august.status).toBe(200);
  expect(august.body).toMatchObject({ month: '2026-08', stored: false, soFar: false });
  expect((await pm.get('/api/reports/2999-01')).status).toBe(404);
});

test('the report page shows the month as charts whose values match the report', async () => {
  const context = await contextAs(stack, browser, { role: 'project_manager', user: 'pm-1' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${stack.baseUrl}/reports?month=2026-09`);
  await page.waitForSelector('#report[data-ready="true"]');
  expect(await page.locator('[data-figure="referrals"] strong').textContent()).toBe('4');
  expect(await page.locator('[data-figure="enrolled-share"] strong').textContent()).toBe('25%');
  expect(await page.locator('[data-figure="missed-intakes"] strong').textContent()).toBe('1');
  expect(await page.locator('[data-figure="waiting"] strong').textContent()).toBe('1');
  const september = page.locator('#chart-referrals g[data-category="2026-09"]');
  expect(
    await september.evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-series'), g.getAttribute('data-value')])),
  ).toEqual([
    ['arrest diversions', '3'],
    ['social contacts', '1'],
  ]);
  expect(await page.locator('#chart-times g').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-value')))).toEqual(
    ['1.5', '2', '4', '4'],
  );
  expect(await page.locator('#chart-capacity g[data-label="places used"]').getAttribute('data-value')).toBe('1');
  expect(await page.locator('#chart-capacity g[data-label="places available"]').getAttribute('data-value')).toBe('50');
  expect(await page.locator('#staffing-list tbody tr').count()).toBe(EXPECTED_STAFFING.length);
  expect(await page.locator('#client-csv').getAttribute('href')).toBe('/api/reports/2026-09/client-report.csv');
  await screenshot(page, 'monthly-report');
  expect(errors).toEqual([]);
  await context.close();
});

test('issue 23 item 8: the project manager starts on the report; every past month is reached from the page, by name; the chart names its months', async () => {
  const current = monthOf(new Date(), stack.config.program.timezone);
  // From the first referral (20 April 2026) to the month under way, newest first.
  const offered: string[] = [];
  for (let m = current; m >= '2026-04'; m = addMonthsTo(m, -1)) offered.push(m);
  const name = (month: string) =>
    new Date(`${month}-15T12:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const problems: string[] = [];
  for (const [size, options, tables] of [
    ['390×844', PHONE, 'block'],
    ['1280×800', { viewport: { width: 1280, height: 800 } }, 'table'],
  ] as const) {
    const context = await contextAs(stack, browser, { role: 'project_manager', user: 'pm-months' }, options);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.baseUrl}/`);
    await page.waitForURL(`${stack.baseUrl}/reports`); // the start page: the report, not the stuck cases
    await page.waitForSelector('#report[data-ready="true"]');
    const choices = await page
      .locator('#month option')
      .evaluateAll((all) => all.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(choices.map(([value]) => value)).toEqual(offered);
    expect(choices[0]).toEqual([current, `${name(current)} (so far)`]);
    expect(choices).toContainEqual(['2026-09', 'September 2026']); // stored by the schedule's run
    expect(choices.at(-1)).toEqual(['2026-04', 'April 2026 (not produced yet)']);
    // A past month, chosen and shown (no change of page before "Show").
    await page.selectOption('#month', '2026-09');
    expect(new URL(page.url()).search).toBe('');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(`${stack.baseUrl}/reports?month=2026-09`);
    await page.waitForSelector('#report[data-ready="true"]');
    expect(await page.locator('[data-figure="referrals"]').textContent()).toBe('4referrals in September 2026');
    expect(await page.locator('#next-month').textContent()).toBe('October 2026 →');
    await page.locator('#previous-month').click();
    await page.waitForURL(`${stack.baseUrl}/reports?month=2026-08`);
    await page.waitForSelector('#report[data-ready="true"]');
    expect(await page.locator('#month').inputValue()).toBe('2026-08');
    // Month names on the axis ("Sep" with its year under the first month and each January), not "25-09".
    const axis = await page
      .locator('#chart-referrals text.axis[data-category]')
      .evaluateAll((labels) => labels.map((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ')));
    expect(axis).toEqual([
      'Sep 2025',
      'Oct',
      'Nov',
      'Dec',
      'Jan 2026',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
    ]);
    expect(await page.locator('#chart-referrals g[data-category="2026-04"] title').first().textContent()).toBe(
      'Apr 2026, arrest diversions: 1',
    );
    const layout = await layoutOf(page);
    if (layout.scrollWidth > layout.viewport) problems.push(`${size}: ${layout.tooWide.join('; ')}`);
    for (const t of layout.tables.filter((t) => t.display !== tables || t.unlabelled > 0))
      problems.push(`${size}: ${t.table} shown as ${t.display}`);
    await screenshot(page, size === '390×844' ? 'monthly-report-past-month-phone' : 'monthly-report-past-month');
    expect(errors).toEqual([]);
    await context.close();
  }
  expect(problems).toEqual([]);
});
