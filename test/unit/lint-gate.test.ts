import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** The lint gate's findings on files it must refuse (kept out of `npm run lint` by its ignores). */
function lintFindings(...files: string[]): Array<{ file: string; ruleId: string | null }> {
  const eslint = path.join(root, 'node_modules/eslint/bin/eslint.js');
  const run = spawnSync(process.execPath, [eslint, '--no-ignore', '--format', 'json', ...files], {
    cwd: root,
    encoding: 'utf8',
  });
  const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null }> }>;
  return results.flatMap((r) => r.messages.map((m) => ({ file: path.relative(root, r.filePath), ruleId: m.ruleId })));
}

test('the lint gate refuses an import cycle (import-x/no-cycle)', () => {
  const findings = lintFindings('test/fixtures/lint/cycle/a.ts', 'test/fixtures/lint/cycle/b.ts');
  expect(findings).toEqual([
    { file: 'test/fixtures/lint/cycle/a.ts', ruleId: 'import-x/no-cycle' },
    { file: 'test/fixtures/lint/cycle/b.ts', ruleId: 'import-x/no-cycle' },
  ]);
}, 120_000);

test('the lint gate refuses Prisma outside src/db/: its client as a value, a model query, a transaction (issue 24 item 3)', () => {
  const findings = lintFindings(
    'test/fixtures/lint/query-layer/route.ts',
    'test/fixtures/lint/query-layer/types-only.ts',
  );
  expect(findings).toEqual([
    { file: 'test/fixtures/lint/query-layer/route.ts', ruleId: 'no-restricted-imports' },
    { file: 'test/fixtures/lint/query-layer/route.ts', ruleId: 'no-restricted-syntax' },
    { file: 'test/fixtures/lint/query-layer/route.ts', ruleId: 'no-restricted-syntax' },
  ]);
}, 120_000);

test('the lint gate refuses a climbing import, from a layer to one above it (import-x/no-restricted-paths)', () => {
  const findings = lintFindings(
    'test/fixtures/lint/climb/src/shared/climbs.ts',
    'test/fixtures/lint/climb/src/temporal/case-client.ts',
  );
  expect(findings).toEqual([
    { file: 'test/fixtures/lint/climb/src/shared/climbs.ts', ruleId: 'import-x/no-restricted-paths' },
  ]);
}, 120_000);

test('the lint gate refuses a switch whose default hides a member of its union (switch-exhaustiveness-check)', () => {
  const findings = lintFindings('test/fixtures/lint/switch/hidden-member.ts');
  expect(findings).toEqual([
    { file: 'test/fixtures/lint/switch/hidden-member.ts', ruleId: '@typescript-eslint/switch-exhaustiveness-check' },
  ]);
}, 120_000);

test("the lint gate refuses every require in workflow code, the case actions' schemas included (issue 24 item 5)", () => {
  const findings = lintFindings('test/fixtures/lint/sandbox-require/workflows.ts');
  expect(findings).toEqual([
    { file: 'test/fixtures/lint/sandbox-require/workflows.ts', ruleId: 'no-restricted-syntax' },
  ]);
}, 120_000);
