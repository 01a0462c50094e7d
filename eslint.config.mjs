// The lint gate of `npm test` (npm run lint): promises that nobody awaits or that are passed where a
// callback's result is ignored, import cycles, and workflow code that could break determinism.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'src/generated/',
      'test-artifacts/',
      'scratch/',
      '.data/',
      '.tools/',
      'dist/',
      'src/web/client/dist/',
      // Code the lint gate must refuse, linted by test/unit/lint-gate.test.ts.
      'test/fixtures/lint/',
    ],
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver()],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      'import-x/no-cycle': 'error',
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node built-ins (as in Temporal's samples),
    // and every patch named in PATCHES (README: "Changing workflow code safely").
    files: ['workflows/**/*.ts', 'test/fixtures/**/workflows.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Workflow code runs in the deterministic sandbox: no Node built-ins.',
          })),
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.name=/^(patched|deprecatePatch)$/] > Literal',
          message:
            'Name the patch in PATCHES (workflows/case-runtime.ts) so the README and the replay fixtures can follow it.',
        },
      ],
    },
  },
  {
    // The case domain: pure, so the workflows, the API, referrals and evaluation share it; the workflow
    // bundle loads it, so no Node built-ins either.
    files: ['src/case/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'The case domain runs in the workflow sandbox too: no Node built-ins.',
          })),
          patterns: [
            {
              group: ['@temporalio/*'],
              message: 'The case domain is free of Temporal: refuse with CaseRejection (src/case/rejections.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // The pages' scripts and the tests' support read their types from the route contracts and the zod
    // schemas (issue 24 item 6): an `any` there would hide an answer the contract does not declare.
    files: ['src/web/client/**/*.ts', 'test/support/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
);
