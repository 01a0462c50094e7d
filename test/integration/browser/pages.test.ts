import type { Browser, Page } from 'playwright-core';
import { apiAs, waitFor } from '../../support/api-client';
import { fullRecord, readCase, readWholeCase, settled, submitArrest } from '../../support/case-helpers';
import {
  contextAs,
  launchBrowser,
  layoutOf,
  PHONE,
  DESKTOP,
  screenshot,
  watchErrors,
  type PageLayout,
} from '../../support/browser';
import { buildCase, REFERRING_OFFICER } from '../../support/disclosure-cases';
import { arrestReferral, socialContactReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';
import { allows } from '../../../src/contract/permissions';
import type { Role } from '../../../src/shared/roles';
import { NAV, START_PAGE } from '../../../src/web/navigation';

/** The pages people use, in real headless Chromium against the running product. */
let stack: TestStack;
let browser: Browser;
beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function openAs(
  role: Parameters<typeof contextAs>[2]['role'],
  path: string,
  opts: { office?: string; phone?: boolean } = {},
) {
  const context = await contextAs(
    stack,
    browser,
    { role, user: `${role}-7`, office: opts.office },
    opts.phone ? PHONE : {},
  );
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${stack.baseUrl}${path}`);
  return { page, context, errors };
}

async function fillArrestForm(
  page: Page,
  person: { givenName: string; familyName: string; dateOfBirth: string },
  grams: string,
) {
  await page.waitForSelector('#arrest-form[data-ready="true"]');
  await page.selectOption('#f-agency', 'BURIEN_PD');
  await page.fill('#f-officer-id', 'B-1047');
  await page.fill('#f-person-givenName', person.givenName);
  await page.fill('#f-person-familyName', person.familyName);
  await page.fill('#f-person-dateOfBirth', person.dateOfBirth);
  await page.check('input[name="incident.withinCityLimits"][value="true"]');
  await page.selectOption('#f-offenses-0-code', 'VUCSA_POSSESSION');
  await page.selectOption('#f-offenses-0-drug-substance', 'OTHER');
  await page.fill('#f-offenses-0-drug-grams', grams);
  await page.selectOption('#f-offenses-0-drug-activity', 'POSSESSION');
}

const referralsOf = (familyName: string) => stack.db.referral.count({ where: { person: { familyName } } });

test('an officer refers from a phone and sees the case id, deadlines and next steps', async () => {
  const { page, context, errors } = await openAs('officer', '/refer', { phone: true });
  await fillArrestForm(page, { givenName: 'Toni', familyName: 'Larkspur', dateOfBirth: '1990-02-14' }, '2');
  await page.getByText('Eligible for diversion.').waitFor();
  await page.getByRole('button', { name: 'Submit referral' }).click();
  const caseId = (await page.locator('#case-id').textContent())!;
  expect(caseId).toMatch(/^BUR-[0-9A-Z]{10}$/);
  await expect(page.locator('#deadlines').textContent()).resolves.toContain('R-INTAKE');
  await expect(page.locator('#result').textContent()).resolves.toMatch(/case management team has been called/);
  await screenshot(page, 'refer-submitted-phone');
  expect((await readCase(stack, caseId)).stage).toBe('AWAITING_SCREENING');
  expect(errors).toEqual([]);
  await context.close();
});

test('an ineligible entry shows its reasons before submitting; an incomplete form shows a linked error summary', async () => {
  const { page, context } = await openAs('officer', '/refer', { phone: true });
  await page.waitForSelector('#arrest-form[data-ready="true"]');
  await page.getByRole('button', { name: 'Submit referral' }).click();
  const summary = page.locator('#arrest-errors');
  await summary.waitFor();
  expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
  const firstLink = summary.locator('a').first();
  expect(await firstLink.getAttribute('href')).toMatch(/^#f-/);
  expect(await page.locator('#f-person-givenName').getAttribute('aria-invalid')).toBe('true');
  expect(await page.inputValue('#f-agency')).toBe('BURIEN_PD'); // filled in from the signed-in officer
  await screenshot(page, 'refer-errors');

  await fillArrestForm(page, { givenName: 'Sam', familyName: 'Quillfeather', dateOfBirth: '2009-06-01' }, '12');
  const reasons = page.locator('#eligibility-reasons li');
  await reasons.first().waitFor();
  expect(await reasons.evaluateAll((items) => items.map((li) => li.getAttribute('data-rule')))).toEqual([
    'R-EL-ADULT',
    'R-EX-DRUG-AMOUNT',
  ]);
  expect(await page.locator('#override').isVisible()).toBe(true);
  await screenshot(page, 'refer-ineligible');
  expect(await referralsOf('Quillfeather')).toBe(0);
  await context.close();
});

test('a case manager records screening, consent and intake, and the case shows enrolled', async () => {
  const caseId = await submitArrest(
    stack,
    arrestReferral({ person: { givenName: 'Ria', familyName: 'Blackwood', dateOfBirth: '1985-03-03' } }),
  );
  const { page, context, errors } = await openAs('case_manager', '/caseload');
  await page.locator(`tr[data-case="${caseId}"]`).waitFor();
  expect(await page.locator(`tr[data-case="${caseId}"]`).textContent()).toContain('Ria Blackwood');
  await screenshot(page, 'caseload');
  await page.click(`a[href="/cases/${caseId}"]`);
  await page.waitForSelector('#case[data-ready="true"]');

  const act = async (action: string, fill?: () => Promise<void>) => {
    await page.click(`button[data-action="${action}"]`);
    await fill?.();
    await page.locator('form.confirm button[type="submit"]').click();
    await page.locator('form.confirm').waitFor({ state: 'detached' });
  };
  await act('screening');
  await expect(page.locator('#stage').getAttribute('data-stage')).resolves.toBe('AWAITING_INTAKE');
  // R-CONSENT (Decision 2026-12-02): intake needs a release that covers staffing.
  await act('consent', async () => {
    await page.selectOption('form.confirm select[name="method"]', 'WRITTEN');
    await page.check('form.confirm input[name="covers.staffing"]');
  });
  // R-INTAKE (Decision 2026-12-02): the intake records the seed's assessment, every domain answered.
  await act('intake', async () => {
    await page.fill('form.confirm textarea[name="assessment.causeOfLawViolations"]', 'no shelter since spring');
    for (const domain of [
      'chemicalDependency',
      'mentalHealth',
      'housing',
      'legalOrGangInvolvement',
      'employment',
      'education',
    ])
      await page.selectOption(`form.confirm select[name="assessment.${domain}"]`, 'SOME');
  });
  await expect(page.locator('#stage').getAttribute('data-stage')).resolves.toBe('ENROLLED');
  const intake = (await readWholeCase(stack, caseId)).case.events.find(
    (e: { type: string }) => e.type === 'INTAKE_COMPLETED',
  );
  expect(intake?.data?.assessment).toMatchObject({ causeOfLawViolations: 'no shelter since spring', housing: 'SOME' });
  await expect(page.locator('#announce').textContent()).resolves.toMatch(/Enrolled/);
  await screenshot(page, 'case-enrolled');
  // R-CONSENT (Decision 2026-12-02): the release is amended from the version in force (a provider added).
  await act('consent/amendments', async () => {
    await expect(page.isChecked('form.confirm input[name="covers.staffing"]')).resolves.toBe(true);
    await page.selectOption('form.confirm select[name="method"]', 'WRITTEN');
    await page.fill('form.confirm textarea[name="covers.providers"]', 'Valley Cities');
  });
  expect(fullRecord(await readWholeCase(stack, caseId)).release).toMatchObject({
    version: 2,
    coversStaffing: true,
    providers: ['Valley Cities'],
  });
  // An action the stage does not allow says so.
  const refused = await apiAs(stack.baseUrl, 'case_manager').act(caseId, 'screening');
  expect(refused.status).toBe(409);
  expect((await readCase(stack, caseId)).stage).toBe('ENROLLED');
  expect(errors).toEqual([]);
  await context.close();
});

test('a refused action shows which stage refused it', async () => {
  const caseId = await submitArrest(stack, arrestReferral());
  await apiAs(stack.baseUrl, 'case_manager').act(caseId, 'left-before-screening');
  const { page, context } = await openAs('sergeant', `/cases/${caseId}`);
  await page.waitForSelector('#case[data-ready="true"]');
  await page.click('button[data-action="returns-to-scene"]');
  await page.fill('form.confirm input[name="observedAt"]', '2001-01-01T10:00');
  await page.locator('form.confirm button[type="submit"]').click();
  const error = page.locator('#action-error');
  await error.waitFor();
  // In words (the field by its label), the rule in the refusal's "why".
  expect(await error.textContent()).toMatch(/Seen at.*R-SCENE/);
  await context.close();
});

test('a sergeant approves a social contact from the queue', async () => {
  const res = await apiAs(stack.baseUrl, 'officer').postOk('/api/referrals/social-contacts', socialContactReferral());
  const caseId = res.body.caseId;
  await settled(stack, caseId);
  const { page, context, errors } = await openAs('sergeant', '/sergeant');
  await page.locator(`tr[data-case="${caseId}"]`).first().waitFor();
  await screenshot(page, 'sergeant-queue');
  await page.locator(`tr[data-case="${caseId}"] a[href="/cases/${caseId}"]`).first().click();
  await page.waitForSelector('#case[data-ready="true"]');
  await page.click('button[data-action="approval-decision"]');
  await page.selectOption('form.confirm select[name="decision"]', 'APPROVE');
  await page.locator('form.confirm button[type="submit"]').click();
  await page.locator('form.confirm').waitFor({ state: 'detached' });
  const view = await waitFor(async () => {
    const v = await readCase(stack, caseId);
    return v.approval?.decision === 'APPROVED' ? v : undefined;
  }, 'the approval');
  expect(view.approval?.by).toEqual({ id: 'sergeant-7', role: 'sergeant' });
  await screenshot(page, 'social-contact-approved');
  expect(errors).toEqual([]);
  await context.close();
});

test('the supervisor view lists a case whose screening is overdue, linked to the case and its workflow', async () => {
  const caseId = await submitArrest(
    stack,
    arrestReferral({ person: { givenName: 'Ode', familyName: 'Hartigan', dateOfBirth: '1977-12-12' } }),
  );
  await stack.env.sleep('4 hours');
  await stack.env.sleep('1 minute');
  await waitFor(
    async () =>
      (await stack.db.referral.findUnique({ where: { id: caseId } }))?.stuckReasons.includes('SCREENING_OVERDUE'),
    'the stuck flag',
  );
  const { page, context } = await openAs('supervisor', '/supervisor');
  const row = page.locator(`#stuck tr[data-case="${caseId}"]`).first();
  await row.waitFor();
  expect(Number(await page.locator('[data-count="screeningOverdue"] strong').textContent())).toBeGreaterThanOrEqual(1);
  expect(await row.locator('a').first().getAttribute('href')).toBe(`/cases/${caseId}`);
  expect(await row.locator('a', { hasText: 'Temporal UI' }).getAttribute('href')).toBe(
    `http://localhost:8233/namespaces/default/workflows/${caseId}`,
  );
  await screenshot(page, 'supervisor-stuck');
  const html = await page.content();
  expect(html).not.toContain('Hartigan');
  expect(html).not.toContain('1977-12-12');
  await context.close();
});

