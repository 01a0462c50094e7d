import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../../src/config/load-config';
import { apiAs, waitFor } from '../../support/api-client';
import {
  contextAs,
  expectAccessible,
  launchBrowser,
  layoutOf,
  PHONE,
  DESKTOP,
  screenshot,
  SCREENSHOTS,
  watchErrors,
  type PageLayout,
} from '../../support/browser';
import { DATA_DICTIONARY } from '../../../src/evaluation/evaluation-data';
import { submitArrest } from '../../support/case-helpers';
import { arrestReferral, monthsAgo } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * R-EVAL: the officer books from the referral form (the comparison pool), recording their perception of
 * race/ethnicity where the agency records it; case managers record demographics and milestones on the
 * case page; the evaluation page draws re-arrest over time for participants and the pool from the stored
 * figures, honest for small numbers (issue 23 item 7): withheld cells said as such, a cohort under the
 * minimum says so, every rate with its count, no horizon beyond the follow-up observed; the export says
 * why it is empty before anyone downloads it, and its data dictionary is a page — for evaluators only.
 */
let stack: TestStack;
let browser: Browser;
const DAY = 86_400_000;
/** Participants started 20 days ago; the comparison pool 200 days ago (followed past 6 months, not 12). */
const START = new Date(Date.now() - 20 * DAY).toISOString();
const POOL_START = new Date(Date.now() - 200 * DAY).toISOString();
/** Nothing wider than the screen, and every table as it should be shown (cards on a phone). */
const layoutProblems = (where: string, layout: PageLayout, tableDisplay: 'block' | 'table') => [
  ...(layout.scrollWidth > layout.viewport
    ? [`${where}: ${layout.scrollWidth} px wide: ${layout.tooWide.join('; ')}`]
    : []),
  ...layout.tables
    .filter((t) => t.display !== tableDisplay || t.unlabelled > 0)
    .map((t) => `${where}: ${t.table} shown as ${t.display}, ${t.unlabelled} cells unlabelled`),
];
/** The case page is long: checked with axe whole, its evaluation section kept as the screenshot. */
async function sectionShot(page: Page, name: string) {
  await expectAccessible(page, name);
  await page.locator('#evaluation-record').screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
beforeAll(async () => {
  const config = loadConfig();
  config.evaluation.minimumCell = 2;
  config.durations.maxReferralBackdate = 210 * DAY;
  config.agencies.BURIEN_PD.recordsPerceivedRace = true; // KCSO does not

  [stack, browser] = await Promise.all([startTestStack({ config }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

test('R-EVAL: "Book instead" on the referral form records the checked referral in the comparison pool', async () => {
  const context = await contextAs(stack, browser, { role: 'officer', user: 'officer-books' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${stack.baseUrl}/refer`);
  await page.waitForSelector('#arrest-form[data-ready="true"]');
  // R-EVAL: the officer's perception of race/ethnicity is asked only for an agency that records it.
  const perceived = page.locator('#f-perceivedRace');
  expect(await page.inputValue('#f-agency')).toBe('BURIEN_PD');
  expect(await perceived.isVisible()).toBe(true);
  await page.selectOption('#f-agency', 'KCSO');
  expect(await perceived.isVisible()).toBe(false);
  await page.selectOption('#f-agency', 'BURIEN_PD');
  await perceived.getByLabel('Black or African American').check();
  await page.fill('#f-officer-id', 'B-2001');
  await page.fill('#f-person-givenName', 'Bea');
  await page.fill('#f-person-familyName', 'Bookedonform');
  await page.fill('#f-person-dateOfBirth', '1979-09-09');
  await page.check('input[name="incident.withinCityLimits"][value="true"]');
  await page.selectOption('#f-offenses-0-code', 'ASSAULT_4');
  await page.locator('#arrest-book').click();
  await page.getByRole('button', { name: 'Book Bea Bookedonform' }).click(); // the confirmation (R-EL-NORIGHT)
  const bookingId = (await page.locator('#booking-id').textContent())!;
  expect(await page.locator('#result').textContent()).toContain('Not eligible: the person is booked');
  const booking = await stack.db.booking.findUniqueOrThrow({ where: { id: bookingId }, include: { person: true } });
  expect([booking.reason, booking.person.familyName, booking.submittedById]).toEqual([
    'INELIGIBLE',
    'Bookedonform',
    'officer-books',
  ]);
  expect((booking.details as { perceivedRace?: string[] }).perceivedRace).toEqual(['BLACK']);
  expect(await page.inputValue('#f-person-familyName')).toBe(''); // a new, empty fill
  await screenshot(page, 'refer-booked');
  expect(errors).toEqual([]);
  await context.close();
});

test('issue 23 item 7: under the minimum the page says "not enough people yet", and the export says why it is empty before a download; the data dictionary is a page', async () => {
  // One person in the pool (the booking above), no participant: both cohorts under the minimum of 2.
  const problems: string[] = [];
  for (const [size, options, tables] of [
    ['390×844', PHONE, 'block'],
    ['1280×800', DESKTOP, 'table'],
  ] as const) {
    const context = await contextAs(stack, browser, { role: 'evaluator', user: 'evaluator-few' }, options);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.baseUrl}/evaluation`);
    await page.waitForSelector('#evaluation[data-ready="true"]');
    expect(await page.locator('#not-enough').textContent()).toBe(
      'Not enough people yet for any figure. Participants (enrolled diversions): no one yet (0 of the 2 needed). ' +
        'Comparison pool (booked): not enough people yet (fewer than 2; the exact number is withheld until then).',
    );
    const cells = (cohort: string) => page.locator(`#rearrest-rates tr[data-cohort="${cohort}"] td`).allTextContents();
    expect(await cells('comparison')).toEqual([
      'not enough people yet (fewer than 2; the exact number is withheld until then)',
      '—',
      '—',
      '—',
      '—',
      '—',
    ]);
    expect((await cells('participants'))[0]).toBe('no one yet (0 of the 2 needed)');
    expect(await page.locator('#milestones-too-few').textContent()).toBe(
      'Participants: no one yet (0 of the 2 needed).',
    );
    // The export: nothing to download yet, and why — said before any download is offered.
    const state = page.locator('#export-state');
    expect(await state.getAttribute('data-empty')).toBe('true');
    expect(await state.textContent()).toBe(
      'Nothing to export yet: no cohort has reached the minimum of 2 people (participants: nobody yet; the comparison pool: fewer than 2 people so far). ' +
        'A cohort is exported whole once it has, never in part: a few rows could single people out.',
    );
    expect(await page.locator('#export-csv, #export-jsonl').count()).toBe(0);
    problems.push(...layoutProblems(`/evaluation at ${size}`, await layoutOf(page), tables));
    if (size === '390×844') await screenshot(page, 'evaluation-not-enough-people-phone');
    else await expectAccessible(page, 'the evaluation page, not enough people');

    // The data dictionary: a page, not raw JSON — every column, what it holds; the same word on the export.
    await page.locator('#dictionary-link').click();
    await page.waitForSelector('#dictionary[data-ready="true"]');
    expect(new URL(page.url()).pathname).toBe('/evaluation/data-dictionary');
    expect(await page.locator('h1').textContent()).toBe('Evaluation data dictionary');
    expect(
      await page
        .locator('#data-dictionary tr[data-field]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field'))),
    ).toEqual(Object.keys(DATA_DICTIONARY));
    expect(await page.locator('#data-dictionary tr[data-field="startMonth"] td').nth(1).textContent()).toBe(
      DATA_DICTIONARY.startMonth,
    );
    expect(await page.locator('#export-state').getAttribute('data-empty')).toBe('true');
    expect(await page.locator('#main-nav a[aria-current="page"]').textContent()).toBe('Evaluation');
    problems.push(...layoutProblems(`/evaluation/data-dictionary at ${size}`, await layoutOf(page), tables));
    if (size === '390×844') await screenshot(page, 'evaluation-data-dictionary-phone');
    else await screenshot(page, 'evaluation-data-dictionary');
    expect(errors).toEqual([]);
    await context.close();
  }
  expect(problems).toEqual([]);
  // The dictionary page is the evaluators': the project manager reads the figures, not the export.
  const manager = await contextAs(stack, browser, { role: 'project_manager', user: 'pm-dictionary' });
  const refused = await (await manager.newPage()).goto(`${stack.baseUrl}/evaluation/data-dictionary`);
  expect(refused!.status()).toBe(403);
  await manager.close();
});

test('R-EVAL: case managers record demographics and milestones on the case page; the evaluation page shows every rate with its count, and no horizon beyond the follow-up observed', async () => {
  const officer = apiAs(stack.baseUrl, 'officer');
  const cm = apiAs(stack.baseUrl, 'case_manager');
  const recent = monthsAgo(0, 5);
  const pool: string[] = [];
  for (const [i, name] of ['Poolone', 'Pooltwo', 'Poolthree', 'Poolfour'].entries()) {
    const body = arrestReferral({
      person: { givenName: 'P', familyName: name, dateOfBirth: `1980-01-0${i + 1}` },
      referredAt: POOL_START,
    });
    pool.push((await officer.postOk('/api/referrals/bookings', body)).body.bookingId);
  }
  const participants: string[] = [];
  for (const [i, name] of ['Partone', 'Parttwo'].entries()) {
    const caseId = await submitArrest(
      stack,
      arrestReferral({
        person: { givenName: 'Q', familyName: name, dateOfBirth: `1981-01-0${i + 1}` },
        referredAt: START,
      }),
    );
    for (const [action, body] of [
      ['screening', {}],
      ['consent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } }],
      ['intake', {}],
    ] as const)
      await cm.actOk(caseId, action, body);
    participants.push(caseId);
  }
  await waitFor(
    async () =>
      (await stack.db.caseEvent.count({ where: { referralId: { in: participants }, type: 'ENROLLED' } })) === 2,
    'both enrolled',
  );
  // Two of the pool re-arrested 30 days after their booking (two more followed on without one); one participant.
  const poolRearrest = new Date(Date.parse(POOL_START) + 30 * DAY).toISOString().slice(0, 10);
  for (const [i, [subject, occurredOn]] of (
    [
      [{ bookingId: pool[0] }, poolRearrest],
      [{ bookingId: pool[1] }, poolRearrest],
      [{ caseId: participants[0] }, recent],
    ] as const
  ).entries())
    expect(
      (
        await officer.post('/api/outcomes', {
          entryId: `page-${i}`,
          subject,
          kind: 'ARREST',
          occurredOn,
          level: 'MISDEMEANOR',
          agency: 'BURIEN_PD',
        })
      ).status,
    ).toBe(201);

  // The case manager, on a phone: the participant's own answers, and a milestone (R-EVAL, R-IIP).
  const problems: string[] = [];
  const cmContext = await contextAs(stack, browser, { role: 'case_manager', user: 'cm-evaluation' }, PHONE);
  const casePage = await cmContext.newPage();
  const caseErrors = watchErrors(casePage);
  await casePage.goto(`${stack.baseUrl}/cases/${participants[1]}`);
  await casePage.waitForSelector('#case[data-ready="true"]');
  expect(await casePage.locator('#demographics-none').textContent()).toBe('Not recorded yet.');
  await casePage.locator('#record-demographics summary').click();
  const demographics = casePage.locator('#demographics-form');
  await demographics.waitFor();
  // "They answered" with no category ticked: refused, said by its label, and marked.
  await demographics.getByRole('button', { name: 'Record demographics' }).click();
  const refusal = demographics.locator('[role="alert"]');
  await refusal.waitFor();
  expect(await refusal.textContent()).toBe(
    'Tick at least one category, or choose “They declined to answer” or “Not asked”.',
  );
  expect(await casePage.locator('#d-categories').getAttribute('aria-invalid')).toBe('true');
  await sectionShot(casePage, 'case-demographics-refused-phone');
  await demographics.getByLabel('Black or African American').check();
  await demographics.getByLabel('Hispanic or Latino').check();
  await demographics.getByLabel('Gender').selectOption('NON_BINARY');
  await demographics.getByLabel('Preferred language').fill('es');
  await demographics.getByLabel('Housing at referral').selectOption('UNSHELTERED');
  await demographics.getByRole('button', { name: 'Record demographics' }).click();
  await casePage.locator('#demographics').waitFor();
  expect(await casePage.locator('#announce').textContent()).toBe('Demographics recorded.');
  expect(await casePage.locator('#demographics th').allTextContents()).toEqual([
    'Race/ethnicity',
    'Gender',
    'Preferred language',
    'Housing at referral',
    'Recorded',
  ]);
  expect((await casePage.locator('#demographics td').allTextContents()).slice(0, 4)).toEqual([
    'Black or African American, Hispanic or Latino',
    'Non-binary',
    'es',
    'Unsheltered',
  ]);
  const reached = monthsAgo(0, 3);
  for (const round of ['first', 'again'] as const) {
    await casePage.locator('#record-milestone summary').click();
    const milestone = casePage.locator('#milestone-form');
    await milestone.getByLabel('Milestone').selectOption('HOUSED');
    await milestone.getByLabel('Reached on').fill(reached);
    await casePage.evaluate(() => (document.getElementById('announce')!.textContent = ''));
    await milestone.getByRole('button', { name: 'Record milestone' }).click();
    await waitFor(async () => (await casePage.locator('#announce').textContent()) !== '', 'the announcement');
    expect(await casePage.locator('#announce').textContent()).toBe(
      round === 'first'
        ? `Milestone recorded: Housed on ${reached}.`
        : `Housed on ${reached} was recorded before: nothing changed.`,
    );
  }
  expect(await casePage.locator('#milestones-reached li').allTextContents()).toEqual([`Housed — ${reached}`]);
  problems.push(...layoutProblems('the case page at 390×844', await layoutOf(casePage), 'block'));
  await sectionShot(casePage, 'case-evaluation-record-phone');
  expect(caseErrors).toEqual([]);
  await cmContext.close();
  const stored = await stack.db.selfReportedDemographics.findFirstOrThrow({ where: { referralId: participants[1] } });
  expect([stored.raceEthnicityAnswer, stored.raceEthnicity, stored.gender, stored.recordedById]).toEqual([
    'ANSWERED',
    ['BLACK', 'HISPANIC_LATINO'],
    'NON_BINARY',
    'cm-evaluation',
  ]);
  expect(await stack.db.iipMilestone.count({ where: { referralId: participants[1] } })).toBe(1);
  expect(
    (await cm.post(`/api/cases/${participants[0]}/milestones`, { milestone: 'HOUSED', reachedOn: reached })).status,
  ).toBe(201);
  // A supervisor reads the same record at a desk, without the forms (case managers record it).
  const supContext = await contextAs(stack, browser, { role: 'supervisor', user: 'sup-evaluation' }, DESKTOP);
  const supPage = await supContext.newPage();
  await supPage.goto(`${stack.baseUrl}/cases/${participants[1]}`);
  await supPage.waitForSelector('#case[data-ready="true"]');
  expect(await supPage.locator('#demographics td').first().textContent()).toBe(
    'Black or African American, Hispanic or Latino',
  );
  expect(await supPage.locator('#record-demographics, #record-milestone').count()).toBe(0);
  problems.push(...layoutProblems('the case page at 1280×800', await layoutOf(supPage), 'table'));
  await supContext.close();

  expect((await apiAs(stack.baseUrl, 'supervisor').post('/api/evaluation/runs')).status).toBe(201);
  const figures = (await apiAs(stack.baseUrl, 'supervisor').getOk('/api/evaluation')).body;

  const open = async (role: 'evaluator' | 'project_manager', options: Parameters<typeof contextAs>[3]) => {
    const context = await contextAs(stack, browser, { role, user: `${role}-page` }, options);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.baseUrl}/evaluation`);
    await page.waitForSelector('#evaluation[data-ready="true"]');
    return { context, page, errors };
  };
  const { context, page, errors } = await open('evaluator', PHONE);
  expect(await page.locator('#evaluation-status').textContent()).toContain('Computed');
  expect(await page.locator('#not-enough').count()).toBe(0);
  // The pool's curve is the stored figures: its step (both re-arrests, the same day) at the API's survival.
  const drawn = await page
    .locator('#km-curves g.cohort[data-cohort="Comparison pool (booked)"] circle')
    .evaluateAll((circles) => circles.map((c) => Number(c.getAttribute('data-survival'))));
  expect(figures.comparison.curve?.map((s: { survival: number }) => s.survival)).toEqual([0.5]);
  expect(drawn).toEqual([0.5]);
  const row = (cohort: string) => page.locator(`#rearrest-rates tr[data-cohort="${cohort}"] td`).allTextContents();
  // Followed for 200 days: the 6-month rate with the re-arrests it rests on; 12 and 24 months not yet observed
  // (issue 23 item 7: the page showed "24 months: 50%" after days). The booking of the test before is in the pool too.
  expect(await row('comparison')).toEqual([
    '5',
    '2',
    '200 days',
    '50% (2 re-arrested by then)',
    'not yet observed (longest follow-up: 200 days)',
    'not yet observed (longest follow-up: 200 days)',
  ]);
  expect(figures.comparison).toMatchObject({
    longestFollowUpDays: 200,
    rearrestRate: { months6: 0.5, months12: null, months24: null },
    rearrestedBy: { months6: 2, months12: null, months24: null },
  });
  // One participant re-arrested: withheld, and complementarily (R-EVAL, Decision 2026-12-02) so are the
  // participants' curve (a step to ½) and rates, which would give it back; followed 20 days at most anyway.
  expect(await row('participants')).toEqual([
    '2',
    'withheld',
    '20 days',
    'not yet observed (longest follow-up: 20 days)',
    'not yet observed (longest follow-up: 20 days)',
    'not yet observed (longest follow-up: 20 days)',
  ]);
  expect(figures.participants).toMatchObject({ curve: null, rearrestRate: null, rearrestedBy: null });
  expect(await page.locator('#km-curves g.cohort[data-cohort="Participants (enrolled diversions)"]').count()).toBe(0);
  expect(await page.locator('p[data-withheld="participants"]').textContent()).toContain('not drawn');
  // Both participants housed (one on the page, one by the API): 2 of 2, nothing left to hide.
  expect(await page.locator('#milestones tr[data-milestone="HOUSED"] td').textContent()).toBe('2');
  expect(await page.locator('#milestones caption').textContent()).toBe(
    'Of 2 participants, how many reached each milestone',
  );
  // No rate without its count.
  for (const cell of await page.locator('#by-race td[data-index]').allTextContents())
    expect(cell).toMatch(/^(—|\d+(\.\d+)?% \(\d+ of \d+\)(, index [\d.]+)?)$/);
  expect(await page.locator('#export-state').textContent()).toBe(
    'The export holds both cohorts, participants and the comparison pool: one row per start.',
  );
  expect(await page.locator('#export a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
    '/api/evaluation/export.csv',
    '/api/evaluation/export.jsonl',
    '/evaluation/data-dictionary',
  ]);
  problems.push(...layoutProblems('/evaluation at 390×844', await layoutOf(page), 'block'));
  await screenshot(page, 'evaluation-phone');
  expect(errors).toEqual([]);
  await context.close();

  const manager = await open('project_manager', DESKTOP);
  expect(await manager.page.locator('#export, #export-state').count()).toBe(0);
  expect(await manager.page.locator('#evaluation-status button').count()).toBe(1);
  problems.push(...layoutProblems('/evaluation at 1280×800', await layoutOf(manager.page), 'table'));
  await screenshot(manager.page, 'evaluation');
  expect(manager.errors).toEqual([]);
  await manager.context.close();
  expect(problems).toEqual([]);
});
