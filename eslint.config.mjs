// The lint gate of `npm test` (npm run lint): promises that nobody awaits or that are passed where a
// callback's result is ignored, import cycles, workflow code that could break determinism, and Prisma used
// outside the query layer (src/db/).
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// The query layer (issue 24 item 3): Prisma is used in `src/db/` only. Its model delegates (`db.referral`,
// `tx.caseEvent`, …) are named from the schema, so a new model is covered without touching this file.
const prismaModels = [
  ...readFileSync(new URL('prisma/schema.prisma', import.meta.url), 'utf8').matchAll(/^model (\w+)/gm),
].map(([, name]) => name[0].toLowerCase() + name.slice(1));
const PRISMA_OPERATIONS = [
  'findMany',
  'findFirst',
  'findFirstOrThrow',
  'findUnique',
  'findUniqueOrThrow',
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
  'count',
  'aggregate',
  'groupBy',
];
const QUERY_LAYER =
  "Query the database through the query layer (src/db/queries/), which applies the reader's scope once (issue 24 item 3).";
const prismaImports = {
  // Types of rows (`Referral`, `Prisma.ReferralWhereInput`) may still be named: they query nothing.
  allowTypeImports: true,
  group: ['**/generated/prisma/**', '@prisma/client', '@prisma/client/**', '@prisma/adapter-*'],
  message: QUERY_LAYER,
};
const prismaCalls = [
  {
    selector: `CallExpression > MemberExpression.callee[property.name=/^(${PRISMA_OPERATIONS.join('|')})$/] > MemberExpression.object[property.name=/^(${prismaModels.join('|')})$/]`,
    message: QUERY_LAYER,
  },
  {
    selector:
      'MemberExpression[property.name=/^\\$(transaction|queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe)$/]',
    message: QUERY_LAYER,
  },
];

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
            'Name the patch in PATCHES (workflows/patches.ts) so the README and the replay fixtures can follow it.',
        },
      ],
    },
  },
  {
    // The query layer (issue 24 item 3): outside src/db/, no Prisma client and no query of it — the
    // routes, activities, referrals, evaluation, reports, auth and process code call src/db/queries/.
    files: ['src/**/*.ts', 'activities/**/*.ts', 'test/fixtures/lint/query-layer/**/*.ts'],
    // No exceptions: every file outside src/db/ queries through src/db/queries/ (src/case/ has its own block below).
    ignores: ['src/db/**', 'src/generated/**', 'src/case/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [prismaImports] }],
      'no-restricted-syntax': ['error', ...prismaCalls],
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
              message:
                'The case domain is free of Temporal: a decider returns a refusal (src/case/rejections.ts); the workflow makes it a failure.',
            },
            prismaImports,
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...prismaCalls],
    },
  },
  {
    // The pages' scripts and the tests' support read their types from the route contracts and the zod
    // schemas (issue 24 item 6): an `any` there would hide an answer the contract does not declare.
    files: ['src/web/client/**/*.ts', 'test/support/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
);
