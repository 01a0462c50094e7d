import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG_FILE } from '../../../src/config/load-config';
import { HARBOR_COUNTY_CONFIG_FILE } from '../../../src/programs/program-sources';
import { apiAs, expectStatus } from '../../support/api-client';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * Issue 26 item 1 through the API: a program is added from a jurisdiction file's content and changed by
 * new versions, each checked as the files are, written in the signed-in person's name and audited.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const file = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
const pm = () => apiAs(stack.baseUrl, 'project_manager');
const supervisor = () => apiAs(stack.baseUrl, 'supervisor');

test('a project manager adds two programs and changes one; the history names who, when and why', async () => {
  expectStatus(
    await pm().post('/api/programs', { id: 'burien', config: file(DEFAULT_CONFIG_FILE), note: 'from the file' }),
    201,
  );
  const added = await supervisor().post('/api/programs', {
    id: 'harbor-county',
    config: file(HARBOR_COUNTY_CONFIG_FILE),
    note: 'the county joins',
  });
  expect(added).toMatchObject({ status: 201, body: { programId: 'harbor-county', version: 1 } });

  const changed = file(DEFAULT_CONFIG_FILE);
  changed.capacity.caseManagerFte = 3;
  const v2 = await pm().post('/api/programs/burien/versions', {
    expectedVersion: 1,
    config: changed,
    note: 'a third case manager',
  });
  expect(v2).toMatchObject({ status: 201, body: { programId: 'burien', version: 2 } });

  const list = await supervisor().getOk('/api/programs');
  expect(list.body.programs.map((p) => [p.id, p.caseIdPrefix, p.version])).toEqual([
    ['burien', 'BUR', 2],
    ['harbor-county', 'HBR', 1],
  ]);
  const history = await pm().getOk('/api/programs/burien/versions');
  expect(history.body.versions.map((v) => [v.version, v.actorId, v.actorRole, v.note])).toEqual([
    [2, 'project_manager-1', 'project_manager', 'a third case manager'],
    [1, 'project_manager-1', 'project_manager', 'from the file'],
  ]);
  expect(history.body.versions[0]!.config).toEqual(changed);
  const audited = await stack.db.auditEntry.findMany({
    where: { path: { startsWith: '/api/programs' }, method: 'POST' },
    orderBy: { id: 'asc' },
  });
  expect(audited.map((a) => [a.actorId, a.status])).toEqual([
    ['project_manager-1', 201],
    ['supervisor-1', 201],
    ['project_manager-1', 201],
  ]);
});

test('every wrong input is refused naming its field: a bad duration, a stale version, a taken prefix or id', async () => {
  const bad = file(DEFAULT_CONFIG_FILE);
  bad.durations.intakeDeadline = 'a month';
  const invalid = await pm().post('/api/programs/burien/versions', { expectedVersion: 2, config: bad, note: 'x' });
  expect(invalid.status).toBe(400);
  expect(JSON.stringify(invalid.body)).toContain('config.durations.intakeDeadline');

  const stale = await pm().post('/api/programs/burien/versions', {
    expectedVersion: 1,
    config: file(DEFAULT_CONFIG_FILE),
    note: 'made to version 1',
  });
  expect(stale).toMatchObject({ status: 409, body: { error: { code: 'PROGRAM_VERSION_STALE' } } });
  expect(JSON.stringify(stale.body)).toContain('"field":"expectedVersion"');

  const clash = file(HARBOR_COUNTY_CONFIG_FILE);
  clash.program.caseIdPrefix = 'BUR';
  const taken = await pm().post('/api/programs/harbor-county/versions', {
    expectedVersion: 1,
    config: clash,
    note: 'x',
  });
  expect(taken).toMatchObject({ status: 409, body: { error: { code: 'PROGRAM_CONFLICT' } } });
  expect(JSON.stringify(taken.body)).toContain('config.program.caseIdPrefix');

  const again = await pm().post('/api/programs', { id: 'burien', config: file(DEFAULT_CONFIG_FILE), note: 'x' });
  expect(again).toMatchObject({ status: 409, body: { error: { code: 'PROGRAM_CONFLICT' } } });
  expect(
    (
      await pm().post('/api/programs/nowhere/versions', {
        expectedVersion: 1,
        config: file(DEFAULT_CONFIG_FILE),
        note: 'x',
      })
    ).status,
  ).toBe(404);
  expect((await supervisor().getOk('/api/programs')).body.programs.map((p) => p.version)).toEqual([2, 1]);
});

test('only project managers and supervisors read or change programs', async () => {
  for (const role of ['officer', 'case_manager', 'prosecutor', 'evaluator'] as const) {
    expect((await apiAs(stack.baseUrl, role).get('/api/programs')).status).toBe(403);
    const change = await apiAs(stack.baseUrl, role).post('/api/programs/burien/versions', {
      expectedVersion: 2,
      config: file(DEFAULT_CONFIG_FILE),
      note: 'x',
    });
    expect(change.status).toBe(403);
  }
});

test('a sign-in naming its programs knows only those: another is not found, and adding one is not theirs', async () => {
  const harborPm = apiAs(stack.baseUrl, 'project_manager', 'pm-harbor', { programs: ['harbor-county'] });
  expect((await harborPm.getOk('/api/programs')).body.programs.map((p) => p.id)).toEqual(['harbor-county']);
  expect((await harborPm.get('/api/programs/burien/versions')).status).toBe(404);
  const change = await harborPm.post('/api/programs/burien/versions', {
    expectedVersion: 2,
    config: file(DEFAULT_CONFIG_FILE),
    note: 'x',
  });
  expect(change).toMatchObject({ status: 404, body: { error: { code: 'PROGRAM_NOT_FOUND' } } });
  const add = await harborPm.post('/api/programs', { id: 'riverside', config: file(DEFAULT_CONFIG_FILE), note: 'x' });
  expect(add).toMatchObject({ status: 403, body: { error: { code: 'PROGRAM_SCOPE' } } });
  expect((await supervisor().getOk('/api/programs/burien/versions')).body.versions).toHaveLength(2);
});
