import type { Browser } from 'playwright-core';
import { apiAs, defaultScope } from '../../support/api-client';
import { readWholeCase, settled } from '../../support/case-helpers';
import { contextAs, expectAccessible, launchBrowser, PHONE, watchErrors } from '../../support/browser';
import { arrestReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * Supervisors read cases in the Temporal Web UI, served by the product at /temporal, with payloads
 * decoded by the codec server on the same origin — nothing to set in the UI. Nobody else reaches it,
 * and nobody writes through it.
 * A supervisor of some programs only is refused it: every program's workflows share its namespace.
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
  const res = await apiAs(stack.baseUrl, 'officer').postOk(
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
  const refusedWrites: string[] = [];
  page.on('response', (r) => r.status() === 403 && refusedWrites.push(`${r.request().method()} ${r.url()}`));
  const refusedByPolicy: string[] = [];
  page.on('console', (m) => /Content[- ]Security[- ]Policy/i.test(m.text()) && refusedByPolicy.push(m.text()));
  const opened = await page.goto(`${stack.baseUrl}/temporal/namespaces/default/workflows/${caseId}`);
  // issue 22 item 3: the UI is served under the product's Content-Security-Policy, its one inline script admitted by hash.
  const policy = opened!.headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(/(^|;)script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("frame-ancestors 'self'");
  expect(opened!.headers()['x-content-type-options']).toBe('nosniff');
  // The workflow's input, decrypted: its case id, agency and prosecutor office (no personal data is in Temporal).
  await page.getByText('"prosecutorOffice": "KCPAO"').first().waitFor({ timeout: 60_000 });
  await page.getByText('"agency": "BURIEN_PD"').first().waitFor();
  expect(decodes.length).toBeGreaterThan(0);
  expect(new Set(decodes)).toEqual(new Set([200]));
  const disclosed = await stack.db.disclosure.findMany({ where: { actorId: 'sup-ui', caseId } });
  expect(disclosed.length).toBeGreaterThan(0);
  expect(disclosed[0].channel).toBe('POST /codec/decode');
  expect(refusedByPolicy).toEqual([]);
  // Reading a workflow needs no write: the read-only UI asks for none (its query of the workflow's details is a read).
  expect(refusedWrites).toEqual([]);
  await context.close();
}, 120_000);

test('anyone else is sent to sign in, or refused when signed in with another role', async () => {
  const anonymous = await browser.newContext();
  const page = await anonymous.newPage();
  await page.goto(`${stack.baseUrl}/temporal/namespaces/default/workflows`);
  await page.waitForURL(/\/sign-in\?next=%2Ftemporal/);
  await anonymous.close();
  // Issue 23 item 6: refused in the product's layout — their navigation, whose page it is, the way back.
  const caseManager = await contextAs(stack, browser, { role: 'case_manager', user: 'cm-ui' }, PHONE);
  const cmPage = await caseManager.newPage();
  const errors = watchErrors(cmPage);
  for (const path of ['/temporal/', '/temporal/namespaces/default/workflows']) {
    const refused = await cmPage.goto(`${stack.baseUrl}${path}`);
    expect(refused!.status()).toBe(403);
    await cmPage.locator('#sign-out').waitFor(); // the identity bar: the page's script ran under the policy
    expect(await cmPage.locator('main [role="alert"]').textContent()).toBe(
      'The Temporal Web UI is for supervisors. Your pages: My caseload, Monthly report, Search.',
    );
    expect(await cmPage.locator('#main-nav a').allTextContents()).toEqual(['My caseload', 'Monthly report', 'Search']);
    expect(await cmPage.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  }
  await expectAccessible(cmPage, 'the Temporal Web UI refused to a case manager');
  await cmPage.locator('#way-back').click();
  await cmPage.waitForSelector('#caseload[data-ready="true"]');
  expect(new URL(cmPage.url()).pathname).toBe('/caseload');
  expect(errors).toEqual([]);
  await caseManager.close();
  // A client asking for JSON is refused in JSON, naming the permission.
  const { token } = await stack.tokens.issue({ id: 'cm-ui', role: 'case_manager' });
  const json = await fetch(`${stack.baseUrl}/temporal/namespaces/default/workflows`, {
    headers: { cookie: `lead_session=${token}`, accept: 'application/json' },
  });
  expect([json.status, (await json.json()).error.permission]).toEqual([403, 'temporal.ui']);
  const api = await fetch(`${stack.baseUrl}/temporal/api/v1/namespaces/default/workflows`);
  expect(api.status).toBe(401);
});

test("issue 26, R-ROI: a supervisor whose sign-in lacks a program this service runs is refused the Web UI, page and API — its namespace holds every program's workflows", async () => {
  const { token } = await stack.tokens.issue({ id: 'sup-harbor', role: 'supervisor', programs: ['harbor-county'] });
  const ui = (path: string, accept: string) =>
    fetch(`${stack.baseUrl}/temporal${path}`, { headers: { cookie: `lead_session=${token}`, accept } });
  const page = await ui('/namespaces/default/workflows', 'text/html');
  expect(page.status).toBe(403);
  expect(await page.text()).toContain('they are for supervisors of every program (R-ROI)');
  // The UI's own API: the workflow list would give every program's ids and LeadProgram attributes.
  const list = await ui('/api/v1/namespaces/default/workflows', 'application/json');
  expect([list.status, (await list.json()).error]).toEqual([
    403,
    expect.objectContaining({ code: 'NOT_EVERY_PROGRAM', ruleId: 'R-ROI' }),
  ]);
});

/** A person's session cookie, as local sign-in sets it. */
async function sessionOf(role: 'supervisor' | 'case_manager', user: string): Promise<string> {
  const { token } = await stack.tokens.issue({ id: user, role, ...defaultScope(role) });
  return `lead_session=${token}`;
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

test("issue 22 item 3: the issue's forged case-manager note, posted to the Web UI's update endpoint with a supervisor's session, is refused 403 and the case records nothing", async () => {
  const created = await apiAs(stack.baseUrl, 'officer').postOk(
    '/api/referrals/arrest-diversions',
    arrestReferral({ incident: { withinCityLimits: true, reportNumber: 'BPD-UI-0002' } }),
  );
  const caseId: string = created.body.caseId;
  await settled(stack, caseId);
  const eventsBefore = (await readWholeCase(stack, caseId)).case.events.length;
  const supervisor = await sessionOf('supervisor', 'sup-forger');
  // As the UI's own page does it: the UI server's CSRF cookie, sent back with its header.
  const settings = await fetch(`${stack.baseUrl}/temporal/api/v1/settings`, { headers: { cookie: supervisor } });
  expect(settings.status).toBe(200);
  // The UI offers no write action (the dev server's UI has no setting for it: the proxy says so).
  expect((await settings.json()).DisableWriteActions).toBe(true);
  const csrf = /_csrf=([^;]+)/.exec(settings.headers.getSetCookie().join('; '))?.[1] ?? '';
  const headers = {
    cookie: `${supervisor}; _csrf=${csrf}`,
    'x-csrf-token': csrf,
    'content-type': 'application/json',
  };
  const forged = {
    caseId,
    actor: { id: 'forged-case-manager', role: 'case_manager' },
    input: { note: 'forged note FORGED-UI-MARKER' },
  };
  const workflows = `${stack.baseUrl}/temporal/api/v1/namespaces/default/workflows`;
  const update = await fetch(`${workflows}/${caseId}/update/recordCaseNote`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      request: {
        meta: { updateId: 'forged-note-1' },
        input: {
          args: { payloads: [{ metadata: { encoding: b64('json/plain') }, data: b64(JSON.stringify(forged)) }] },
        },
      },
      waitPolicy: { lifecycleStage: 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED' },
    }),
  });
  expect(update.status).toBe(403);
  expect((await update.json()).error).toMatchObject({ code: 'READ_ONLY', method: 'POST' });

  // Every other write the UI could make: signal, terminate, cancel, reset, start; and other methods.
  const writes: Array<[string, string]> = [
    ['POST', `${workflows}/${caseId}/signal/coordinationAlert`],
    ['POST', `${workflows}/${caseId}/terminate`],
    ['POST', `${workflows}/${caseId}/cancel`],
    ['POST', `${workflows}/${caseId}/reset`],
    ['POST', `${workflows}/forged-workflow`],
    ['PUT', `${workflows}/${caseId}`],
    ['PATCH', `${workflows}/${caseId}`],
    ['DELETE', `${workflows}/${caseId}`],
    ['OPTIONS', `${workflows}/${caseId}`],
  ];
  for (const [method, url] of writes) {
    const res = await fetch(url, { method, headers, body: method === 'OPTIONS' ? undefined : '{}' });
    expect([method, url, res.status]).toEqual([method, url, 403]);
  }

  // Nothing reached the workflow: no update, signal or other event in its history, no event on the case.
  const history = await stack.env.client.workflow.getHandle(caseId).fetchHistory();
  const written = history.events!.filter(
    (e) =>
      e.workflowExecutionUpdateAcceptedEventAttributes ||
      e.workflowExecutionSignaledEventAttributes ||
      e.workflowExecutionTerminatedEventAttributes ||
      e.workflowExecutionCancelRequestedEventAttributes,
  );
  expect(written).toEqual([]);
  const after = await readWholeCase(stack, caseId);
  expect(after.case.events.length).toBe(eventsBefore);
  expect(JSON.stringify(after)).not.toContain('FORGED-UI-MARKER');
  await expect(stack.env.client.workflow.getHandle('forged-workflow').describe()).rejects.toThrow(/not found/i);
  // The refused attempt is in the audit trail, under the supervisor who made it.
  const refused = await stack.db.auditEntry.findMany({ where: { actorId: 'sup-forger', caseId } });
  expect(refused.length).toBeGreaterThanOrEqual(1);
  expect(refused.every((r) => r.outcome === 'DENIED' && r.status === 403 && r.action === 'temporal.ui.write')).toBe(
    true,
  );

  // Reads still work: the workflow, as the UI lists it, and a query (the one read the UI posts), which writes nothing.
  const read = await fetch(`${workflows}/${caseId}`, { headers: { cookie: supervisor } });
  expect(read.status).toBe(200);
  const query = await fetch(`${workflows}/${caseId}/query/caseState`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: { queryType: 'caseState' } }),
  });
  expect(query.status).toBe(200);
  const disguised = await fetch(`${workflows}/${caseId}/query/x%2F..%2F..%2Fupdate%2FrecordCaseNote`, {
    method: 'POST',
    headers,
    body: '{}',
  });
  expect(disguised.status).toBe(403);
  const historyAfter = await stack.env.client.workflow.getHandle(caseId).fetchHistory();
  expect(historyAfter.events!.length).toBe(history.events!.length);
});

test('issue 22 item 3: identity and permission are checked before the method — no session 401, another role 403 FORBIDDEN', async () => {
  const url = `${stack.baseUrl}/temporal/api/v1/namespaces/default/workflows/any/terminate`;
  const anonymous = await fetch(url, { method: 'POST', body: '{}' });
  expect(anonymous.status).toBe(401);
  const caseManager = await fetch(url, {
    method: 'POST',
    body: '{}',
    headers: { cookie: await sessionOf('case_manager', 'cm-forger') },
  });
  expect(caseManager.status).toBe(403);
  expect((await caseManager.json()).error).toMatchObject({ code: 'FORBIDDEN', permission: 'temporal.ui' });
});
