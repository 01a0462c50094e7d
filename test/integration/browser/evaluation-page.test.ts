import type { Browser } from 'playwright-core';
import { loadConfig } from '../../../src/config/load-config';
import { apiAs, waitFor } from '../../support/api-client';
import { contextAs, expectAccessible, launchBrowser, screenshot, watchErrors } from '../../support/browser';
import { submitArrest } from '../../support/case-helpers';
import { arrestReferral, monthsAgo } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * R-EVAL: the officer books from the referral form (the comparison pool); the evaluation page draws
 * re-arrest over time for participants and the pool from the stored figures, shows suppressed cells as
 * such, and offers the de-identified export to evaluators only.
 */
let stack: TestStack;
let browser: Browser;
const START = new Date(Date.now() - 20 * 86_400_000).toISOString();
beforeAll(async () => {
  const config = loadConfig();
  config.evaluation.minimumCell = 2;
  config.durations.maxReferralBackdate = 25 * 86_400_000;
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
  expect(await page.inputValue('#f-person-familyName')).toBe(''); // a new, empty fill
  await screenshot(page, 'refer-booked');
  expect(errors).toEqual([]);
  await context.close();
});

test('R-EVAL: the evaluation page shows the stored curves and tables; small cells suppressed; the export for evaluators only', async () => {
  const officer = apiAs(stack.baseUrl, 'officer');
  const cm = apiAs(stack.baseUrl, 'case_manager');
  const recent = monthsAgo(0, 5);
  const pool: string[] = [];
  for (const [i, name] of ['Poolone', 'Pooltwo', 'Poolthree', 'Poolfour'].entries()) {
    const body = arrestReferral({
      person: { givenName: 'P', familyName: name, dateOfBirth: `1980-01-0${i + 1}` },
      referredAt: START,
    });
    pool.push((await officer.post('/api/referrals/bookings', body)).body.bookingId);
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
  // Two of the pool re-arrested (two more followed on without one); one participant.
  for (const [i, subject] of [{ bookingId: pool[0] }, { bookingId: pool[1] }, { caseId: participants[0] }].entries())
    expect(
      (
        await officer.post('/api/outcomes', {
          entryId: `page-${i}`,
          subject,
          kind: 'ARREST',
          occurredOn: recent,
          level: 'MISDEMEANOR',
          agency: 'BURIEN_PD',
        })
      ).status,
    ).toBe(201);
  expect((await apiAs(stack.baseUrl, 'supervisor').post('/api/evaluation/runs')).status).toBe(201);
  const figures = (await apiAs(stack.baseUrl, 'supervisor').get('/api/evaluation')).body;

  const open = async (role: 'evaluator' | 'project_manager') => {
    const context = await contextAs(stack, browser, { role, user: `${role}-page` });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.baseUrl}/evaluation`);
    await page.waitForSelector('#evaluation[data-ready="true"]');
    return { context, page, errors };
  };
  const { context, page, errors } = await open('evaluator');
  expect(await page.locator('#evaluation-status').textContent()).toContain('Computed');
  // The pool's curve is the stored figures: its step (both re-arrests, the same day) at the API's survival.
  const drawn = await page
    .locator('#km-curves g.cohort[data-cohort="Comparison pool (booked)"] circle')
    .evaluateAll((circles) => circles.map((c) => Number(c.getAttribute('data-survival'))));
  expect(figures.comparison.curve.map((s: { survival: number }) => s.survival)).toEqual([0.5]);
  expect(drawn).toEqual([0.5]);
  const row = (cohort: string) => page.locator(`#rearrest-rates tr[data-cohort="${cohort}"] td`).allTextContents();
  expect(await row('comparison')).toEqual(['5', '2', '50%', '50%', '50%']); // the booking of the test before too
  // One participant re-arrested: suppressed, and complementarily (R-EVAL, Decision 2026-12-02) so are the
  // participants' curve (a step to ½) and rates, which would give it back.
  expect(await row('participants')).toEqual(['2', 'suppressed (under 2)', '—', '—', '—']);
  expect(figures.participants).toMatchObject({ curve: null, rearrestRate: null });
  expect(await page.locator('#km-curves g.cohort[data-cohort="Participants (enrolled diversions)"]').count()).toBe(0);
  expect(await page.locator('p[data-withheld="participants"]').textContent()).toContain('not drawn');
  expect(await page.locator('#milestones tr[data-milestone="HOUSED"] td').textContent()).toBe('0');
  expect(await page.locator('#export a').count()).toBe(2);
  await expectAccessible(page, 'the evaluation page');
  await screenshot(page, 'evaluation');
  expect(errors).toEqual([]);
  await context.close();

  const manager = await open('project_manager');
  expect(await manager.page.locator('#export').count()).toBe(0);
  expect(await manager.page.locator('#evaluation-status button').count()).toBe(1);
  expect(manager.errors).toEqual([]);
  await manager.context.close();
});
