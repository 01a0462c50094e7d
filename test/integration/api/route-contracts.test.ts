import express from 'express';
import { z } from 'zod';
import type { AddressInfo } from 'node:net';
import { mountRoutes, route, type RouteContract } from '../../../src/api/contract/route';
import { errorBodySchema } from '../../../src/api/schemas/error-answer';
import { nonStrictObjectsIn } from '../../support/strict-schemas';
import { apiAs, refusalOf } from '../../support/api-client';
import { routeCoverageProblems } from '../../support/route-coverage';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * Every route under /api is declared once (request and response schemas, permission) and the OpenAPI
 * document is generated from those declarations: a route served without a contract, or a contract
 * not served, fails here.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const contractsOf = (app: express.Express) => app.locals.routeContracts as RouteContract[];
const openApiPath = (path: string) => `/api${path.replace(/:(\w+)/g, '{$1}')}`;

test('every route the API serves has a contract, and every contract is served', () => {
  expect(contractsOf(stack.app).length).toBeGreaterThan(40);
  expect(routeCoverageProblems(stack.app, contractsOf(stack.app))).toEqual([]);
});

test('a route added without a contract, or a contract nobody serves, is caught', () => {
  const app = express();
  const api = express.Router();
  const declared = route(
    {
      method: 'get',
      path: '/declared',
      operationId: 'declared',
      tag: 'Test',
      summary: 'declared',
      access: 'public',
      responses: { 200: { description: 'ok', schema: z.strictObject({}) } },
    },
    () => ({ status: 200, body: {} }),
  );
  mountRoutes(api, [declared]);
  api.get('/undeclared', (_req, res) => void res.json({}));
  app.use('/api', api);
  app.get('/api/beside', (_req, res) => void res.json({}));
  const unserved = { ...declared.contract, path: '/unserved' };
  expect(routeCoverageProblems(app, [declared.contract, unserved])).toEqual([
    'GET /undeclared is served without a contract',
    'GET /api/beside is served without a contract',
    'GET /unserved is declared and served 0 times',
  ]);
});

test('the served document lists exactly the declared operations, with their permission, security and answers', async () => {
  const doc = await (await fetch(`${stack.baseUrl}/api/openapi.json`)).json();
  expect(doc.openapi).toBe('3.1.0');
  const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
  const declared = contractsOf(stack.app)
    .map((c) => `${c.method.toUpperCase()} ${openApiPath(c.path)}`)
    .sort();
  expect(documented).toEqual(declared);
  expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerAuth', 'csrfToken', 'sessionCookie']);

  const consent = doc.paths['/api/cases/{caseId}/consent'].post;
  expect(consent['x-permission']).toBe('case.recordConsent');
  expect(consent['x-roles']).toEqual(['case_manager']);
  expect(consent.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [], csrfToken: [] }]);
  expect(consent.responses['200'].content['application/json'].schema.properties).toHaveProperty('actions');
  expect(Object.keys(consent.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409', '503']));
  expect(doc.paths['/api/auth/sign-in'].post.security).toEqual([]);
  expect(doc.paths['/api/reports/{month}/staffing-list.csv'].get.responses['200'].content).toHaveProperty('text/csv');
  expect(doc.paths['/api/cases/{caseId}/packet.pdf'].get.responses['200'].content).toHaveProperty('application/pdf');
  expect(doc.paths['/api/cases/{caseId}/packet.pdf'].get['x-permission']).toBe(
    doc.paths['/api/cases/{caseId}/packet'].get['x-permission'],
  );
  // The stale hand-written document described identity headers the API never read.
  expect(JSON.stringify(doc)).not.toContain('X-LEAD-Role');
});

test('every documented operation is routed (none answers "No route")', async () => {
  const supervisor = apiAs(stack.baseUrl, 'supervisor');
  for (const contract of contractsOf(stack.app)) {
    const path = `/api${contract.path.replace(':caseId', 'LEAD-NO-SUCH-CASE').replace(':month', '2020-01')}`;
    const res = contract.method === 'get' ? await supervisor.get(path) : await supervisor.post(path, {});
    expect([contract.method, path, refusalOf(res)?.message ?? '']).not.toEqual([
      contract.method,
      path,
      expect.stringMatching(/^No route/),
    ]);
  }
});

