import type { Browser } from 'playwright-core';
import { contextAs, launchBrowser, watchErrors } from '../../support/browser';
import { followUpWorkflowId } from '../../../src/contract/definitions';
import { apiAs, expectStatus, waitFor } from '../../support/api-client';
import { arrestReferral, socialContactReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * R-EVAL: a booking's outcomes are followed up at 6, 12 and 24 months (time skipping): the agency's
 * sergeants are reminded, confirm, and a reminder left unconfirmed for 30 days is stuck on the
 * supervisors' list until it is confirmed.
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

test('R-EVAL: reminders at 6, 12 and 24 months; confirmed by the agency sergeant; stuck when left unconfirmed', async () => {
  const booked = await apiAs(stack.baseUrl, 'officer').post('/api/referrals/bookings', arrestReferral());
  expectStatus(booked, 201);
  const recordId: string = booked.body.bookingId;
  const rows = await waitFor(async () => {
    const r = await stack.db.followUp.findMany({ where: { recordId }, orderBy: { months: 'asc' } });
    return r.length === 3 ? r : undefined;
  }, 'the follow-ups started');
  expect(rows.map((r) => r.months)).toEqual([6, 12, 24]);

  const sergeants = stack.config.agencies.BURIEN_PD.sergeantsEmail;
  const reminders = () =>
    stack.mail.messages.filter((m) => m.to.includes(sergeants) && m.subject.includes(`follow-up due for ${recordId}`));
  const sergeant = apiAs(stack.baseUrl, 'sergeant', 'sgt-bpd', { agency: 'BURIEN_PD' });
  const confirm = (months: number, who = sergeant) => who.post(`/api/follow-ups/${recordId}/confirmations`, { months });

  expect((await confirm(6)).status).toBe(409); // not due yet
  await stack.env.sleep('185 days');
  await waitFor(async () => reminders().length === 1, 'the 6-month reminder');
  expect(reminders()[0].subject).toContain('6-month follow-up');
  expect((await confirm(12)).status).toBe(409);
  expect((await confirm(6, apiAs(stack.baseUrl, 'sergeant', 'sgt-kcso', { agency: 'KCSO' }))).status).toBe(404);
  expect((await confirm(6)).status).toBe(200);
  expect((await confirm(6)).status).toBe(409); // already confirmed

  // The 12-month reminder is left unconfirmed for 30 days: stuck, on the supervisors' list.
  await stack.env.sleep('185 days');
  await waitFor(async () => reminders().length === 2, 'the 12-month reminder');
  await stack.env.sleep('31 days');
  const supervisor = apiAs(stack.baseUrl, 'supervisor');
  const stuck = await waitFor(async () => {
    const res = await supervisor.getOk('/api/stuck');
    return res.body.followUpsUnconfirmed.items.find((i: { recordId: string }) => i.recordId === recordId);
  }, 'the unconfirmed follow-up on the stuck list');
  expect(stuck).toMatchObject({ months: 12, agency: 'BURIEN_PD' });
  // … and on the supervisors' page, like any other stuck clock.
  const context = await contextAs(stack, browser, { role: 'supervisor', user: 'sup-follow-ups' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${stack.baseUrl}/supervisor`);
  await page.waitForSelector('#stuck[data-ready="true"]');
  expect(await page.locator(`#follow-ups tr[data-record="${recordId}"]`).textContent()).toContain('12 months');
  expect(await page.locator('[data-count="followUpsUnconfirmed"] strong').textContent()).toBe('1');
  expect(errors).toEqual([]);
  await context.close();
  expect((await confirm(12)).status).toBe(200);
  await waitFor(
    async () => (await stack.db.followUp.findUniqueOrThrow({ where: { id: `${recordId}.12` } })).stuckSince === null,
    'the stuck flag cleared',
  );
  expect((await supervisor.getOk('/api/stuck')).body.followUpsUnconfirmed.items).toEqual([]);

  await stack.env.sleep('366 days');
  await waitFor(async () => reminders().length === 3, 'the 24-month reminder');
  expect((await confirm(24)).status).toBe(200);
  expect(await stack.env.client.workflow.getHandle(followUpWorkflowId(recordId)).result()).toEqual({
    confirmed: [6, 12, 24],
  });
  const done = await stack.db.followUp.findMany({ where: { recordId } });
  expect(done.every((f) => f.confirmedAt && f.remindedAt && !f.stuckSince)).toBe(true);
});

test('R-EVAL (2026-12-02): an enrolled social contact is followed up too, at 6, 12 and 24 months from its referral', async () => {
  const officer = apiAs(stack.baseUrl, 'officer');
  const caseManager = apiAs(stack.baseUrl, 'case_manager');
  const submitted = await officer.post('/api/referrals/social-contacts', socialContactReferral());
  expectStatus(submitted, 201);
  const caseId: string = submitted.body.caseId;
  const act = async (who: typeof officer, action: string, body: unknown) => {
    const res = await who.act(caseId, action, body);
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  await act(apiAs(stack.baseUrl, 'sergeant'), 'approval-decision', { decision: 'APPROVE' });
  await waitFor(
    async () => (await officer.getOk(`/api/cases/${caseId}`)).body.case.stage === 'AWAITING_CONTACT' || undefined,
    'a place',
  );
  await act(officer, 'contacts', { willing: true });
  await act(caseManager, 'screening', {});
  await act(caseManager, 'consent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
  await act(caseManager, 'intake', {});
  const rows = await waitFor(async () => {
    const r = await stack.db.followUp.findMany({ where: { recordId: caseId }, orderBy: { months: 'asc' } });
    return r.length === 3 ? r : undefined;
  }, 'the follow-ups of the enrolled social contact');
  expect(rows.map((r) => r.months)).toEqual([6, 12, 24]);
});
