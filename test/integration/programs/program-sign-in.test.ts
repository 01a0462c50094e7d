import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../src/api/app';
import { hashPassword } from '../../../src/auth/passwords';
import { DEFAULT_CONFIG_FILE } from '../../../src/config/load-config';
import { createAccount } from '../../../src/db/queries/accounts';
import { createLogger } from '../../../src/logging';
import { ProgramRegistry } from '../../../src/programs/program-registry';
import {
  HARBOR_COUNTY_CONFIG_FILE,
  programSource,
  readProgramFiles,
  seedPrograms,
} from '../../../src/programs/program-sources';
import { CaseWorkflows } from '../../../src/temporal/case-workflows';
import { apiAs, registerTestTokens } from '../../support/api-client';
import { GENEROUS_LIMITS, startTestStack, type TestStack } from '../../support/test-stack';

/**
 * Issue 26 item 3: a service that runs several programs takes no sign-in that names none — such a
 * sign-in would be limited to no program. Local accounts carry their programs into their sessions.
 */
let stack: TestStack;
let server: Server;
let baseUrl: string;
const PASSWORD = 'a-long-enough-password-1';
beforeAll(async () => {
  stack = await startTestStack();
  await seedPrograms(
    stack.db,
    readProgramFiles([programSource(DEFAULT_CONFIG_FILE), programSource(HARBOR_COUNTY_CONFIG_FILE)]),
  );
  const app = createApp({
    db: stack.db,
    cases: new CaseWorkflows(stack.env.client),
    config: stack.config,
    tokens: stack.tokens,
    programs: await ProgramRegistry.open(stack.db),
    limits: GENEROUS_LIMITS,
    log: createLogger('lead-api', 'warn'),
  });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  registerTestTokens(baseUrl, stack.tokens);
  const passwordHash = await hashPassword(PASSWORD);
  await createAccount(stack.ownerDb, { id: 'pm.nowhere', displayName: 'PM', role: 'project_manager', passwordHash });
  await createAccount(stack.ownerDb, {
    id: 'pm.harbor',
    displayName: 'PM Harbor',
    role: 'project_manager',
    programs: ['harbor-county'],
    passwordHash,
  });
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await stack?.stop();
});

const signIn = async (username: string) => {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { token?: string; error?: { code: string; message: string } },
  };
};

test('a token naming no program is refused, naming the claim; one naming its programs is served', async () => {
  const none = await apiAs(baseUrl, 'supervisor').get('/api/programs');
  expect(none).toMatchObject({ status: 401, body: { error: { code: 'PROGRAM_REQUIRED' } } });
  expect(JSON.stringify(none.body)).toContain('lead_programs');
  const named = await apiAs(baseUrl, 'supervisor', 'sup-2', { programs: ['burien'] }).getOk('/api/programs');
  expect(named.body.programs.map((p) => p.id)).toEqual(['burien']);
});

test('a local account without programs cannot sign in; one with programs carries them into its session', async () => {
  expect(await signIn('pm.nowhere')).toMatchObject({ status: 403, body: { error: { code: 'PROGRAM_REQUIRED' } } });
  const harbor = await signIn('pm.harbor');
  expect(harbor.status).toBe(200);
  expect(await stack.tokens.verify(harbor.body.token!)).toMatchObject({ id: 'pm.harbor', programs: ['harbor-county'] });
  const listed = await fetch(`${baseUrl}/api/programs`, { headers: { authorization: `Bearer ${harbor.body.token}` } });
  expect(((await listed.json()) as { programs: Array<{ id: string }> }).programs.map((p) => p.id)).toEqual([
    'harbor-county',
  ]);
});
