import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createTokenService, generateLocalKey } from '../../../src/auth/tokens';
import { formatPayloadKeys } from '../../../src/temporal/payload-encryption';
import { waitFor } from '../../support/api-client';
import { freePort } from '../../../src/net/free-port';
import { startTestStack, TEST_PASSWORD, type TestStack } from '../../support/test-stack';

/**
 * Accounts as administrators run them: `npm run users` adds, resets, disables and enables people, and a
 * disabled account or a reset password ends every session at once. The demo people exist only in
 * `npm start`'s embedded database: an API on any other database refuses them.
 */
const ROOT = path.resolve(__dirname, '../../..');
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

// As administrators run it: as the database's owner, the role that provisions people. Run without
// blocking this process, whose event loop serves the API the test then calls.
const usersAs = (url: string, ...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/main/users.ts', ...args],
      { cwd: ROOT, env: { ...process.env, MIGRATION_DATABASE_URL: url }, encoding: 'utf8', timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });
const users = (...args: string[]) => usersAs(stack.databaseUrls.owner, ...args);
const passwordIn = (stdout: string) => stdout.match(/shown once: (\S+)/)![1];

async function signIn(baseUrl: string, username: string, password: string) {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, body: await res.json() };
}
async function me(baseUrl: string, token: string) {
  const res = await fetch(`${baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

test('npm run users: wrong input names the field; nothing is written', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['add', 'ana.lopez', '--name', 'Ana Lopez', '--role', 'chief'], /--role: one of officer, sergeant/],
    [
      ['add', 'ana.lopez', '--name', 'Ana Lopez', '--role', 'officer'],
      /--agency: a officer belongs to one of BURIEN_PD/,
    ],
    [
      ['add', 'ana.lopez', '--name', 'Ana Lopez', '--role', 'prosecutor', '--office', 'NOWHERE'],
      /--office: a prosecutor belongs to one of/,
    ],
    [['add', 'demo-admin', '--name', 'Sneaky', '--role', 'supervisor'], /id: "demo-" is reserved/],
    [['add', 'ana lopez', '--name', 'Ana Lopez', '--role', 'supervisor'], /id: "ana lopez" must be/],
    [
      ['add', 'ana.lopez', '--name', 'Ana Lopez', '--role', 'supervisor', '--program', 'riverside'],
      /--program: riverside is not a program of this service \(it runs none yet\)/,
    ],
    [['reset', 'nobody'], /id: no account "nobody"/],
    [['reset', 'demo-supervisor'], /id: "demo-" is reserved/],
    [['promote', 'x'], /command: one of add, reset, disable, enable, list/],
  ];
  for (const [args, message] of cases) {
    const result = await users(...args);
    expect({ args, status: result.status, stderr: result.stderr }).toEqual({
      args,
      status: 1,
      stderr: expect.stringMatching(message),
    });
  }
  expect(await stack.db.user.count({ where: { id: { in: ['ana.lopez', 'demo-admin', 'ana lopez'] } } })).toBe(0);
});

test('issue 22 item 9: the application role cannot provision people; npm run users says which URL to give instead', async () => {
  expect((await users('add', 'sam.ito', '--name', 'Sam Ito', '--role', 'project_manager')).status).toBe(0);
  const before = await stack.db.user.findUnique({ where: { id: 'sam.ito' } });
  for (const args of [
    ['add', 'ana.app', '--name', 'Ana App', '--role', 'supervisor'],
    ['reset', 'sam.ito'],
    ['disable', 'sam.ito'],
  ]) {
    const result = await usersAs(stack.databaseUrls.app, ...args);
    expect({ args, status: result.status, stderr: result.stderr }).toEqual({
      args,
      status: 1,
      stderr: expect.stringMatching(/MIGRATION_DATABASE_URL: the role "lead_app" may not provision people/),
    });
  }
  expect(await stack.db.user.count({ where: { id: 'ana.app' } })).toBe(0);
  expect(await stack.db.user.findUnique({ where: { id: 'sam.ito' } })).toEqual(before);
});

test('add, sign in, reset (old sessions and password end), disable (at once), enable', async () => {
  const added = await users(
    'add',
    'ana.lopez',
    '--name',
    'Officer Ana Lopez',
    '--role',
    'officer',
    '--agency',
    'BURIEN_PD',
  );
  expect(added.stderr).toBe('');
  expect(added.stdout).toMatch(/^Added ana\.lopez \(officer, BURIEN_PD\)\. Password, shown once: \S{20}/);
  const first = passwordIn(added.stdout);
  expect(JSON.stringify(await stack.db.user.findUnique({ where: { id: 'ana.lopez' } }))).not.toContain(first);

  const session = await signIn(stack.baseUrl, 'ana.lopez', first);
  expect(session.status).toBe(200);
  expect((await me(stack.baseUrl, session.body.token)).body.user).toMatchObject({
    id: 'ana.lopez',
    role: 'officer',
    agency: 'BURIEN_PD',
  });

  const reset = await users('reset', 'ana.lopez');
  expect(reset.stdout).toMatch(/its sessions have ended/);
  expect(await me(stack.baseUrl, session.body.token)).toEqual({
    status: 401,
    body: { error: expect.objectContaining({ code: 'SESSION_REVOKED' }) },
  });
  expect((await signIn(stack.baseUrl, 'ana.lopez', first)).status).toBe(401);
  const second = await signIn(stack.baseUrl, 'ana.lopez', passwordIn(reset.stdout));
  expect(second.status).toBe(200);

  expect((await users('disable', 'ana.lopez')).status).toBe(0);
  expect(await me(stack.baseUrl, second.body.token)).toEqual({
    status: 401,
    body: { error: expect.objectContaining({ code: 'ACCOUNT_DISABLED' }) },
  });
  expect((await signIn(stack.baseUrl, 'ana.lopez', passwordIn(reset.stdout))).body.error.code).toBe(
    'WRONG_CREDENTIALS',
  );

  expect((await users('enable', 'ana.lopez')).status).toBe(0);
  expect((await signIn(stack.baseUrl, 'ana.lopez', passwordIn(reset.stdout))).status).toBe(200);
  expect((await users('list')).stdout).toMatch(/^ana\.lopez\tofficer\tBURIEN_PD\t\tactive\t\tOfficer Ana Lopez$/m);
});

describe("the demo people on a database that is not npm start's embedded one", () => {
  let api: ChildProcess;
  let baseUrl: string;
  const localKey = generateLocalKey();

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    // The production API process, pointed at a database where `npm start` seeded its demo people.
    api = spawn(process.execPath, ['--import', 'tsx', 'src/main/api.ts'], {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: stack.databaseUrls.app,
        TEMPORAL_ADDRESS: stack.env.address,
        LEAD_PAYLOAD_KEYS: formatPayloadKeys(stack.payloadKeys),
        AUTH_LOCAL_KEY: JSON.stringify(await localKey),
        AUTH_ISSUER: 'lead-referrals',
        AUTH_AUDIENCE: 'lead-referrals',
        CSRF_SECRET: randomBytes(32).toString('base64'),
        EVALUATION_PSEUDONYM_KEY: randomBytes(32).toString('base64'),
      },
    });
    await waitFor(
      async () => (await fetch(`${baseUrl}/readyz`).catch(() => undefined))?.ok,
      'the API to be ready',
      60_000,
    );
  });
  afterAll(() => {
    api?.kill('SIGTERM');
  });

  test('sign-in is refused, and so is a session minted for one', async () => {
    expect((await signIn(stack.baseUrl, 'demo-supervisor', TEST_PASSWORD)).status).toBe(200); // the embedded default accepts them
    const refused = await signIn(baseUrl, 'demo-supervisor', TEST_PASSWORD);
    expect(refused).toEqual({
      status: 401,
      body: {
        error: expect.objectContaining({
          code: 'DEMO_ACCOUNT_REFUSED',
          message: expect.stringContaining('npm run users'),
        }),
      },
    });
    const tokens = await createTokenService({
      issuer: 'lead-referrals',
      audience: 'lead-referrals',
      sessionSeconds: 600,
      localKey: await localKey,
    });
    const { token } = await tokens.issue({ id: 'demo-supervisor', role: 'supervisor', sessionVersion: 0 });
    expect((await me(baseUrl, token)).body.error.code).toBe('DEMO_ACCOUNT_REFUSED');
    expect((await fetch(`${baseUrl}/api/stuck`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  test('issue 22 item 5: a demo person an earlier version seeded without the mark (demo-doc-nci) is refused too', async () => {
    await stack.ownerDb.user.update({ where: { id: 'demo-doc-nci' }, data: { demo: false } });
    try {
      expect((await signIn(baseUrl, 'demo-doc-nci', TEST_PASSWORD)).body.error.code).toBe('DEMO_ACCOUNT_REFUSED');
      const tokens = await createTokenService({
        issuer: 'lead-referrals',
        audience: 'lead-referrals',
        sessionSeconds: 600,
        localKey: await localKey,
      });
      const { token } = await tokens.issue({ id: 'demo-doc-nci', role: 'doc_nci', sessionVersion: 0 });
      expect((await me(baseUrl, token)).body.error.code).toBe('DEMO_ACCOUNT_REFUSED');
    } finally {
      await stack.ownerDb.user.update({ where: { id: 'demo-doc-nci' }, data: { demo: true } });
    }
  });
});

test('issue 22 item 6: signing out ends the session — its cookie and its token are refused from then on (401)', async () => {
  const first = await signIn(stack.baseUrl, 'demo-sergeant', TEST_PASSWORD);
  const elsewhere = await signIn(stack.baseUrl, 'demo-sergeant', TEST_PASSWORD); // the same person on another device
  const cookie = `lead_session=${first.body.token}`;
  const withCookie = () => fetch(`${stack.baseUrl}/api/auth/me`, { headers: { cookie } });
  expect((await withCookie()).status).toBe(200);

  const signOut = await fetch(`${stack.baseUrl}/api/auth/sign-out`, { method: 'POST', headers: { cookie } });
  expect(signOut.status).toBe(200);
  expect(signOut.headers.get('set-cookie')).toMatch(/^lead_session=;/);
  const refused = await withCookie();
  expect(refused.status).toBe(401);
  expect((await refused.json()).error).toEqual({
    code: 'SESSION_SIGNED_OUT',
    message: 'This session was signed out; sign in again',
  });
  expect((await me(stack.baseUrl, first.body.token)).status).toBe(401);
  // Only that session ended: the other device stays signed in, and signing in again works.
  expect((await me(stack.baseUrl, elsewhere.body.token)).status).toBe(200);
  expect(
    (await me(stack.baseUrl, (await signIn(stack.baseUrl, 'demo-sergeant', TEST_PASSWORD)).body.token)).status,
  ).toBe(200);
  // The sign-out is audited as the person who signed out.
  const row = await stack.db.auditEntry.findFirstOrThrow({
    where: { requestId: signOut.headers.get('x-request-id')! },
  });
  expect([row.actorId, row.action, row.status]).toEqual(['demo-sergeant', 'auth.signOut', 200]);
});