test('the prosecutor inbox shows notices for their office only, naming who, for what and when (issue 23 item 2, R-PACKET, R-DISCLOSE)', async () => {
  const county = await submitArrest(
    stack,
    arrestReferral({ person: { givenName: 'Ines', familyName: 'Countywide', dateOfBirth: '1972-05-05' } }),
  );
  const city = await submitArrest(
    stack,
    arrestReferral({
      offenses: [{ code: 'CRIMINAL_TRESPASS', level: 'MISDEMEANOR' }],
      person: { givenName: 'Lou', familyName: 'Penhallow', dateOfBirth: '1969-09-09' },
    }),
  );
  const { page, context } = await openAs('prosecutor', '/prosecutor', { office: 'BURIEN_CITY_ATTORNEY' });
  await page.waitForSelector('#inbox[data-ready="true"]');
  const text = (await page.locator('#inbox').textContent())!;
  expect(text).toContain(city);
  expect(text).not.toContain(county);
  // The office reads its own cases' referral record (R-PACKET): the notice names the person and the offense.
  const notice = (await page.locator(`#inbox tr[data-case="${city}"]`).first().textContent())!;
  expect(notice).toContain('Lou Penhallow');
  expect(notice).toMatch(/trespass/i);
  expect(await page.content()).not.toContain('Countywide');
  await screenshot(page, 'prosecutor-inbox');
  await context.close();
  // Showing it is a disclosure (R-DISCLOSE), recorded once for the case.
  const disclosed = await stack.db.disclosure.findMany({
    where: { actorId: 'prosecutor-7', channel: 'GET /api/queues/prosecutor', caseId: city },
  });
  expect(disclosed.map((d) => d.kinds)).toEqual([['REFERRAL_RECORD']]);
});

