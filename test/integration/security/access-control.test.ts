import { SignJWT, generateKeyPair } from 'jose';
import { apiAs, type ApiResponse, expectStatus, refusalOf, waitFor } from '../../support/api-client';
import { settled, submitArrest } from '../../support/case-helpers';
import { arrestReferral, socialContactReferral } from '../../support/referrals';
import { startTestStack, TEST_PASSWORD, type TestStack } from '../../support/test-stack';
import { CASE_ACTION_NAMES } from '../../../src/case/actions';
import { CASE_ACTION_PATHS } from '../../../src/api/case-action-routes';
import { PERMISSIONS, type Permission } from '../../../src/contract/permissions';
import { ROLES, type Role } from '../../../src/shared/roles';

/** Who may do what, and see which cases: the full role × endpoint matrix, scoping, sessions, CSRF. */
let stack: TestStack;
let countyCase: string;
let cityCase: string;
beforeAll(async () => {
  stack = await startTestStack();
  countyCase = await submitArrest(stack, arrestReferral());
  cityCase = await submitArrest(
    stack,
    arrestReferral({ offenses: [{ code: 'CRIMINAL_TRESPASS', level: 'MISDEMEANOR' }] }),
  );
});
afterAll(async () => {
  await stack?.stop();
});

/** Every endpoint with the permission it needs; bodies are minimal (the matrix is about 403 or not). */
function endpoints(): Array<{
  name: string;
  permission: Permission;
  call: (api: ReturnType<typeof apiAs>) => Promise<ApiResponse>;
}> {
  const list: Array<{
    name: string;
    permission: Permission;
    call: (api: ReturnType<typeof apiAs>) => Promise<ApiResponse>;
  }> = [
    {
      name: 'POST arrest diversion',
      permission: 'referral.create',
      call: (a) => a.post('/api/referrals/arrest-diversions', {}),
    },
    {
      name: 'POST eligibility check',
      permission: 'referral.create',
      call: (a) => a.post('/api/referrals/arrest-diversions/eligibility', {}),
    },
    {
      name: 'POST social contact',
      permission: 'referral.create',
      call: (a) => a.post('/api/referrals/social-contacts', {}),
    },
    { name: 'GET case', permission: 'case.read', call: (a) => a.get(`/api/cases/${countyCase}`) },
    { name: 'GET case audit', permission: 'audit.read', call: (a) => a.get(`/api/cases/${countyCase}/audit`) },
    { name: 'GET diversion packet', permission: 'case.read', call: (a) => a.get(`/api/cases/${countyCase}/packet`) },
    {
      name: 'GET accounting of disclosures',
      permission: 'disclosures.read',
      call: (a) => a.get(`/api/cases/${countyCase}/disclosures`),
    },
    {
      name: 'GET accounting of disclosures (CSV)',
      permission: 'disclosures.read',
      call: (a) => a.get(`/api/cases/${countyCase}/disclosures.csv`),
    },
    {
      name: 'POST staffing nomination',
      permission: 'staffing.nominate',
      call: (a) => a.post(`/api/cases/${countyCase}/staffing-nominations`, { __probe: true }),
    },
    { name: 'GET caseload', permission: 'caseload.read', call: (a) => a.get('/api/caseload') },
    { name: 'GET search', permission: 'case.search', call: (a) => a.get('/api/search?name=avery') },
    { name: 'GET my referrals', permission: 'referral.readOwn', call: (a) => a.get('/api/referrals/mine') },
    { name: 'GET sergeant queue', permission: 'queue.sergeant', call: (a) => a.get('/api/queues/sergeant') },
    { name: 'GET prosecutor inbox', permission: 'queue.prosecutor', call: (a) => a.get('/api/queues/prosecutor') },
    { name: 'GET stuck cases', permission: 'stuck.read', call: (a) => a.get('/api/stuck') },
    { name: 'GET capacity', permission: 'capacity.read', call: (a) => a.get('/api/capacity') },
    { name: 'POST codec decode', permission: 'codec.decode', call: (a) => a.post('/codec/decode', { payloads: [] }) },
  ];
  for (const action of CASE_ACTION_NAMES) {
    list.push({
      name: `POST case ${CASE_ACTION_PATHS[action]}`,
      permission: `case.${action}`,
      call: (a) => a.act(countyCase, CASE_ACTION_PATHS[action], { __probe: true }),
    });
  }
  return list;
}

