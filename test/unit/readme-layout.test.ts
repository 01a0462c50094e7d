import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Issue 24 item 9: the README's Layout section is drawn from the tree as it is. Every folder of the
 * repository (and every folder of `src/`) has its line, and each line names every folder of the project
 * its code imports — a new dependency between folders is a decision the README states first.
 */
const root = path.resolve(__dirname, '../..');
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);

function layoutRows(): Map<string, string[]> {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Layout'), readme.indexOf('\n## ', readme.indexOf('## Layout') + 1));
  const rows = new Map<string, string[]>();
  for (const [, folder, imports] of section.matchAll(/^\| `([^`]+)` \| .* \| (.*) \|$/gm))
    rows.set(
      folder,
      [...imports.matchAll(/`([^`]+\/)`/g)].map((m) => m[1]),
    );
  return rows;
}

/**
 * The folder a path belongs to: `src/<name>/` inside `src/`, else its top-level folder. An import of a
 * folder itself (its `index.ts`, as `'../disclosure'`) belongs to that folder.
 */
function folderOf(file: string): string | undefined {
  const full = path.join(root, file);
  const parts = [...file.split('/'), ...(existsSync(full) && statSync(full).isDirectory() ? ['index.ts'] : [])];
  if (parts.length < 2) return undefined;
  return parts[0] === 'src' ? (parts.length > 2 ? `src/${parts[1]}/` : undefined) : `${parts[0]}/`;
}

const IMPORT = /(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\)/g;

/** Folder → the other folders of the project its TypeScript imports (the generated Prisma client aside). */
function importsByFolder(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const file of tracked.filter((f) => /\.(ts|mjs)$/.test(f))) {
    const from = folderOf(file);
    if (!from) continue;
    for (const m of readFileSync(path.join(root, file), 'utf8').matchAll(IMPORT)) {
      const to = folderOf(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1] ?? m[2])));
      if (!to || to === from || to === 'src/generated/') continue;
      found.set(from, (found.get(from) ?? new Set()).add(to));
    }
  }
  return found;
}

test('every folder of the repository has its line in the README Layout', () => {
  const rows = layoutRows();
  const folders = [...new Set(tracked.map(folderOf).filter((f): f is string => f !== undefined))].sort();
  expect(folders.filter((f) => !rows.has(f))).toEqual([]);
  // And nothing listed that is gone.
  expect([...rows.keys()].filter((f) => !folders.includes(f))).toEqual([]);
});

test('each folder imports only the folders its Layout line names', () => {
  const rows = layoutRows();
  const unnamed = [...importsByFolder()].flatMap(([from, to]) =>
    [...to].filter((t) => !(rows.get(from) ?? []).includes(t)).map((t) => `${from} imports ${t}`),
  );
  expect(unnamed).toEqual([]);
});
