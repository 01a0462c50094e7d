import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const CLIENT_DIR = path.join(__dirname, 'client');
export const PAGE_SCRIPTS = [
  'refer',
  'caseload',
  'case',
  'packet',
  'disclosures',
  'sergeant',
  'prosecutor',
  'nci',
  'supervisor',
  'home',
  'sign-in',
  'reports',
] as const;

/**
 * The pages' scripts, bundled once when the server starts (esbuild, a few hundred milliseconds):
 * they import the same zod schemas and eligibility rules as the API, so there is one source of truth
 * and no separate front-end build or server.
 */
export async function buildClientAssets(): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: Object.fromEntries(PAGE_SCRIPTS.map((name) => [name, path.join(CLIENT_DIR, `${name}.ts`)])),
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    outdir: '/assets',
    logLevel: 'silent',
  });
  const assets = new Map<string, string>();
  for (const file of result.outputFiles) assets.set(path.basename(file.path), file.text);
  assets.set('app.css', readFileSync(path.join(__dirname, 'app.css'), 'utf8'));
  return assets;
}