test("no list page or search attribute carries the person's name or date of birth", async () => {
  const person = { givenName: 'Wilhelmina', familyName: 'Zabriskie', dateOfBirth: '1981-01-29' };
  const caseId = await submitArrest(stack, arrestReferral({ person }));
  const social = await apiAs(stack.baseUrl, 'officer').postOk(
    '/api/referrals/social-contacts',
    socialContactReferral({ person }),
  );
  await settled(stack, social.body.caseId);
  // The prosecutor's inbox names the people of its own office's cases (issue 23 item 2); another office's names nobody here.
  for (const [role, path, office] of [
    ['sergeant', '/sergeant'],
    ['supervisor', '/supervisor'],
    ['prosecutor', '/prosecutor', 'BURIEN_CITY_ATTORNEY'],
  ] as const) {
    const { page, context } = await openAs(role, path, { office });
    await page.waitForSelector('[data-ready="true"]');
    const html = await page.content();
    for (const secret of [person.givenName, person.familyName, person.dateOfBirth]) expect(html).not.toContain(secret);
    await context.close();
  }
  for (const id of [caseId, social.body.caseId]) {
    const description = await stack.env.client.workflow.getHandle(id).describe();
    const attributes = JSON.stringify(description.typedSearchAttributes.getAll());
    expect(attributes).toContain('LeadStage');
    for (const secret of [person.givenName, person.familyName, person.dateOfBirth, '1981'])
      expect(attributes).not.toContain(secret);
  }
  // The prosecutor with jurisdiction reads the referral record on the case page (R-PACKET); another office has no such case.
  const { page, context } = await openAs('prosecutor', `/cases/${caseId}`, { office: 'KCPAO' });
  await page.waitForSelector('#case[data-ready="true"]');
  expect(await page.locator('#referral-record').textContent()).toContain(person.familyName);
  await context.close();
  const other = await openAs('prosecutor', `/cases/${caseId}`, { office: 'BURIEN_CITY_ATTORNEY' });
  await other.page.waitForSelector('#case [role="alert"]');
  expect(await other.page.content()).not.toContain(person.familyName);
  await other.context.close();
});