describe('issue 22 item 12: answers as strict as inputs', () => {
  test('every declared answer, and the shared Error, names every key it may carry (strict objects only)', () => {
    const loose = contractsOf(stack.app).flatMap((c) =>
      Object.entries(c.responses).flatMap(([status, r]) =>
        r.schema ? nonStrictObjectsIn(r.schema).map((at) => `${c.operationId} ${status} ${at}`) : [],
      ),
    );
    expect(loose).toEqual([]);
    expect(nonStrictObjectsIn(errorBodySchema)).toEqual([]);
  });

  test('a field the declared answer does not name is never sent: 500, logged by path, nothing of it in the body', async () => {
    const answer = z.strictObject({ caseId: z.string() });
    const contract = {
      method: 'get',
      path: '/answers',
      operationId: 'answers',
      tag: 'Test',
      summary: 'answers',
      access: 'public',
      responses: { 200: { description: 'ok', schema: answer } },
    } as const;
    const leaky = { caseId: 'LEAD-1', narrative: 'MARKER-LEAKED-NARRATIVE' };
    const api = express.Router();
    mountRoutes(api, [
      // The compiler refuses what it can see: a status the route does not declare, a wrong type …
      // @ts-expect-error 201 is not a declared answer
      route({ ...contract, path: '/undeclared-status' }, () => ({ status: 201, body: { caseId: 'LEAD-1' } })),
      // @ts-expect-error caseId must be a string
      route({ ...contract, path: '/wrong-type' }, () => ({ status: 200, body: { caseId: 1 } })),
      // … and the strict answer schema refuses the rest at run time, before anything is sent.
      route({ ...contract, path: '/extra-field' }, () => ({ status: 200, body: leaky })),
      route({ ...contract, path: '/declared' }, () => ({ status: 200, body: { caseId: 'LEAD-1' } })),
    ]);
    const errors: unknown[] = [];
    const app = express().use('/api', api);
    app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      errors.push(err);
      res.status(500).json({ error: { code: 'INTERNAL', message: 'logged' } });
    });
    const server = app.listen(0);
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
      const read = async (path: string) => {
        const res = await fetch(`${base}${path}`);
        return { status: res.status, text: await res.text() };
      };
      expect(await read('/declared')).toEqual({ status: 200, text: '{"caseId":"LEAD-1"}' });
      for (const path of ['/undeclared-status', '/wrong-type', '/extra-field']) {
        const res = await read(path);
        expect([path, res.status]).toEqual([path, 500]);
        expect(res.text).not.toContain('MARKER-LEAKED');
      }
      expect(errors.map((e) => (e as Error).message)).toEqual([
        'GET /undeclared-status answered 201, which it does not declare',
        'GET /wrong-type answered 200 outside its schema: caseId: invalid_type',
        'GET /extra-field answered 200 outside its schema: (body): unrecognized_keys narrative',
      ]);
      expect(errors.map((e) => (e as Error).message).join()).not.toContain('MARKER');
    } finally {
      server.close();
    }
  });
});

describe('issue 24 item 8: the contract tells the whole truth', () => {
  const send = (method: string, path: string, authorization?: string) =>
    fetch(`${stack.baseUrl}${path}`, { method, headers: authorization ? { authorization } : {} });

  test('a path the API serves, asked with a method it does not serve, answers 405 with Allow — signed in or not', async () => {
    const { token } = await stack.tokens.issue({ id: 'supervisor-1', role: 'supervisor' });
    for (const authorization of [`Bearer ${token}`, undefined]) {
      const deleted = await send('DELETE', '/api/cases/LEAD-NO-SUCH-CASE', authorization);
      expect([deleted.status, deleted.headers.get('allow')]).toEqual([405, 'GET, HEAD, OPTIONS']);
      expect((await deleted.json()).error).toEqual({
        code: 'METHOD_NOT_ALLOWED',
        message: 'DELETE is not served at /api/cases/LEAD-NO-SUCH-CASE: it answers GET, HEAD, OPTIONS',
      });
      const put = await send('PUT', '/api/outcomes', authorization);
      expect([put.status, put.headers.get('allow')]).toEqual([405, 'POST, OPTIONS']);
      const options = await send('OPTIONS', '/api/cases/LEAD-1/consent', authorization);
      expect([options.status, options.headers.get('allow')]).toEqual([204, 'POST, OPTIONS']);
    }
    // A path it does not serve is still not found, and a served method still goes through the sign-in check.
    expect((await send('DELETE', '/api/no-such-thing', `Bearer ${token}`)).status).toBe(404);
    expect((await send('GET', '/api/cases/LEAD-1')).status).toBe(401);
  });

  test('every method the document lists for a path is in its Allow, and nothing else but HEAD and OPTIONS', async () => {
    const doc = await (await fetch(`${stack.baseUrl}/api/openapi.json`)).json();
    const { token } = await stack.tokens.issue({ id: 'supervisor-1', role: 'supervisor' });
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      const res = await send('PATCH', path.replace(/\{\w+\}/g, 'x'), `Bearer ${token}`);
      const methods = Object.keys(operations).map((m) => m.toUpperCase());
      const expected = [...methods.sort(), ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
      expect([path, res.status, res.headers.get('allow')]).toEqual([path, 405, expected]);
    }
  });

  test('POST /api/outcomes documents the 404 it answers for a case nobody may read', async () => {
    const doc = await (await fetch(`${stack.baseUrl}/api/openapi.json`)).json();
    expect(Object.keys(doc.paths['/api/outcomes'].post.responses)).toContain('404');
    const res = await apiAs(stack.baseUrl, 'officer').post('/api/outcomes', {
      entryId: 'e-1',
      subject: { caseId: 'LEAD-NO-SUCH-CASE' },
      kind: 'ARREST',
      occurredOn: '2026-01-02',
      level: 'MISDEMEANOR',
      agency: 'SPD',
    });
    expect(res.status).toBe(404);
  });

  test('the document states the input rules: no NUL, trimmed lengths, follow-up months, verbal consent', async () => {
    const doc = await (await fetch(`${stack.baseUrl}/api/openapi.json`)).json();
    const body = (path: string) => doc.paths[path].post.requestBody.content['application/json'].schema;
    const note = body('/api/cases/{caseId}/notes').properties.note;
    expect(note.minLength).toBeUndefined();
    expect(new RegExp(note.pattern, 'u').test(`  ${'a'.repeat(2000)}  `)).toBe(true);
    expect(new RegExp(note.pattern, 'u').test('a\u0000b')).toBe(false);
    expect(JSON.stringify(body('/api/follow-ups/{recordId}/confirmations').properties.months)).toBe(
      JSON.stringify({
        anyOf: [
          { type: 'number', enum: [6] },
          { type: 'number', enum: [12] },
          { type: 'number', enum: [24] },
        ],
        description: 'Which follow-up: 6, 12 or 24 months (R-EVAL)',
      }),
    );
    const verbal = body('/api/cases/{caseId}/consent').oneOf.find(
      (shape: { properties: { method: { enum?: string[] } } }) =>
        shape.properties.method.enum?.[0] === 'VERBAL_MEMORIALIZED',
    );
    expect(verbal.required).toContain('memorializedBy');
  });
});
