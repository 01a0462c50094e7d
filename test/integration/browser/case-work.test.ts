import type { Browser } from 'playwright-core';
import { apiAs, expectStatus, refusalOf, waitFor } from '../../support/api-client';
import { mailFor, readCase, settled, submitArrest } from '../../support/case-helpers';
import { mailProblems, plainLanguageProblems } from '../../support/plain-language';
import { contextAs, DESKTOP, launchBrowser, PHONE, screenshot, watchErrors } from '../../support/browser';
import {
  arrestReferral,
  BURIEN_SERGEANTS,
  ON_CALL_CASE_MANAGERS,
  socialContactReferral,
} from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';
import { monthOf, addMonthsTo } from '../../../src/reports/report-month';
import type { Role } from '../../../src/shared/roles';

/**
 * The people who act on a case see the referral, and irreversible actions are guarded: a prosecutor's
 * filing decision only where the protocol gives one (R-SCREEN, R-MISSED, R-VICTIM), with no default
 * and its consequence said first; the month under way reported on request (R-STAFFING).
 */
let stack: TestStack;
let browser: Browser;
beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function open(
  role: Role,
  user: string,
  path: string,
  ready: string,
  scope: { office?: string; agency?: string } = {},
) {
  const context = await contextAs(stack, browser, { role, user, ...scope });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${stack.baseUrl}${path}`);
  await page.waitForSelector(ready);
  return { context, page, errors };
}

test('R-PACKET: on a fresh diversion a filing decision needs a stated reason and an explicit confirmation; without them the API refuses it naming the field and the rule', async () => {
  const caseId = await submitArrest(stack, arrestReferral());
  const prosecutor = apiAs(stack.baseUrl, 'prosecutor', 'dpa-guard', { office: 'KCPAO' });
  const refused = await prosecutor.act(caseId, 'filing-decision', { decision: 'FILED' });
  expectStatus(refused, 400);
  expect(refused.body.error).toMatchObject({
    ruleId: 'R-PACKET',
    fields: [expect.objectContaining({ field: 'reason' })],
  });
  expect(refused.body.error.message).toMatch(/outside R-SCREEN, R-MISSED and R-VICTIM/);
  const unconfirmed = await prosecutor.act(caseId, 'filing-decision', { decision: 'FILED', reason: 'new evidence' });
  expect(refusalOf(unconfirmed)?.fields).toEqual([expect.objectContaining({ field: 'confirmOutsideProtocol' })]);
  expect((await readCase(stack, caseId)).stage).toBe('AWAITING_SCREENING');
  const { context, page } = await open('prosecutor', 'dpa-guard', `/cases/${caseId}`, '#case[data-ready="true"]', {
    office: 'KCPAO',
  });
  // Offered, with the reason and the confirmation the decision needs outside the protocol's situations.
  expect(await page.locator('button[data-action="filing-decision"]').count()).toBe(1);
  await screenshot(page, 'case-prosecutor-fresh');
  await context.close();
});

test('after the person left before screening, the filing decision has no default, says what it does, and closing tells those owed', async () => {
  const caseId = await submitArrest(stack, arrestReferral());
  await apiAs(stack.baseUrl, 'case_manager').act(caseId, 'left-before-screening');
  await settled(stack, caseId);
  const { context, page, errors } = await open(
    'prosecutor',
    'dpa-decides',
    `/cases/${caseId}`,
    '#case[data-ready="true"]',
    { office: 'KCPAO' },
  );
  await page.click('button[data-action="filing-decision"]');
  const choice = page.locator('form.confirm select[name="decision"]');
  expect(await choice.inputValue()).toBe('');
  expect(await page.locator('#consequence').textContent()).toBe('Choose a decision to see what it does.');
  await page.locator('form.confirm button[type="submit"]').click(); // no choice: the browser asks for one
  expect(await readCase(stack, caseId).then((v) => v.stage)).toBe('LEFT_BEFORE_SCREENING');
  await choice.selectOption('FILED');
  expect(await page.locator('#consequence').textContent()).toMatch(
    /^Your office files its charges: the diversion ends/,
  );
  await screenshot(page, 'case-filing-decision-confirm');
  await page.locator('form.confirm button[type="submit"]').click();
  await page.locator('form.confirm').waitFor({ state: 'detached' });
  await expect(page.locator('#stage').getAttribute('data-stage')).resolves.toBe('CLOSED');
  expect(await page.locator('#stage').textContent()).toBe('Closed');
  await settled(stack, caseId);
  const closing = (to: string) =>
    mailFor(stack, caseId, to).filter((m) => m.subject.includes("prosecutor's filing decision"));
  expect(closing(BURIEN_SERGEANTS)).toHaveLength(1);
  expect(closing(ON_CALL_CASE_MANAGERS)).toHaveLength(1);
  expect(closing(BURIEN_SERGEANTS)[0].text).toContain('Where it stands: Closed (charges filed)');
  expect(errors).toEqual([]);
  await context.close();
});

test("the case manager screens with the referral in front of them; the sergeant approves with the officer's account", async () => {
  const caseId = await submitArrest(
    stack,
    arrestReferral({
      offenses: [{ code: 'CRIMINAL_TRESPASS', level: 'MISDEMEANOR' }],
      incident: {
        withinCityLimits: true,
        reportNumber: 'BPD-2026-7781',
        narrative: 'Found sleeping in the closed library entrance; calm and cooperative.',
      },
    }),
  );
  const cm = await open('case_manager', 'cm-reads', `/cases/${caseId}`, '#case[data-ready="true"]');
  const record = cm.page.locator('#referral-record');
  for (const text of [
    'Criminal trespass',
    'BPD-2026-7781',
    'Found sleeping in the closed library entrance',
    'Eligible for diversion.',
    'Amenable',
  ])
    expect(await record.textContent()).toContain(text);
  expect(await cm.page.locator('button[data-action="screening"]').isVisible()).toBe(true);
  await screenshot(cm.page, 'case-manager-before-screening');
  await cm.context.close();

  const social = await apiAs(stack.baseUrl, 'officer').postOk(
    '/api/referrals/social-contacts',
    socialContactReferral({ narrative: 'Sleeps at the transit center; asks for help with housing every week.' }),
  );
  await settled(stack, social.body.caseId);
  const sgt = await open('sergeant', 'sgt-reads', `/cases/${social.body.caseId}`, '#case[data-ready="true"]', {
    agency: 'BURIEN_PD',
  });
  const text = (await sgt.page.locator('#referral-record').textContent())!;
  expect(text).toContain('Sleeps at the transit center');
  expect(text).toContain('City of Burien');
  expect(text).toMatch(/Direct observation/);
  await sgt.page.click('button[data-action="approval-decision"]');
  expect(await sgt.page.locator('form.confirm select[name="decision"]').inputValue()).toBe('');
  await screenshot(sgt.page, 'sergeant-approval-with-account');
  await sgt.context.close();
});

test('issue 23, R-CONSENT: verbal consent without "memorialized by" is refused in a sentence naming the field, never "Invalid request body: memorializedBy:"; named, it is recorded', async () => {
  const caseId = await submitArrest(
    stack,
    arrestReferral({ person: { givenName: 'Vera', familyName: 'Verbalonly', dateOfBirth: '1985-05-15' } }),
  );
  expect((await apiAs(stack.baseUrl, 'case_manager').act(caseId, 'screening', {})).status).toBe(200);
  await settled(stack, caseId);
  const { context, page, errors } = await open(
    'case_manager',
    'cm-consent',
    `/cases/${caseId}`,
    '#case[data-ready="true"]',
  );
  await page.click('button[data-action="consent"]');
  const form = page.locator('form.confirm');
  await form.locator('select[name="method"]').selectOption('VERBAL_MEMORIALIZED');
  await form.getByRole('button', { name: 'Confirm record consent' }).click();
  const error = page.locator('#action-error');
  await error.waitFor();
  expect(await error.locator('p').textContent()).toBe('A verbal consent must name who memorialized it.');
  expect(await error.locator('details.why').textContent()).toContain('R-CONSENT');
  const memorializedBy = form.locator('input[name="memorializedBy"]');
  expect(await memorializedBy.getAttribute('aria-invalid')).toBe('true');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('memorializedBy');
  await screenshot(page, 'case-consent-verbal-refused');

  await memorializedBy.fill('Officer Dana Reyes');
  await form.getByRole('button', { name: 'Confirm record consent' }).click();
  await form.waitFor({ state: 'detached' });
  const given = (await readCase(stack, caseId)).events.find((e: { type: string }) => e.type === 'CONSENT_GIVEN');
  expect(given?.data).toMatchObject({ method: 'VERBAL_MEMORIALIZED', memorializedBy: 'Officer Dana Reyes' });
  expect(errors).toEqual([]);
  await context.close();
});

test('R-STAFFING: /reports shows the month under way; a past month not yet produced can be produced from the page', async () => {
  const caseId = await submitArrest(stack, arrestReferral());
  const month = monthOf(new Date(), stack.config.program.timezone);
  const pm = await open('project_manager', 'pm-reports', '/reports', '#report[data-ready="true"]');
  expect(await pm.page.locator('#month').inputValue()).toBe(month);
  expect(await pm.page.locator('#report-status').textContent()).toMatch(/^The month under way, computed now/);
  expect(Number(await pm.page.locator('[data-figure="referrals"] strong').textContent())).toBeGreaterThanOrEqual(1);
  expect(await pm.page.locator(`#staffing-list tr[data-case="${caseId}"]`).count()).toBe(1);
  await screenshot(pm.page, 'reports-month-so-far');
  await pm.context.close();

  const previous = addMonthsTo(month, -1);
  const sup = await open('supervisor', 'sup-reports', `/reports?month=${previous}`, '#report[data-ready="true"]');
  expect(await sup.page.locator('#report-status').textContent()).toMatch(/^Not produced yet/);
  await sup.page.click('#produce-report');
  await sup.page.waitForSelector('#report[data-ready="true"]');
  await waitFor(
    async () => (await sup.page.locator('#report-status').textContent())?.startsWith('Produced'),
    'the stored report',
  );
  expect(
    await stack.db.monthlyReport.findUnique({
      where: { caseIdPrefix_month: { caseIdPrefix: 'BUR', month: previous } },
    }),
  ).not.toBeNull();
  await sup.context.close();
  expect((await apiAs(stack.baseUrl, 'case_manager').post(`/api/reports/${previous}/runs`)).status).toBe(403);
  expect((await apiAs(stack.baseUrl, 'supervisor').post(`/api/reports/${month}/runs`)).status).toBe(409);
});

