import fc from 'fast-check';
import { apiAs } from '../../support/api-client';
import { submitArrest } from '../../support/case-helpers';
import { arrestReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';
import { CASE_ACTION_NAMES, type CaseActionName } from '../../../src/case/actions';
import { inputOf } from '../../../src/case/actions/inputs';
import { CASE_ACTION_PATHS } from '../../../src/api/case-action-routes';

/**
 * Property-based: random and malformed bodies, headers and ids against every endpoint never produce a
 * 5xx, never start a workflow and never write a row (the audit trail aside, which records them).
 */
let stack: TestStack;
let caseId: string;
beforeAll(async () => {
  stack = await startTestStack();
  caseId = await submitArrest(stack, arrestReferral());
});
afterAll(async () => {
  await stack?.stop();
});

const state = async () => ({
  referrals: await stack.db.referral.count(),
  people: await stack.db.person.count(),
  events: await stack.db.caseEvent.count(),
  notices: await stack.db.notification.count(),
});

const junk = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.json(),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    '',
    '{',
    '[]',
    'null',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '\u0000',
    '{"a":'.repeat(50),
  ),
  fc.record({
    submissionId: fc.string(),
    agency: fc.string(),
    person: fc.anything(),
    offenses: fc.array(fc.anything(), { maxLength: 3 }),
  }),
  fc.record({
    method: fc.string(),
    decision: fc.string(),
    reason: fc.string({ maxLength: 1000 }),
    newDueAt: fc.string(),
    goals: fc.array(fc.string()),
  }),
);
const ids = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constant('BUR-0000000000'),
  fc.stringMatching(/^[A-Z]{3}-[0-9A-Z]{10}$/),
  fc.constant('..%2F..%2Fetc%2Fpasswd'),
  fc.constant('%00'),
);
const contentTypes = fc.constantFrom(
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'multipart/form-data; boundary=x',
  '',
);

/** A generated request that happens to be a well-formed action on the real case is not hostile. */
const isWellFormedAction = (path: string, raw: string, type: string, realCase: boolean): boolean => {
  const action = CASE_ACTION_NAMES.find((a) => path.endsWith(`/${CASE_ACTION_PATHS[a]}`)) as CaseActionName | undefined;
  if (!realCase || !action || (type !== '' && type !== 'application/json')) return false;
  let parsed: unknown = {};
  try {
    parsed = raw === '' ? {} : JSON.parse(raw);
  } catch {
    return false;
  }
  return inputOf(action).safeParse(parsed).success;
};

const paths = [
  '/api/referrals/arrest-diversions',
  '/api/referrals/arrest-diversions/eligibility',
  '/api/referrals/social-contacts',
  ...CASE_ACTION_NAMES.map((a) => `/api/cases/{id}/${CASE_ACTION_PATHS[a]}`),
];

test('random bodies, content types and ids: never a 5xx, never a workflow, never a row', async () => {
  const before = await state();
  const tokens = Object.fromEntries(
    await Promise.all(
      (['officer', 'sergeant', 'case_manager', 'prosecutor', 'supervisor'] as const).map(async (role) => [
        role,
        (await stack.tokens.issue({ id: `${role}-fuzz`, role, agency: 'BURIEN_PD', office: 'KCPAO' })).token,
      ]),
    ),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...paths),
      junk,
      ids,
      contentTypes,
      fc.constantFrom(...Object.keys(tokens)),
      fc.boolean(),
      async (path, body, id, type, role, realCase) => {
        const url = `${stack.baseUrl}${path.replace('{id}', encodeURIComponent(realCase ? caseId : id))}`;
        const raw =
          typeof body === 'string'
            ? body
            : (() => {
                try {
                  return JSON.stringify(body) ?? 'undefined';
                } catch {
                  return String(body);
                }
              })();
        fc.pre(!isWellFormedAction(path, raw, type, realCase));
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            ...(type ? { 'content-type': type } : {}),
            authorization: `Bearer ${tokens[role]}`,
            'x-request-id': id.slice(0, 50),
          },
          body: raw,
        });
        await res.text();
        expect(res.status).toBeLessThan(500);
        expect([200, 201]).not.toContain(res.status);
      },
    ),
    { numRuns: 400 },
  );
  expect(await state()).toEqual(before);
});

test('JSON in another charset is refused (415), even when it decodes to an empty action', async () => {
  const token = (await stack.tokens.issue({ id: 'cm-charset', role: 'case_manager', agency: 'BURIEN_PD' })).token;
  const before = await state();
  for (const [type, body] of [
    ['application/json; charset=utf-16', '{'],
    ['application/json; charset=latin1', '{}'],
    ['application/json; charset="UTF-32"', ''],
  ]) {
    const res = await fetch(`${stack.baseUrl}/api/cases/${caseId}/screening`, {
      method: 'POST',
      headers: { 'content-type': type, authorization: `Bearer ${token}` },
      body,
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error).toMatchObject({
      code: 'UNSUPPORTED_ENCODING',
      message: expect.stringContaining('UTF-8'),
    });
  }
  const officer = (await stack.tokens.issue({ id: 'officer-charset', role: 'officer', agency: 'BURIEN_PD' })).token;
  const utf8 = await fetch(`${stack.baseUrl}/api/referrals/arrest-diversions/eligibility`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=UTF-8', authorization: `Bearer ${officer}` },
    body: JSON.stringify(arrestReferral()),
  });
  expect(utf8.status).toBe(200);
  await utf8.text();
  expect(await state()).toEqual(before);
  expect((await apiAs(stack.baseUrl, 'supervisor').getOk(`/api/cases/${caseId}`)).body.case.stage).toBe(
    'AWAITING_SCREENING',
  );
});

