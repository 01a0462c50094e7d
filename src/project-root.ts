import { existsSync } from 'node:fs';
import path from 'node:path';

function rootFrom(dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, 'package.json'))) return at;
    if (path.dirname(at) === at) throw new Error(`No package.json above ${dir}`);
  }
}

/** Where package.json is: the same from the TypeScript sources and from the compiled tree in dist/. */
export const PROJECT_ROOT = rootFrom(__dirname);
/** True when the service runs compiled by `npm run build` (production), false under tsx or jest. */
export const COMPILED = __filename.endsWith('.js');
/** What `npm run build` writes: the compiled service, the page scripts and the workflow bundle. */
export const BUILD_DIR = path.join(PROJECT_ROOT, 'dist');
export const BUILT_ASSETS_DIR = path.join(BUILD_DIR, 'web-assets');
export const BUILT_WORKFLOW_BUNDLE = path.join(BUILD_DIR, 'workflow-bundle.js');