/** A time said in the program's zone with how far away it is: "Wed 2 Dec, 4:41 pm (Pacific) — in 12 hours". */
const LOCAL_DATE =
  /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( \d{4})?, (\d{1,2}:\d{2} (am|pm)|end of the day) \(Pacific\) — in \d+ (minutes|hours|days)\b/;

test('issue 23: on a phone (390×844) the case opens for its reader — where it stands, their next step and its date in local words, then the record they work from', async () => {
  // Referred by an account the service knows by name (the demo officer, "Officer Dana Reyes").
  const res = await apiAs(stack.baseUrl, 'officer', 'demo-officer').post('/api/referrals/arrest-diversions', {
    ...arrestReferral(),
  });
  expectStatus(res, 201);
  const caseId: string = res.body.caseId;
  await settled(stack, caseId);
  const firstScreen = async (role: Role, user: string, scope: { office?: string; agency?: string } = {}) => {
    const context = await contextAs(stack, browser, { role, user, ...scope }, PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.baseUrl}/cases/${caseId}`);
    await page.waitForSelector('#case[data-ready="true"]');
    const top = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
    return { context, page, errors, top, next: (await page.locator('#next-step').textContent())! };
  };

  // Case management: the next step (screening, by its date), then their own record — release, intake,
  // IIP, services, case notes — before the referral record.
  const cm = await firstScreen('case_manager', 'cm-phone');
  expect(cm.next).toMatch(/^Your next step: screen the person, by /);
  expect(cm.next).toMatch(LOCAL_DATE);
  expect(await cm.page.locator('#case-summary button[data-action="screening"]').isVisible()).toBe(true);
  expect(await cm.top('#cm-title')).toBeLessThan(PHONE.viewport.height);
  expect(await cm.top('#case-management')).toBeLessThan(await cm.top('#referral-record'));
  expect(await cm.page.locator('#case-notes-title').count()).toBe(1);
  expect(await cm.page.locator('#stage').textContent()).toBe('Waiting for screening');
  // The timeline in sentences, with the officer's name; the rule only in its "why".
  const first = cm.page.locator('#timeline li').first();
  expect(await first.textContent()).toContain('Officer Dana Reyes referred the person for diversion, found eligible.');
  expect(await first.locator('details.why summary').textContent()).toBe('Why?');
  await screenshot(cm.page, 'case-first-screen-case-manager-phone');
  // Adding a case note from its own section: it is listed there, not only in the timeline.
  await cm.page.click('#case-management button[data-action="notes"]');
  await cm.page.fill('form.confirm textarea[name="note"]', 'Met at the precinct; wants help with ID documents.');
  await cm.page.locator('form.confirm button[type="submit"]').click();
  await cm.page.locator('form.confirm').waitFor({ state: 'detached' });
  expect(await cm.page.locator('#case-notes').textContent()).toContain('wants help with ID documents');
  expect(await cm.page.locator('#case-notes').textContent()).toContain('you:');
  expect(cm.errors).toEqual([]);
  await cm.context.close();
  // A case manager the service knows by name screens the person: the partners read who did it.
  await apiAs(stack.baseUrl, 'case_manager', 'demo-case-manager').actOk(caseId, 'screening');
  await settled(stack, caseId);

  // The prosecutor with jurisdiction: the packet review, what its date means, then the referral record.
  const dpa = await firstScreen('prosecutor', 'dpa-phone', { office: 'KCPAO' });
  expect(dpa.next).toMatch(/^Your next step: review the diversion packet for your office\. If intake and consent/);
  expect(dpa.next).toMatch(LOCAL_DATE);
  expect(await dpa.top('#referral-record-title')).toBeLessThan(PHONE.viewport.height);
  expect(await dpa.top('#referral-record')).toBeLessThan(await dpa.top('#case-management'));
  await screenshot(dpa.page, 'case-first-screen-prosecutor-phone');
  await dpa.context.close();

  // The referring officer: report a return to the scene before the exclusion ends, then the referral record.
  const officer = await firstScreen('officer', 'demo-officer', { agency: 'BURIEN_PD' });
  expect(officer.next).toMatch(/^Your next step: report it if the person comes back to the scene/);
  expect(officer.next).toMatch(LOCAL_DATE);
  expect(await officer.top('#referral-record-title')).toBeLessThan(PHONE.viewport.height);
  expect(await officer.top('#referral-record')).toBeLessThan(await officer.top('#case-management'));
  expect(await officer.page.locator('#timeline li').first().textContent()).toContain('Officer Dana Reyes referred');
  expect(await officer.page.locator('#timeline').textContent()).toContain(
    'Case manager Robin Ochoa screened the person.',
  );
  expect(await officer.page.locator('#timeline').textContent()).not.toContain('demo-case-manager');
  await screenshot(officer.page, 'case-first-screen-officer-phone');
  // The scan itself: what it must find on a page, and the "why" it must leave alone.
  await officer.page.evaluate(() => {
    const planted = document.createElement('div');
    planted.id = 'planted';
    planted.innerHTML =
      '<p>due 2026-12-03T00:41:51.250Z</p><p>Case status: AWAITING_SCREENING</p><button>R-EL-NORIGHT</button>' +
      '<details class="why"><summary>Why?</summary>R-SCENE, 2026-12-03T00:41:51.250Z, ENROLLED</details>';
    document.getElementById('case')!.append(planted);
  });
  expect(await plainLanguageProblems(officer.page)).toEqual([
    'an ISO instant in p in #planted: “due 2026-12-03T00:41:51.250Z”',
    'the code AWAITING_SCREENING in p in #planted: “Case status: AWAITING_SCREENING”',
    'a rule id as the label of button in #planted: “R-EL-NORIGHT”',
  ]);
  await officer.page.evaluate(() => document.getElementById('planted')!.remove());
  await officer.context.close();

  // The notices this case sent are in words too (the test stack checks every captured notice as it stops).
  expect(mailProblems(mailFor(stack, caseId))).toEqual([]);
  expect(
    mailFor(stack, caseId)
      .map((m) => m.text)
      .join('\n'),
  ).toContain('Where it stands: Waiting for screening');
});

test('issue 23: at desktop size (1280×800) the case opens for its reader too — its next step in words first, then case management for case managers and the referral record for prosecutors and officers', async () => {
  const caseId = await submitArrest(stack, arrestReferral()); // referred by officer-1
  const readers: Array<{
    role: Role;
    user: string;
    scope?: { office?: string; agency?: string };
    first: string;
    then: string;
  }> = [
    { role: 'case_manager', user: 'cm-desktop', first: '#case-management', then: '#referral-record' },
    {
      role: 'prosecutor',
      user: 'dpa-desktop',
      scope: { office: 'KCPAO' },
      first: '#referral-record',
      then: '#case-management',
    },
    {
      role: 'officer',
      user: 'officer-1',
      scope: { agency: 'BURIEN_PD' },
      first: '#referral-record',
      then: '#case-management',
    },
  ];
  for (const { role, user, scope, first, then } of readers) {
    const context = await contextAs(stack, browser, { role, user, ...scope }, DESKTOP);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.baseUrl}/cases/${caseId}`);
    await page.waitForSelector('#case[data-ready="true"]');
    const top = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
    // Case management screens by a date; the officer reports a return before the exclusion ends.
    const next = (await page.locator('#next-step').textContent()) ?? '';
    expect({ role, next }).toEqual({
      role,
      next: role === 'prosecutor' ? expect.any(String) : expect.stringMatching(LOCAL_DATE),
    });
    expect(next.length).toBeGreaterThan(0);
    expect({ role, order: (await top(first)) < (await top(then)) }).toEqual({ role, order: true });
    expect({
      role,
      wider: await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    }).toEqual({
      role,
      wider: 0,
    });
    if (role === 'case_manager') await screenshot(page, 'case-first-screen-case-manager-desktop');
    expect(errors).toEqual([]);
    await context.close();
  }
});