/**
 * Issue 23 items 5 and 6, "Phone first": every page, as every role that may open it, fits a 390 px
 * phone — each table a list of labelled cards — and the Temporal Web UI is linked only for those who
 * may open it (`temporal.ui`). A page someone may not open is a 403 in the layout, with the way back.
 * One browser, one context per role, every page in turn: each visit waits for the page's ready marker.
 */
describe('phone first: every page, as every role that may open it', () => {
  type Visit = { path: string; ready: string };
  let cases: { enrolled: string; waiting: string; nci: string };
  beforeAll(async () => {
    const enrolled = await buildCase(stack, {
      type: 'ARREST_DIVERSION',
      jurisdiction: 'MIXED',
      release: 'IN_FORCE_COVERING_STAFFING',
      exits: false,
      tag: 'phone',
    });
    const waiting = await submitArrest(stack, arrestReferral());
    const officer = apiAs(stack.baseUrl, 'officer');
    const nci = await officer.postOk(
      '/api/referrals/arrest-diversions',
      arrestReferral({ warrants: [{ kind: 'DOC' }] }),
    );
    const social = await officer.postOk('/api/referrals/social-contacts', socialContactReferral());
    await Promise.all([settled(stack, nci.body.caseId), settled(stack, social.body.caseId)]);
    // R-SCREEN: the waiting case is stuck by now (4 hours unscreened), so the supervisors' lists have rows.
    await stack.env.sleep('4 hours');
    await stack.env.sleep('1 minute');
    await waitFor(
      async () =>
        (await stack.db.referral.findUnique({ where: { id: waiting } }))?.stuckReasons.includes('SCREENING_OVERDUE'),
      'the stuck flag',
    );
    cases = { enrolled: enrolled.caseId, waiting, nci: nci.body.caseId };
  }, 120_000);

  /** The pages each role may open (the navigation's, the case's own pages), each with its ready marker. */
  const visitsOf = (role: Role): Visit[] => {
    const own = NAV.filter((n) => allows(role, n.permission)).map((n) => ({
      path: n.href,
      ready: READY[n.href],
    }));
    const caseId = role === 'doc_nci' ? cases.nci : cases.enrolled;
    const casePages = allows(role, 'case.read')
      ? [
          { path: `/cases/${caseId}`, ready: '#case[data-ready="true"]' },
          { path: `/cases/${caseId}/packet`, ready: '#packet[data-ready="true"]' },
        ]
      : [];
    const disclosures = allows(role, 'disclosures.read')
      ? [{ path: `/cases/${caseId}/disclosures`, ready: '#disclosures[data-ready="true"]' }]
      : [];
    // R-EVAL: the export's data dictionary, a page of its own for those who receive the export.
    const dictionary = allows(role, 'evaluation.export')
      ? [{ path: '/evaluation/data-dictionary', ready: '#dictionary[data-ready="true"]' }]
      : [];
    return [...own, ...casePages, ...disclosures, ...dictionary];
  };
  const READY: Record<string, string> = {
    '/refer': '#arrest-form[data-ready="true"]',
    '/caseload': '#caseload[data-ready="true"]',
    '/sergeant': '#queue[data-ready="true"]',
    '/prosecutor': '#inbox[data-ready="true"]',
    '/nci': '#nci[data-ready="true"]',
    '/supervisor': '#stuck[data-ready="true"]',
    '/reports': '#report[data-ready="true"]',
    '/evaluation': '#evaluation[data-ready="true"]',
    '/search': '#search-form[data-ready="true"]',
    '/my-referrals': '#my-referrals[data-ready="true"]',
  };
  /** Who reads the cases: the referring officer, and people of the agency and offices with jurisdiction. */
  const identityOf = (role: Role) =>
    role === 'officer' ? { role, user: REFERRING_OFFICER.id } : { role, user: `${role}-phone` };
  // The prosecutor and the partners read the case first: the accounting of disclosures has rows by then.
  const ROLES: Role[] = [
    'officer',
    'sergeant',
    'prosecutor',
    'project_manager',
    'doc_nci',
    'evaluator',
    'case_manager',
    'supervisor',
  ];

  /** Opens a page and waits until it rendered; then what is wider than the screen, and how its tables show. */
  async function visit(page: Page, path: string, ready: string) {
    const res = await page.goto(`${stack.baseUrl}${path}`);
    await page.waitForSelector(ready);
    await page.locator('#sign-out').or(page.locator('#sign-in-form')).first().waitFor();
    return { status: res!.status(), layout: await layoutOf(page) };
  }
  const problemsOf = (where: string, layout: PageLayout, tableDisplay: string) => [
    ...(layout.scrollWidth > layout.innerWidth || layout.scrollWidth > layout.viewport
      ? [`${where}: ${layout.scrollWidth} px wide on a ${layout.viewport} px screen: ${layout.tooWide.join('; ')}`]
      : []),
    ...layout.tables
      .filter((t) => t.display !== tableDisplay || t.unlabelled > 0)
      .map((t) => `${where}: ${t.table} shown as ${t.display}, ${t.unlabelled} cells without a column label`),
  ];

  test('at 390×844 nothing is wider than the screen, every table is a list of labelled cards, and only supervisors see Temporal UI links', async () => {
    const problems: string[] = [];
    const temporalLinks: string[] = [];
    const visited = new Set<string>(['/sign-in']);
    const anonymous = await browser.newContext(PHONE);
    const signIn = await visit(await anonymous.newPage(), '/sign-in', '#sign-in-form[data-ready="true"]');
    problems.push(...problemsOf('anonymous /sign-in', signIn.layout, 'block'));
    await anonymous.close();
    for (const role of ROLES) {
      const context = await contextAs(stack, browser, identityOf(role), PHONE);
      const page = await context.newPage();
      const errors = watchErrors(page);
      for (const { path, ready } of visitsOf(role)) {
        const { status, layout } = await visit(page, path, ready);
        visited.add(path.replace(/^\/cases\/[^/]+/, '/cases/:caseId'));
        if (status !== 200) problems.push(`${role} ${path}: answered ${status}`);
        problems.push(...problemsOf(`${role} ${path}`, layout, 'block'));
        const links = await page.locator('a', { hasText: 'Temporal UI' }).count();
        if (links > 0) temporalLinks.push(`${role} ${path}`);
        if (path === '/supervisor' && role === 'supervisor') {
          expect(await page.locator(`#stuck tr[data-case="${cases.waiting}"]`).count()).toBeGreaterThan(0);
          await screenshot(page, 'stuck-cases-phone');
        }
        if (path === '/refer') {
          // The form's other half: the social-contact referral.
          await page.check('input[name="referral-type"][value="SOCIAL_CONTACT"]');
          await page.locator('#social-form').waitFor();
          problems.push(...problemsOf(`${role} /refer (social contact)`, await layoutOf(page), 'block'));
        }
      }
      // A page of another role: 403 in the layout, saying whose it is, with the way back — and it fits too.
      const theirs = NAV.find((n) => !allows(role, n.permission))!;
      const refused = await visit(page, theirs.href, '#way-back');
      if (refused.status !== 403) problems.push(`${role} ${theirs.href}: answered ${refused.status}, not 403`);
      problems.push(...problemsOf(`${role} ${theirs.href} (refused)`, refused.layout, 'block'));
      expect(await page.locator('main [role="alert"]').textContent()).toMatch(/^This page is for /);
      if (role === 'officer') {
        await screenshot(page, 'not-your-page-phone');
        // An API address opened in the browser (a CSV link, say) is refused the same way.
        const api = await visit(page, '/api/caseload', '#way-back');
        expect(api.status).toBe(403);
        expect(await page.locator('main [role="alert"]').textContent()).toBe(
          'This page is for case managers. Your pages: Refer, My referrals, Search.',
        );
      }
      expect(await page.locator('#way-back').getAttribute('href')).toBe(START_PAGE[role]);
      expect(await page.locator('#main-nav a').allTextContents()).toEqual(
        NAV.filter((n) => allows(role, n.permission)).map((n) => n.label),
      );
      expect(errors).toEqual([]);
      await context.close();
    }
    expect(problems).toEqual([]);
    // Only the supervisors' stuck list links workflows: nobody else may open the Temporal Web UI.
    expect(temporalLinks).toEqual(['supervisor /supervisor']);
    // Every page the product serves was visited (case pages by their pattern).
    expect([...visited].sort()).toEqual(
      [
        '/sign-in',
        ...NAV.map((n) => n.href),
        '/cases/:caseId',
        '/cases/:caseId/packet',
        '/cases/:caseId/disclosures',
        '/evaluation/data-dictionary',
      ].sort(),
    );
  }, 180_000);

  test('at desktop size the same pages keep their tables as tables, and nothing is wider than the screen', async () => {
    const problems: string[] = [];
    for (const [role, path, ready] of [
      ['supervisor', '/supervisor', READY['/supervisor']],
      ['case_manager', `/cases/${cases.enrolled}`, '#case[data-ready="true"]'],
      ['prosecutor', '/prosecutor', READY['/prosecutor']],
      ['project_manager', '/reports', READY['/reports']],
      ['evaluator', '/evaluation', READY['/evaluation']],
    ] as const) {
      const context = await contextAs(stack, browser, identityOf(role), DESKTOP);
      const { layout } = await visit(await context.newPage(), path, ready);
      problems.push(...problemsOf(`${role} ${path} at 1280 px`, layout, 'table'));
      expect(layout.tables.length).toBeGreaterThan(0);
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
