import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CASE_ACTION_PATHS } from '../../src/api/case-action-routes';
import type { RouteContract } from '../../src/api/contract/route';
import { caseRoutes } from '../../src/api/routes/case-routes';
import type { CaseWorkflows } from '../../src/temporal/case-workflows';
import { arrestDeciders } from '../../src/case/arrest-decisions';
import { deciders } from '../../src/case/decisions';
import type { Deciders } from '../../src/case/decision-helpers';
import { intakeDeciders } from '../../src/case/intake-decisions';
import { loadConfig } from '../../src/config/load-config';
import type { PrismaClient } from '../../src/generated/prisma/client';
import { ACTION_CATALOGUE } from '../../src/contract/case-action-catalogue';
import { CASE_ACTION_NAMES, CASE_ACTIONS, type CaseActionName } from '../../src/case/actions';
import { inputOf } from '../../src/case/actions/inputs';
import { caseActionUpdate } from '../../src/contract/definitions';
import { PERMISSIONS } from '../../src/contract/permissions';

/**
 * Issue 24 item 2: a case action is declared once (src/case/actions/), and everything else is
 * derived from the declaration — adding an action is one entry plus its decider.
 */
const folder = path.resolve(__dirname, '../../src/case/actions');
const NOT_ACTIONS = ['declaration.ts', 'field-parts.ts', 'index.ts', 'input-kit.ts', 'inputs.ts'];
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

test('every declaration file is registered under the name it is named after', async () => {
  const files = readdirSync(folder).filter((f) => f.endsWith('.ts') && !NOT_ACTIONS.includes(f));
  expect(files.sort()).toEqual(CASE_ACTION_NAMES.map((name) => `${kebab(name)}.ts`).sort());
  for (const name of CASE_ACTION_NAMES) {
    const module = (await import(path.join(folder, kebab(name)))) as Record<string, unknown>;
    expect([name, module[name] === CASE_ACTIONS[name]]).toEqual([name, true]);
  }
});

test('every declared action has its decider, its update, its route, its permission and its place on the page', () => {
  const routes = caseRoutes({
    db: {} as PrismaClient,
    cases: {} as CaseWorkflows,
    config: loadConfig(),
  }).map((r): RouteContract => r.contract);
  // The workflows register an update handler for every decider (workflows/case-workflow.ts).
  expect(Object.keys(deciders).sort()).toEqual([...CASE_ACTION_NAMES].sort());
  for (const name of CASE_ACTION_NAMES) {
    const declared = CASE_ACTIONS[name];
    expect(caseActionUpdate(name).name).toBe(name);
    expect(CASE_ACTION_PATHS[name]).toBe(declared.path);
    const route = routes.find((r) => r.operationId === name);
    expect([name, route?.method, route?.path, route?.access, route?.body]).toEqual([
      name,
      'post',
      `/cases/:caseId/${declared.path}`,
      { permission: `case.${name}` },
      inputOf(name),
    ]);
    expect([name, PERMISSIONS[`case.${name}`]]).toEqual([name, declared.roles]);
    expect([name, ACTION_CATALOGUE[name].label, ACTION_CATALOGUE[name].rules]).toEqual([
      name,
      declared.label,
      declared.rules,
    ]);
  }
  // One action per path: the API tells them apart by it.
  expect(new Set(Object.values(CASE_ACTION_PATHS)).size).toBe(CASE_ACTION_NAMES.length);
});

test('a sergeant is never offered to decide what they submitted (the declared notBySubmitter)', () => {
  const view = { stage: 'OVERRIDE_REQUESTED' } as Parameters<
    NonNullable<(typeof ACTION_CATALOGUE)['decideOverride']['openWhen']>
  >[0];
  const open = ACTION_CATALOGUE.decideOverride.openWhen!;
  expect([open(view, { role: 'sergeant', submitted: true }), open(view, { role: 'sergeant' })]).toEqual([false, true]);
  expect(ACTION_CATALOGUE.recordCaseNote.openWhen).toBeUndefined();
});

test('the compiler refuses a declared action without its decider, and a decider without its declaration', () => {
  // @ts-expect-error the social contacts' deciders are missing: a declared action without its decider does not compile
  const missing: Deciders<CaseActionName> = { ...intakeDeciders, ...arrestDeciders };
  // @ts-expect-error an action that is not declared has no decider type
  type Undeclared = Deciders<'recordSomethingUndeclared'>;
  expect([Object.keys(missing).length < CASE_ACTION_NAMES.length, {} as Undeclared]).toEqual([true, {}]);
});

test('reading the declarations loads no zod: the pages get the permission table without the schemas', async () => {
  const { build } = await import('esbuild');
  const { metafile } = await build({
    entryPoints: [path.resolve(__dirname, '../../src/contract/permissions.ts')],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    format: 'esm',
    logLevel: 'silent',
  });
  const loaded = Object.keys(metafile.inputs);
  expect(loaded.filter((file) => file.includes('node_modules/zod/'))).toEqual([]);
  expect(loaded.some((file) => file.endsWith('case/actions/index.ts'))).toBe(true);
});
