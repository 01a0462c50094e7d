import type { Browser } from 'playwright-core';
import { apiAs } from '../../support/api-client';
import { settled } from '../../support/case-helpers';
import { contextAs, launchBrowser, watchErrors } from '../../support/browser';
import { arrestReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * Supervisors read cases in the Temporal Web UI, served by the product at /temporal, with payloads
 * decoded by the codec server on the same origin — nothing to set in the UI. Nobody else reaches it.
 */
let stack: TestStack;
let browser: Browser;
beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack({ temporalUi: true }), launchBrowser()]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

test('a signed-in supervisor opens a case workflow in the Web UI and reads its input decoded', async () => {
  const res = await apiAs(stack.baseUrl, 'officer').post(
    '/api/referrals/arrest-diversions',
    arrestReferral({ incident: { withinCityLimits: true, reportNumber: 'BPD-UI-0001' } }),
  );
  const caseId: string = res.body.caseId;
  await settled(stack, caseId);
  const context = await contextAs(stack, browser, { role: 'supervisor', user: 'sup-ui' });
  const page = await context.newPage();
  watchErrors(page);
  const decodes: number[] = [];
  page.on('response', (r) => r.url().endsWith('/codec/decode') && decodes.push(r.status()));
  await page.goto(`${stack.baseUrl}/temporal/namespaces/default/workflows/${caseId}`);
  // The workflow's input, decrypted: its case id, agency and prosecutor office (no personal data is in Temporal).
  await page.getByText('"prosecutorOffice": "KCPAO"').first().waitFor({ timeout: 60_000 });
  await page.getByText('"agency": "BURIEN_PD"').first().waitFor();
  expect(decodes.length).toBeGreaterThan(0);
  expect(new Set(decodes)).toEqual(new Set([200]));
  const disclosed = await stack.db.disclosure.findMany({ where: { actorId: 'sup-ui', caseId } });
  expect(disclosed.length).toBeGreaterThan(0);
  expect(disclosed[0].channel).toBe('POST /codec/decode');
  await context.close();
}, 120_000);

test('anyone else is sent to sign in, or refused when signed in with another role', async () => {
  const anonymous = await browser.newContext();
  const page = await anonymous.newPage();
  await page.goto(`${stack.baseUrl}/temporal/namespaces/default/workflows`);
  await page.waitForURL(/\/sign-in\?next=%2Ftemporal/);
  await anonymous.close();
  const caseManager = await contextAs(stack, browser, { role: 'case_manager', user: 'cm-ui' });
  const refused = await (await caseManager.newPage()).goto(`${stack.baseUrl}/temporal/namespaces/default/workflows`);
  expect(refused!.status()).toBe(403);
  expect(await refused!.text()).toContain('The Temporal Web UI is for supervisors');
  await caseManager.close();
  const api = await fetch(`${stack.baseUrl}/temporal/api/v1/namespaces/default/workflows`);
  expect(api.status).toBe(401);
});
