import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { contextAs, launchBrowser, screenshot, watchErrors } from '../../support/browser';
import { buildCase, type BuiltCase } from '../../support/disclosure-cases';
import { pdfPages } from '../../support/pdf-text';
import { startTestStack, type TestStack } from '../../support/test-stack';
import type { Role } from '../../../src/shared/roles';

/**
 * The pages show each reader what the API gave them (R-ROI) — the referral record to its readers, the
 * case-management record to case management, a progress summary to partners under a release covering
 * staffing — and nothing else; the diversion packet prints cleanly (R-PACKET); case managers read the
 * accounting of disclosures (R-DISCLOSE).
 */
let stack: TestStack;
let browser: Browser;
let covered: BuiltCase;
let unreleased: BuiltCase;
beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  covered = await buildCase(stack, {
    type: 'ARREST_DIVERSION',
    jurisdiction: 'FELONY',
    release: 'IN_FORCE_COVERING_STAFFING',
    exits: false,
    tag: 'page-covered',
  });
  unreleased = await buildCase(stack, {
    type: 'ARREST_DIVERSION',
    jurisdiction: 'FELONY',
    release: 'NONE',
    exits: false,
    tag: 'page-none',
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function open(
  identity: { role: Role; user: string; office?: string; agency?: string },
  path: string,
  ready: string,
) {
  const context = await contextAs(stack, browser, identity);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${stack.baseUrl}${path}`);
  await page.waitForSelector(ready);
  return { page, context, errors };
}

test('a prosecutor with jurisdiction reads the referral record and, under a release covering staffing, the progress summary — no case-management detail', async () => {
  const { page, context, errors } = await open(
    { role: 'prosecutor', user: 'dpa-page', office: 'KCPAO' },
    `/cases/${covered.caseId}`,
    '#case[data-ready="true"]',
  );
  expect(await page.locator('#referral-record').textContent()).toContain(`${covered.ref}-family`);
  expect(await page.locator('#referral-record').textContent()).toContain(`${covered.ref}-report`);
  expect(await page.locator('#case-management').textContent()).toContain('IIP goals: Housing, Treatment');
  expect(await page.content()).not.toContain(covered.cm);
  expect(await page.locator('#packet-pdf-link').getAttribute('href')).toBe(`/api/cases/${covered.caseId}/packet.pdf`);
  await screenshot(page, 'case-prosecutor-summary');
  expect(errors).toEqual([]);
  await context.close();
});

test('without a release, the project manager sees the referral record and status, and a notice that case management is not shared', async () => {
  const { page, context } = await open(
    { role: 'project_manager', user: 'pm-page' },
    `/cases/${unreleased.caseId}`,
    '#case[data-ready="true"]',
  );
  expect(await page.locator('#person').textContent()).toBe(`${unreleased.ref}-given ${unreleased.ref}-family`);
  expect(await page.locator('#case-management').textContent()).toContain(
    "only while the person's release of information covers staffing",
  );
  expect(await page.content()).not.toContain(unreleased.cm);
  await context.close();
});

test('a case manager reads the whole case-management record, notes included', async () => {
  const { page, context } = await open(
    { role: 'case_manager', user: 'cm-page' },
    `/cases/${covered.caseId}`,
    '#case[data-ready="true"]',
  );
  expect(await page.locator('#release').textContent()).toContain(`${covered.cm}-memorialized-by`);
  expect(await page.locator('#timeline').textContent()).toContain(`${covered.cm}-case-note`);
  await screenshot(page, 'case-case-manager');
  await context.close();
});

test('an officer who did not refer the case finds nothing, as for an unknown id', async () => {
  const { page, context } = await open(
    { role: 'officer', user: 'officer-stranger', agency: 'BURIEN_PD' },
    `/cases/${covered.caseId}`,
    '#case [role="alert"]',
  );
  expect(await page.locator('#case').textContent()).toContain(`No case ${covered.caseId}`);
  expect(await page.content()).not.toContain(covered.ref);
  await context.close();
});

test('R-PACKET: the packet page shows the referral record and prints without the navigation', async () => {
  const { page, context, errors } = await open(
    { role: 'prosecutor', user: 'dpa-print', office: 'KCPAO' },
    `/cases/${covered.caseId}/packet`,
    '#packet[data-ready="true"]',
  );
  expect(await page.locator('#referral-record').textContent()).toContain(`${covered.ref}-family`);
  expect(await page.locator('#eligibility-reasons').textContent()).toContain('Eligible for diversion.');
  expect(await page.content()).not.toContain(covered.cm);
  // R-PACKET (issue 21): the same packet as a PDF file, downloaded with the page's own session.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download packet (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${covered.caseId}.pdf`);
  const pages = await pdfPages(readFileSync(await download.path()));
  expect(pages[0]).toContain(covered.caseId);
  expect(pages.join('\n')).toContain(`${covered.ref}-family`);
  expect(pages.join('\n')).not.toContain(covered.cm);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('header.top').isVisible()).toBe(false);
  expect(await page.locator('button', { hasText: 'Print' }).isVisible()).toBe(false);
  expect(await page.locator('#packet-pdf-link').isVisible()).toBe(false);
  expect(await page.locator('#referral-record').isVisible()).toBe(true);
  await page.pdf({
    path: require('node:path').join(__dirname, '..', '..', '..', 'test-artifacts', 'screenshots', 'packet.pdf'),
  });
  expect(errors).toEqual([]);
  await context.close();
});

test("R-DISCLOSE: the case manager's page lists who was shown the person's information", async () => {
  const { page, context } = await open(
    { role: 'case_manager', user: 'cm-accounting' },
    `/cases/${covered.caseId}/disclosures`,
    '#disclosures[data-ready="true"]',
  );
  const table = await page.locator('#disclosure-list').textContent();
  expect(table).toContain("dpa-page, prosecutor, King County Prosecuting Attorney's Office");
  expect(table).toContain('The prosecutor office with jurisdiction');
  expect(table).toContain('the case page');
  expect(table).not.toContain('/api/');
  expect(await page.locator('#disclosures-csv').getAttribute('href')).toBe(
    `/api/cases/${covered.caseId}/disclosures.csv`,
  );
  await screenshot(page, 'disclosures');
  await context.close();
});
