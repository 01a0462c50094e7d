import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PRELOADED_MODULES } from '../../src/temporal/module-paths';

/**
 * A worker evaluates PRELOADED_MODULES once, then deep-freezes what each module they load exports
 * (Temporal's reusable V8 context), and every workflow shares them. zod cannot use a frozen schema — it adds
 * a schema's members to it on first use ("Cannot define property safeParse, object is not extensible") —
 * so none of those modules may export one, however deep. Walked as the freeze walks: own properties of
 * objects, getters read, functions not entered.
 */
const root = path.resolve(__dirname, '../..');

function schemasExported(): string[] {
  const script = `
    const before = new Set(Object.keys(require.cache));
    for (const file of process.argv.slice(1)) require(file);
    const found = [];
    const walk = (value, at, seen) => {
      if (value === null || typeof value !== 'object' || seen.has(value)) return;
      seen.add(value);
      if (Object.prototype.hasOwnProperty.call(value, '_zod')) return void found.push(at);
      for (const key of Reflect.ownKeys(value)) walk(value[key], at + '.' + String(key), seen);
    };
    for (const file of Object.keys(require.cache).filter((f) => !before.has(f)))
      walk(require.cache[file].exports, require('node:path').relative(process.cwd(), file), new Set());
    console.log(JSON.stringify(found));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, ...PRELOADED_MODULES], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[];
}

test('no module the workers preload exports a zod schema, which the freeze would make unusable', () => {
  expect(schemasExported()).toEqual([]);
}, 60_000);
