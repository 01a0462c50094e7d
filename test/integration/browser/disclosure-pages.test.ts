import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { Page } from 'playwright-core';
import { contextAs, DESKTOP, launchBrowser, PHONE, screenshot, watchErrors } from '../../support/browser';
import { buildCase, REFERRING_OFFICER, type BuiltCase } from '../../support/disclosure-cases';
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

/** The elements that reach past the right edge of the screen (none may, on a phone). */
const tooWide = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.body.querySelectorAll('*')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > width + 0.5;
      })
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`);
  });

describe('issue 23 item 2: finding a case again, on a phone (390×844)', () => {
  type Identity = { role: Role; user: string; office?: string; agency?: string };
  const phone = async (identity: Identity, path: string, ready: string) => {
    const context = await contextAs(stack, browser, identity, PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${stack.baseUrl}${path}`);
    await page.waitForSelector(ready);
    return { page, context, errors };
  };
  /** Searches by the start of both cases' family names; answers the cases listed. */
  const searchByName = async (page: Page, name: string) => {
    await page.fill('#q-name', name);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForSelector('#results[data-ready="true"]');
    return page.locator('li.found-case').evaluateAll((items) => items.map((li) => li.getAttribute('data-case')));
  };

  const both = () => [covered.caseId, unreleased.caseId].sort();
  const readers: Array<{ identity: Identity; finds: () => string[] }> = [
    { identity: { role: 'officer', user: REFERRING_OFFICER.id, agency: 'BURIEN_PD' }, finds: both },
    { identity: { role: 'officer', user: 'officer-stranger', agency: 'BURIEN_PD' }, finds: () => [] },
    { identity: { role: 'sergeant', user: 'sgt-search', agency: 'BURIEN_PD' }, finds: both },
    { identity: { role: 'sergeant', user: 'sgt-kcso-search', agency: 'KCSO' }, finds: () => [] },
    { identity: { role: 'prosecutor', user: 'dpa-search', office: 'KCPAO' }, finds: both },
    { identity: { role: 'prosecutor', user: 'ca-search', office: 'BURIEN_CITY_ATTORNEY' }, finds: () => [] },
    { identity: { role: 'case_manager', user: 'cm-search' }, finds: both },
    { identity: { role: 'project_manager', user: 'pm-search' }, finds: both },
    { identity: { role: 'supervisor', user: 'sup-search' }, finds: both },
    { identity: { role: 'doc_nci', user: 'nci-search' }, finds: () => [] },
  ];

  test('every role searches by name what it may read, sees the person only then, and nothing is wider than the screen; a reader of neither case finds nothing', async () => {
    for (const { identity, finds } of readers) {
      const { page, context, errors } = await phone(identity, '/search', '#search-form[data-ready="true"]');
      expect(await page.locator('#main-nav a', { hasText: 'Search' }).getAttribute('aria-current')).toBe('page');
      const found = (await searchByName(page, 'ref-page')).sort();
      const who = `${identity.role} ${identity.user}`;
      expect({ who, found }).toEqual({ who, found: finds() });
      const text = (await page.locator('#results').textContent())!;
      if (found.length > 0) {
        expect(text).toContain(`${covered.ref}-given ${covered.ref}-family`);
        expect(text).toContain('VUCSA');
      } else {
        expect(text).toContain('No case found.');
        expect(await page.content()).not.toContain(covered.ref);
      }
      expect(await page.content()).not.toContain(covered.cm);
      expect({ who, tooWide: await tooWide(page) }).toEqual({ who, tooWide: [] });
      if (identity.user === REFERRING_OFFICER.id) await screenshot(page, 'search-officer-phone');
      if (identity.user === 'ca-search') await screenshot(page, 'search-nothing-phone');
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  test('at desktop size (1280×800) search finds the same, as a list within the screen; a reader of neither case finds nothing', async () => {
    for (const { identity, finds } of readers.filter((r) => ['officer', 'prosecutor'].includes(r.identity.role))) {
      const context = await contextAs(stack, browser, identity, DESKTOP);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${stack.baseUrl}/search`);
      await page.waitForSelector('#search-form[data-ready="true"]');
      const who = `${identity.role} ${identity.user}`;
      expect({ who, found: (await searchByName(page, 'ref-page')).sort() }).toEqual({ who, found: finds() });
      expect({ who, tooWide: await tooWide(page) }).toEqual({ who, tooWide: [] });
      if (identity.user === REFERRING_OFFICER.id) await screenshot(page, 'search-officer-desktop');
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  test('an officer opens "My referrals" from the navigation, newest first, and goes on to a case and its actions', async () => {
    const { page, context, errors } = await phone(
      { role: 'officer', user: REFERRING_OFFICER.id, agency: 'BURIEN_PD' },
      '/search',
      '#search-form[data-ready="true"]',
    );
    expect(await page.locator('#main-nav a').allTextContents()).toEqual(['Refer', 'My referrals', 'Search']);
    await page.locator('#main-nav a', { hasText: 'My referrals' }).click();
    await page.waitForSelector('#my-referrals[data-ready="true"]');
    const listed = await page
      .locator('li.found-case')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-case')));
    expect(listed).toEqual([unreleased.caseId, covered.caseId]);
    expect(await page.locator(`li[data-case="${unreleased.caseId}"] .found-person`).textContent()).toContain(
      `${unreleased.ref}-given ${unreleased.ref}-family`,
    );
    expect(await tooWide(page)).toEqual([]);
    await screenshot(page, 'my-referrals-phone');
    await page.locator(`li[data-case="${unreleased.caseId}"] a`).first().click();
    await page.waitForSelector('#case[data-ready="true"]');
    // The officer's actions on their case (R-INTAKE extension, R-SCENE) are on its page, not only behind the first link.
    expect(await page.locator('button[data-action]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("the caseload's filters: stage, stuck, deadline, and the people who exited lately behind their own filter", async () => {
    const { page, context, errors } = await phone(
      { role: 'case_manager', user: 'cm-builder' },
      '/caseload',
      '#caseload[data-ready="true"]',
    );
    const listed = () =>
      page
        .locator('#caseload-list [data-case]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case')).sort());
    expect(await listed()).toEqual(both());
    const choose = async (select: string, value: string) => {
      await page.selectOption(select, value);
      await page.waitForSelector('#caseload-list[data-ready="true"]');
    };
    await choose('#filter-stage', 'ENROLLED');
    expect(await listed()).toEqual([covered.caseId]);
    expect(page.url()).toContain('stage=ENROLLED');
    await choose('#filter-stage', '');
    await page.check('#filter-stuck');
    await page.waitForSelector('#caseload-list[data-ready="true"]');
    expect(await listed()).toEqual([]);
    expect(await page.locator('#caseload-list').textContent()).toContain('none');
    await page.uncheck('#filter-stuck');
    await page.waitForSelector('#caseload-list[data-ready="true"]');
    await choose('#filter-deadlineWithinDays', '30');
    expect(await page.locator('#announce').textContent()).toMatch(/cases?: Open cases matching the filters/);
    await choose('#filter-deadlineWithinDays', '');
    await choose('#filter-status', 'exited');
    expect(await listed()).toEqual([]);
    expect(await page.locator('#caseload-list').textContent()).toContain('People who exited in the last 90 days');
    await screenshot(page, 'caseload-filters-phone');
    // The filters are kept in the address: a reload shows the same list.
    await page.reload();
    await page.waitForSelector('#caseload[data-ready="true"]');
    expect(await page.inputValue('#filter-status')).toBe('exited');
    expect(errors).toEqual([]);
    await context.close();
  });
});
