// The lint gate of `npm test` (npm run lint): promises that nobody awaits or that are passed where a
// callback's result is ignored, import cycles, and workflow code that could break determinism.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * The project's files the workflow bundle loads (Temporal's sandbox runs them).
 * test/unit/workflow-sandbox-lint.test.ts builds the bundle and fails when it loads a file outside these.
 */
const SANDBOX_FILES = [
  'workflows/**/*.ts',
  'src/case/**/*.ts',
  'src/shared/*.ts',
  'src/temporal/failure-converter.ts',
  'test/fixtures/**/workflows.ts',
];

const SANDBOX_IMPORTS = [
  ...nodeBuiltins.map((name) => ({
    name,
    message: 'Workflow code runs in the deterministic sandbox: no Node built-ins.',
  })),
  {
    name: 'date-fns-tz',
    message:
      "Time-zone formatting reads the host's time-zone data, which a replay elsewhere may not share: compute local dates outside the workflow (an activity, the API).",
  },
];

const SANDBOX_SYNTAX = [
  {
    selector: "MemberExpression[object.name='console']",
    message: 'Workflow code logs with `log` from @temporalio/workflow (it knows replay); the case domain does not log.',
  },
  {
    selector: "CallExpression[callee.property.name='localeCompare']",
    message: "localeCompare orders by the host's collation data (ICU): compare with < and > in workflow code.",
  },
  {
    selector: 'CallExpression[callee.property.name=/^toLocale/]',
    message: "toLocale…() formats with the host's locale and time-zone data: format outside the workflow.",
  },
  {
    selector: "MemberExpression[object.name='Intl']",
    message:
      "Intl formats with the host's locale and time-zone data: format outside the workflow (an activity, the API).",
  },
  {
    // The one lazy require left (workflows/case-workflow.ts): each cached workflow evaluates its own copy of
    // the modules it loads, and zod with the action schemas costs about 1 MB per cached case, so cases
    // that only wait on timers never load them (commit 596e552). Issue 24 item 5 asks for it gone; an import
    // would cost that memory per case (Temporal's preloadModules, sharing zod across workflows, is untried).
    selector: "CallExpression[callee.name='require']:not([arguments.0.value='../src/shared/case-actions'])",
    message: 'Import modules in workflow code (the bundler resolves imports; a require hides what the bundle loads).',
  },
];

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
    // One logger (issue 24 item 5): pino for the services' logs (src/logging.ts), plain lines for what a
    // person at the terminal reads (src/process/terminal.ts), `log` of @temporalio/workflow in workflows.
    // The browser's script (src/web/client/) keeps the browser's console: pino's browser build would only
    // write to that same console, from a larger bundle.
    files: ['src/**/*.ts', 'activities/**/*.ts', 'workflows/**/*.ts'],
    ignores: ['src/web/client/**'],
    rules: { 'no-console': 'error' },
  },
  {
    // Every file the workflow bundle loads runs in Temporal's deterministic sandbox: no Node built-ins, and
    // nothing whose answer depends on the host's locale or time-zone data, which a replay on another host
    // (another Node, another ICU) may not share.
    files: SANDBOX_FILES,
    rules: {
      'no-restricted-imports': ['error', { paths: SANDBOX_IMPORTS }],
      'no-restricted-syntax': ['error', ...SANDBOX_SYNTAX],
    },
  },
  {
    // The workflows: every patch named in PATCHES (README: "Changing workflow code safely").
    files: ['workflows/**/*.ts', 'test/fixtures/**/workflows.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...SANDBOX_SYNTAX,
        {
          selector: 'CallExpression[callee.name=/^(patched|deprecatePatch)$/] > Literal',
          message:
            'Name the patch in PATCHES (workflows/case-runtime.ts) so the README and the replay fixtures can follow it.',
        },
      ],
    },
  },
  {
    // The case domain: pure, so the workflows, the API, referrals and evaluation share it.
    files: ['src/case/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: SANDBOX_IMPORTS,
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
    // Left open (issue 24 item 5): R-INTAKE's deadline is the end of a local day in the program's time
    // zone, computed by the case's decisions inside the workflow with date-fns-tz. Moving it out of the
    // sandbox changes what the deciders are given; until then this one file may import date-fns-tz.
    files: ['src/case/intake-deadline.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: SANDBOX_IMPORTS.filter((ban) => ban.name !== 'date-fns-tz'),
          patterns: [{ group: ['@temporalio/*'], message: 'The case domain is free of Temporal.' }],
        },
      ],
    },
  },
);
