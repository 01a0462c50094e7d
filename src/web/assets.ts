import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILT_ASSETS_DIR, COMPILED, PROJECT_ROOT } from '../project-root';

const WEB_DIR = path.join(PROJECT_ROOT, 'src', 'web');
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
  'evaluation',
  'data-dictionary',
  'forbidden',
  'search',
  'my-referrals',
] as const;

/**
 * The pages' scripts: prebuilt by `npm run build` when the service runs compiled; bundled by esbuild
 * (a development dependency, a few hundred milliseconds) when it runs from the sources. They import the
 * same zod schemas and eligibility rules as the API: one source of truth, no separate front-end server.
 */
export function loadClientAssets(): Promise<Map<string, string>> {
  if (!COMPILED) return buildClientAssets();
  const assets = new Map<string, string>();
  for (const name of [...PAGE_SCRIPTS.map((p) => `${p}.js`), 'app.css']) {
    assets.set(name, readFileSync(path.join(BUILT_ASSETS_DIR, name), 'utf8'));
  }
  return Promise.resolve(assets);
}

/** Bundles page scripts for the browser: a module they import that needs Node (`node:*`) fails the build. */
export async function bundleForBrowser(entryPoints: Record<string, string>) {
  const { build } = await import('esbuild');
  return build({
    entryPoints,
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    outdir: '/assets',
    logLevel: 'silent',
  });
}

export async function buildClientAssets(): Promise<Map<string, string>> {
  const result = await bundleForBrowser(
    Object.fromEntries(PAGE_SCRIPTS.map((name) => [name, path.join(WEB_DIR, 'client', `${name}.ts`)])),
  );
  const assets = new Map<string, string>();
  for (const file of result.outputFiles) assets.set(path.basename(file.path), file.text);
  assets.set('app.css', readFileSync(path.join(WEB_DIR, 'app.css'), 'utf8'));
  return assets;
}
