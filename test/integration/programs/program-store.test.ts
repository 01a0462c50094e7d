import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEFAULT_CONFIG_FILE } from '../../../src/config/load-config';
import { changeProgram, programHistory, programsInForce, ProgramConflictError } from '../../../src/db/queries/programs';
import { programWrite } from '../../../src/programs/program';
import { ProgramRegistry } from '../../../src/programs/program-registry';
import {
  HARBOR_COUNTY_CONFIG_FILE,
  programSource,
  programSourcesFrom,
  readProgramFiles,
  seedPrograms,
} from '../../../src/programs/program-sources';
import { seededDatabase } from '../../support/seeded-database';

/**
 * Issue 26 item 1: programs as data. A deployment's jurisdiction files start its programs once; each
 * later change is a new version, in force from its commit, written in its author's name, never replacing
 * an earlier one; every process reads it without a restart.
 */
const db = seededDatabase(async () => {});
const SOURCES = readProgramFiles([programSource(DEFAULT_CONFIG_FILE), programSource(HARBOR_COUNTY_CONFIG_FILE)]);
const burienFile = () => JSON.parse(readFileSync(DEFAULT_CONFIG_FILE, 'utf8')) as Record<string, any>;
const PM = { id: 'pm-1', role: 'project_manager' };

test('the files start Burien and Harbor County once: a second start adds nothing and keeps every version', async () => {
  expect(await seedPrograms(db(), SOURCES)).toEqual(['burien', 'harbor-county']);
  expect(await seedPrograms(db(), SOURCES)).toEqual([]);
  const programs = await programsInForce(db());
  expect(programs.map((p) => [p.id, p.name, p.caseIdPrefix, p.version])).toEqual([
    ['burien', 'Burien LEAD', 'BUR', 1],
    ['harbor-county', 'Harbor County LEAD', 'HBR', 1],
  ]);
  const [first] = await programHistory(db(), 'burien');
  expect(first).toMatchObject({ version: 1, note: 'version 1, from burien.json', actorId: null });
  expect(first!.config).toEqual(burienFile());
});

test('processes starting at once start a program once, and a file whose prefix another program has is refused', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lead-programs-'));
  const riverside = burienFile();
  riverside.program = { ...riverside.program, name: 'Riverside LEAD', caseIdPrefix: 'RIV' };
  writeFileSync(path.join(dir, 'riverside.json'), JSON.stringify(riverside));
  const source = programSource(path.join(dir, 'riverside.json'));
  const starts = await Promise.all([1, 2, 3].map(() => seedPrograms(db(), readProgramFiles([source]))));
  expect(starts.flat()).toEqual(['riverside']);
  expect((await programHistory(db(), 'riverside')).map((v) => v.version)).toEqual([1]);

  writeFileSync(path.join(dir, 'lakeside.json'), JSON.stringify(riverside));
  await expect(
    seedPrograms(db(), readProgramFiles([programSource(path.join(dir, 'lakeside.json'))])),
  ).rejects.toMatchObject({
    field: 'program.caseIdPrefix',
  });
});

test('a deployment of one program names it by its file; LEAD_PROGRAM_FILES names several, the first served', () => {
  expect(programSourcesFrom({ LEAD_CONFIG_FILE: '/etc/lead/king-county.json' })).toEqual([
    { id: 'king-county', file: '/etc/lead/king-county.json' },
  ]);
  expect(
    programSourcesFrom({ LEAD_PROGRAM_FILES: `${DEFAULT_CONFIG_FILE}, ${HARBOR_COUNTY_CONFIG_FILE}` }).map((s) => s.id),
  ).toEqual(['burien', 'harbor-county']);
  expect(() => programSource('/etc/lead/King County.json')).toThrow(/program's id.*lower-case letters/);
});

test("a change is a new version in its author's name and time; the one it was made to must still be in force", async () => {
  const config = burienFile();
  config.durations.intakeDeadline = '45 days';
  const write = programWrite('burien', config, 'council extended the intake window');
  expect(await changeProgram(db(), { ...write, expectedVersion: 1 }, PM)).toEqual({ version: 2 });

  // Someone who read version 1 meanwhile cannot overwrite version 2 unseen.
  const stale = changeProgram(db(), { ...write, expectedVersion: 1 }, { id: 'sup-1', role: 'supervisor' });
  await expect(stale).rejects.toThrow(ProgramConflictError);
  await expect(stale).rejects.toMatchObject({ field: 'expectedVersion' });

  const history = await programHistory(db(), 'burien');
  expect(history.map((v) => [v.version, v.actorId, v.actorRole, v.note])).toEqual([
    [2, 'pm-1', 'project_manager', 'council extended the intake window'],
    [1, null, null, 'version 1, from burien.json'],
  ]);
  expect(history[0]!.at.getTime()).toBeGreaterThan(history[1]!.at.getTime());
  expect(await changeProgram(db(), { ...programWrite('nowhere', config, 'x'), expectedVersion: 1 }, PM)).toBe(
    'missing',
  );
});

test('a configuration is checked as a jurisdiction file is, and a program keeps its case id prefix', async () => {
  const config = burienFile();
  config.durations.intakeDeadline = 'a month';
  expect(() => programWrite('burien', config, 'x')).toThrow(ConfigError);
  expect(() => programWrite('burien', config, 'x')).toThrow(/durations\.intakeDeadline: "a month" is not a duration/);

  const harbor = JSON.parse(readFileSync(HARBOR_COUNTY_CONFIG_FILE, 'utf8')) as Record<string, any>;
  harbor.program.caseIdPrefix = 'BUR';
  // The prefix is in the id of every case of the program: a version keeps it.
  const changed = changeProgram(db(), { ...programWrite('harbor-county', harbor, 'x'), expectedVersion: 1 }, PM);
  await expect(changed).rejects.toMatchObject({ field: 'program.caseIdPrefix' });
  await expect(changed).rejects.toThrow(/"HBR" for good/);
  expect((await programsInForce(db())).find((p) => p.id === 'harbor-county')?.version).toBe(1);
});

test('a version, once written, cannot be changed or removed by the application', async () => {
  await expect(db().$executeRaw`UPDATE "ProgramConfigVersion" SET "note" = 'rewritten'`).rejects.toThrow(
    /permission denied|append-only/,
  );
  await expect(db().$executeRaw`DELETE FROM "ProgramConfigVersion"`).rejects.toThrow(/permission denied|append-only/);
});

test('a process reads a version another wrote at its next check, without a restart', async () => {
  let now = 0;
  const registry = await ProgramRegistry.open(db(), { staleAfterMs: 1_000, now: () => now });
  const before = (await registry.program('burien'))!;
  const config = burienFile();
  config.durations.intakeDeadline = '60 days';
  await changeProgram(db(), { ...programWrite('burien', config, 'pilot'), expectedVersion: before.version }, PM);

  // Within the check's interval the copy is trusted; after it, the new version is in force.
  expect((await registry.program('burien'))!.version).toBe(before.version);
  now = 1_000;
  const after = (await registry.program('burien'))!;
  expect(after.version).toBe(before.version + 1);
  expect(after.config.durations.intakeDeadline).toBe(60 * 86_400_000);
  expect((await registry.program('harbor-county'))!.version).toBe(1);
});