describe('the role × action matrix', () => {
  for (const role of ROLES) {
    test(`${role}: allowed where the permission table says, 403 naming the permission elsewhere`, async () => {
      const api = apiAs(stack.baseUrl, role, `${role}-matrix`);
      for (const endpoint of endpoints()) {
        const res = await endpoint.call(api);
        const allowed = (PERMISSIONS[endpoint.permission] as readonly Role[]).includes(role);
        if (allowed) {
          expect({ endpoint: endpoint.name, status: res.status }).not.toEqual({ endpoint: endpoint.name, status: 403 });
          expect(res.status).not.toBe(401);
          expect(res.status).toBeLessThan(500);
        } else {
          expect({ endpoint: endpoint.name, status: res.status, permission: refusalOf(res)?.permission }).toEqual({
            endpoint: endpoint.name,
            status: 403,
            permission: endpoint.permission,
          });
        }
      }
    });
  }

  test('every endpoint refuses a request without a token (401)', async () => {
    for (const path of [
      '/api/referrals/arrest-diversions',
      `/api/cases/${countyCase}`,
      '/api/stuck',
      '/api/caseload',
      '/codec/decode',
    ]) {
      const res = await fetch(`${stack.baseUrl}${path}`, {
        method: path.includes('cases/') || path.includes('stuck') || path.includes('caseload') ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: path.includes('cases/') || path.includes('stuck') || path.includes('caseload') ? undefined : '{}',
      });
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
  });
});

describe('record scoping', () => {
  test('a city attorney cannot read or act on a county case, by id guessing included', async () => {
    const cityAttorney = apiAs(stack.baseUrl, 'prosecutor', 'ca-1', { office: 'BURIEN_CITY_ATTORNEY' });
    expect((await cityAttorney.get(`/api/cases/${cityCase}`)).status).toBe(200);
    const county = await cityAttorney.get(`/api/cases/${countyCase}`);
    expectStatus(county, 404);
    expect(county.body.error.code).toBe('CASE_NOT_FOUND');
    expect((await cityAttorney.act(countyCase, 'filing-decision', { decision: 'FILED' })).status).toBe(404);
    const inbox = await cityAttorney.get('/api/queues/prosecutor');
    expect(JSON.stringify(inbox.body)).not.toContain(countyCase);
    expect(JSON.stringify(inbox.body)).toContain(cityCase);
    // Guessing: every other id answers exactly as an unknown one.
    const unknown = await cityAttorney.get('/api/cases/BUR-0000000000');
    expect(refusalOf(unknown)).toEqual({ ...county.body.error, message: refusalOf(unknown)?.message });
  });

  test("an officer sees the cases they referred; a sergeant sees their agency's", async () => {
    const mine = apiAs(stack.baseUrl, 'officer', 'officer-1');
    const other = apiAs(stack.baseUrl, 'officer', 'officer-2');
    expect((await mine.get(`/api/cases/${countyCase}`)).status).toBe(200);
    expect((await other.get(`/api/cases/${countyCase}`)).status).toBe(404);
    const kcsoSergeant = apiAs(stack.baseUrl, 'sergeant', 'kcso-sgt', { agency: 'KCSO' });
    expect((await kcsoSergeant.get(`/api/cases/${countyCase}`)).status).toBe(404);
    expect((await apiAs(stack.baseUrl, 'sergeant').get(`/api/cases/${countyCase}`)).status).toBe(200);
  });

  test('a sergeant whose sign-in names no agency sees no case, in no list (R-ROI)', async () => {
    const sergeant = apiAs(stack.baseUrl, 'sergeant', 'sgt-no-agency', {});
    expect((await sergeant.get(`/api/cases/${countyCase}`)).status).toBe(404);
    expect((await sergeant.get(`/api/cases/${countyCase}/packet`)).status).toBe(404);
    const queue = await sergeant.get('/api/queues/sergeant');
    expect(queue.status).toBe(200);
    expect(JSON.stringify(queue.body)).not.toContain(countyCase);
    expect(JSON.stringify((await sergeant.get('/api/stuck')).body)).not.toContain(countyCase);
  });

  test('R-SC-CAPACITY: sergeants get the counts of capacity, never which cases hold the places', async () => {
    const sergeant = await apiAs(stack.baseUrl, 'sergeant').get('/api/capacity');
    expectStatus(sergeant, 200);
    for (const key of ['participants', 'reserved', 'waiting'] as const)
      expect(typeof sergeant.body[key]).toBe('number');
    const supervisor = await apiAs(stack.baseUrl, 'supervisor').getOk('/api/capacity');
    expect(Array.isArray(supervisor.body.participants)).toBe(true);
  });
});

describe('sessions', () => {
  test('local sign-in sets an expiring session cookie; a wrong password is refused', async () => {
    const wrong = await fetch(`${stack.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-officer', password: 'nope' }),
    });
    expect(wrong.status).toBe(401);
    const ok = await fetch(`${stack.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-officer', password: TEST_PASSWORD }),
    });
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/lead_session=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Strict/);
    const stored = await stack.db.user.findUniqueOrThrow({ where: { id: 'demo-officer' } });
    expect(stored.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored.passwordHash).not.toContain(TEST_PASSWORD);
  });

  test('an expired token, or one signed by another key, is refused (401)', async () => {
    const expired = await stack.tokens.issue({ id: 'officer-1', role: 'officer' }, -10);
    const res = await fetch(`${stack.baseUrl}/api/caseload`, { headers: { authorization: `Bearer ${expired.token}` } });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('SESSION_EXPIRED');
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ lead_role: 'supervisor' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('mallory')
      .setIssuer('lead-referrals')
      .setAudience('lead-referrals')
      .setExpirationTime('1h')
      .sign(privateKey);
    const forgedRes = await fetch(`${stack.baseUrl}/api/stuck`, { headers: { authorization: `Bearer ${forged}` } });
    expect(forgedRes.status).toBe(401);
    const none = await fetch(`${stack.baseUrl}/api/stuck`, {
      headers: {
        authorization: `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","lead_role":"supervisor"}').toString('base64url')}.`,
      },
    });
    expect(none.status).toBe(401);
  });

  test('a change sent with the session cookie needs the CSRF token; a bearer token does not', async () => {
    const signIn = await fetch(`${stack.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-officer', password: TEST_PASSWORD }),
    });
    const session = signIn.headers.get('set-cookie')!.split(';')[0];
    const body = JSON.stringify(arrestReferral());
    const forged = await fetch(`${stack.baseUrl}/api/referrals/arrest-diversions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session },
      body,
    });
    expect(forged.status).toBe(403);
    expect((await forged.json()).error.code).toBe('CSRF_TOKEN_INVALID');
    const csrf = await fetch(`${stack.baseUrl}/api/auth/csrf`, { headers: { cookie: session } });
    const csrfCookie = csrf.headers.get('set-cookie')!.split(';')[0];
    const { csrfToken } = await csrf.json();
    const ok = await fetch(`${stack.baseUrl}/api/referrals/arrest-diversions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${session}; ${csrfCookie}`, 'x-csrf-token': csrfToken },
      body,
    });
    expect(ok.status).toBe(201);
    await settled(stack, (await ok.json()).caseId);
  });

  test('security headers are set on pages and API answers', async () => {
    for (const path of ['/refer', '/api/openapi.json']) {
      const res = await fetch(`${stack.baseUrl}${path}`);
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  test('bodies over the limit are refused (413) before anything is parsed', async () => {
    const res = await apiAs(stack.baseUrl, 'officer').post('/api/referrals/arrest-diversions', {
      ...arrestReferral(),
      padding: 'x'.repeat(100_000),
    });
    expect(res.status).toBe(413);
  });

  test('the social-contact form is scoped like the arrest form: a prosecutor cannot submit one', async () => {
    const res = await apiAs(stack.baseUrl, 'prosecutor').post(
      '/api/referrals/social-contacts',
      socialContactReferral(),
    );
    expect(res.status).toBe(403);
    await waitFor(
      async () =>
        (await stack.db.auditEntry.count({
          where: { outcome: 'DENIED', action: 'referral.create', actorRole: 'prosecutor' },
        })) > 0,
      'the denial to be audited',
    );
  });
});