test('random and broken headers: never a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.dictionary(
        fc.constantFrom(
          'authorization',
          'cookie',
          'x-csrf-token',
          'x-request-id',
          'origin',
          'accept',
          'content-length-x',
        ),
        fc.string({ maxLength: 200 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
      ),
      fc.constantFrom('GET', 'POST'),
      fc.constantFrom('/api/caseload', `/api/cases/${caseId}`, '/api/stuck', '/api/auth/sign-in', '/codec/decode'),
      async (headers, method, path) => {
        const res = await fetch(`${stack.baseUrl}${path}`, {
          method,
          headers,
          body: method === 'POST' ? '{}' : undefined,
        });
        await res.text();
        expect(res.status).toBeLessThan(500);
      },
    ),
    { numRuns: 150 },
  );
});

test('a well-formed referral with hostile strings is stored as text, not run', async () => {
  const officer = apiAs(stack.baseUrl, 'officer');
  const res = await officer.post(
    '/api/referrals/arrest-diversions',
    arrestReferral({
      person: {
        givenName: 'Robert\'); DROP TABLE "Referral";--',
        familyName: '<script>alert(1)</script>',
        dateOfBirth: '1990-01-01',
      },
    }),
  );
  expect(res.status).toBe(201);
  const row = await stack.db.person.findFirstOrThrow({ where: { familyName: '<script>alert(1)</script>' } });
  expect(row.givenName).toContain('DROP TABLE');
  expect(await stack.db.referral.count()).toBeGreaterThan(0);
});

test('issue 22 item 4: a deeply nested body (64 kB of "[") is refused with 400 naming the limit before it is parsed — sign-in included', async () => {
  const deep = '['.repeat(64_000);
  const post = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${stack.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: deep,
    });
  const officer = (await stack.tokens.issue({ id: 'officer-deep', role: 'officer', agency: 'BURIEN_PD' })).token;
  const caseManager = (await stack.tokens.issue({ id: 'cm-deep', role: 'case_manager' })).token;
  const supervisor = (await stack.tokens.issue({ id: 'sup-deep', role: 'supervisor' })).token;
  for (const res of [
    await post('/api/auth/sign-in'),
    await post('/api/referrals/arrest-diversions', { authorization: `Bearer ${officer}` }),
    await post(`/api/cases/${caseId}/screening`, { authorization: `Bearer ${caseManager}` }),
    await post('/codec/decode', { authorization: `Bearer ${supervisor}` }),
  ]) {
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({
      code: 'BODY_TOO_DEEP',
      message: expect.stringContaining('more than 32 levels deep (the limit)'),
    });
  }
  // Brackets inside strings are text: a wrong password full of them is just a wrong password.
  const brackets = await fetch(`${stack.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-officer', password: '['.repeat(150) }),
  });
  expect(brackets.status).toBe(401);
});

test('issue 22 item 10: identity and permission are checked before any input check, and the refusal is audited with its actor', async () => {
  const path = '/api/referrals/arrest-diversions';
  const withNul = JSON.stringify(
    arrestReferral({ person: { givenName: 'Jor\u0000dan', familyName: 'Avery', dateOfBirth: '1988-04-12' } }),
  );
  const send = async (headers: Record<string, string>, body = withNul) => {
    const res = await fetch(`${stack.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: res.status, requestId: res.headers.get('x-request-id')!, error: (await res.json()).error };
  };
  const bearer = async (id: string, role: 'officer' | 'prosecutor') =>
    `Bearer ${(await stack.tokens.issue({ id, role, agency: 'BURIEN_PD', office: 'KCPAO' })).token}`;

  // No token: 401, whatever the body holds — a NUL, malformed JSON, another format.
  expect((await send({})).error.code).toBe('UNAUTHENTICATED');
  expect((await send({}, '{"person":')).status).toBe(401);
  expect((await send({ 'content-type': 'text/plain' }, 'hello')).status).toBe(401);
  // A prosecutor on an officer's route: 403 naming the permission, not 400 naming the field.
  const prosecutor = await send({ authorization: await bearer('prosecutor-nul', 'prosecutor') });
  expect(prosecutor).toMatchObject({ status: 403, error: { code: 'FORBIDDEN', permission: 'referral.create' } });
  // An officer may submit: then the text check answers, naming the field.
  const officer = await send({ authorization: await bearer('officer-nul', 'officer') });
  expect(officer).toMatchObject({ status: 400, error: { fields: [{ field: 'person.givenName' }] } });

  const rows = await stack.db.auditEntry.findMany({
    where: { requestId: { in: [prosecutor.requestId, officer.requestId] } },
    orderBy: { id: 'asc' },
  });
  expect(rows.map((r) => [r.actorId, r.actorRole, r.action, r.outcome])).toEqual([
    ['prosecutor-nul', 'prosecutor', 'referral.create', 'DENIED'],
    ['officer-nul', 'officer', 'referral.create', 'REFUSED'],
  ]);
});
