import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { bundleLeadWorkflows } from '../../src/temporal/workflow-bundle';

/**
 * Issue 24 item 5: the workflow sandbox's lint rules (eslint.config.mjs SANDBOX_FILES) reach every file of
 * the project the workflow bundle loads — read from the bundle's own module list, so a new import that
 * pulls a file into the sandbox is caught even when no list kept by hand names it.
 */
const root = path.resolve(__dirname, '../..');
const noop = () => undefined;
const quiet = { trace: noop, debug: noop, info: noop, warn: noop, error: console.error, log: noop };

/** The project's TypeScript files webpack put into the workflow bundle. */
async function bundledProjectFiles(): Promise<string[]> {
  const resources = new Set<string>();
  await bundleLeadWorkflows({
    logger: quiet,
    webpackConfigHook: (config) => ({
      ...config,
      plugins: [
        ...(config.plugins ?? []),
        {
          apply: (compiler) =>
            compiler.hooks.afterCompile.tap('project files of the bundle', (compilation) => {
              for (const m of compilation.modules) {
                const resource = (m as { resource?: string }).resource;
                if (resource) resources.add(resource);
              }
            }),
        },
      ],
    }),
  });
  return [...resources]
    .map((file) => path.relative(root, file))
    .filter((file) => !file.startsWith('..') && !file.split(path.sep).includes('node_modules') && file.endsWith('.ts'))
    .sort();
}

/** What ESLint's computed config of each file bans: the imports, and the syntax selectors. */
function bansOf(files: string[]): Record<string, { imports: string[]; syntax: string[] }> {
  const script = `
    import { ESLint } from 'eslint';
    const eslint = new ESLint();
    const bans = {};
    for (const file of process.argv.slice(1)) {
      const { rules } = await eslint.calculateConfigForFile(file);
      const on = (rule) => rules[rule] && rules[rule][0] === 2 ? rules[rule].slice(1) : [];
      bans[file] = {
        imports: on('no-restricted-imports').flatMap((o) => (o.paths ?? []).map((p) => p.name)),
        syntax: on('no-restricted-syntax').map((o) => o.selector),
      };
    }
    console.log(JSON.stringify(bans));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, ...files], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, { imports: string[]; syntax: string[] }>;
}

test('the workflow sandbox rules cover every project file the workflow bundle loads (issue 24 item 5)', async () => {
  const files = await bundledProjectFiles();
  // The module list is read: the workflows and the case domain they decide with are in it.
  expect(files).toEqual(expect.arrayContaining(['workflows/index.ts', 'src/case/effects.ts']));

  const uncovered = Object.entries(bansOf(files)).flatMap(([file, bans]) => {
    const missing = [
      ...['fs', 'node:fs', 'crypto', 'node:crypto'].filter((name) => !bans.imports.includes(name)),
      ...['console', 'localeCompare', 'toLocale', 'Intl', 'require'].filter(
        (name) => !bans.syntax.some((selector) => selector.includes(name)),
      ),
    ];
    return missing.length ? [`${file} lacks ${missing.join(', ')}`] : [];
  });
  expect(uncovered).toEqual([]);
}, 180_000);
