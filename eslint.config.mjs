// The lint gate of `npm test` (npm run lint): promises that nobody awaits or that are passed where a
// callback's result is ignored, import cycles, and workflow code that could break determinism.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * The layers of the project, bottom first (README: Layout). A folder imports only folders of the layers
 * below its own — never one beside it or above — so the code climbs no imports and no cycle can span
 * folders. `src/web/*.ts` are the server's pages; `src/web/client/` is the browser's script, which reads
 * the API's answers by their types, so it sits above the API that serves the pages.
 * Outside them: `scripts/`, `bench/` and `test/` drive the whole product and may import any layer.
 */
const LAYERS = [
  ['src/shared', 'src/eligibility', 'src/net', 'src/mail', 'src/process'],
  ['src/config', 'src/case', 'src/auth'],
  ['src/db'],
  ['src/temporal'],
  ['src/referrals'],
  ['src/evaluation'],
  ['src/reports'],
  ['src/disclosure'],
  ['activities'],
  ['workflows'],
  ['src/web/*.ts'],
  ['src/api'],
  ['src/web/client'],
  ['src/stack'],
  ['src/main'],
];

/** `import-x/no-restricted-paths` zones: each folder refuses every folder of its own layer and above. */
function layerZones() {
  const glob = (folder) => (folder.endsWith('.ts') ? folder : `${folder}/**`);
  return LAYERS.flatMap((layer, level) =>
    layer
      .map((folder) => ({
        target: glob(folder),
        from: LAYERS.slice(level)
          .flat()
          .filter((other) => other !== folder)
          .map(glob),
        message: `${folder} is layer ${level} of the README's Layout (eslint.config.mjs LAYERS): it imports only the layers below.`,
      }))
      .filter((zone) => zone.from.length > 0),
  );
}

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
      // A switch over a union names every member: a `default` never stands in for one, so a new member (a
      // new kind of case event) is not silently taken for "owes nothing". A default after them all stays
      // allowed: it answers values from outside the types (a stage stored by other code, `satisfies never`).
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        {
          considerDefaultExhaustiveForUnions: false,
          allowDefaultCaseForExhaustiveSwitch: true,
          requireDefaultForNonUnion: false,
        },
      ],
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerZones() }],
    },
  },
  {
    // The lint gate's own fixture of a climbing import: the same layers, drawn in a tree of its own.
    files: ['test/fixtures/lint/climb/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: `${import.meta.dirname}/test/fixtures/lint/climb`, zones: layerZones() },
      ],
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
);
