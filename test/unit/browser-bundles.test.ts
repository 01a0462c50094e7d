import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PAGE_SCRIPTS, buildClientAssets, bundleForBrowser } from '../../src/web/assets';

/**
 * The pages' scripts import the API's own schemas and rules, so a module shared with the server can pull
 * Node into the browser (run V: `protective-orders.ts` importing the stage clock's `node:async_hooks`
 * left every page waiting for its script). Bundling them here finds that in seconds, not in the page tests.
 */
describe('the pages’ scripts bundle for the browser', () => {
  it('every page script builds, with nothing that needs Node', async () => {
    const assets = await buildClientAssets().catch(
      (err: { errors?: Array<{ text: string; location?: { file: string } }> }) => {
        const found = (err.errors ?? []).map((e) => `${e.location?.file ?? '?'}: ${e.text}`).join('\n');
        throw new Error(`A page script no longer bundles for the browser:\n${found || String(err)}`);
      },
    );
    expect([...assets.keys()].sort()).toEqual([...PAGE_SCRIPTS.map((p) => `${p}.js`), 'app.css'].sort());
  }, 60_000);

  it('a module that imports a Node built-in fails the bundle, naming it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'browser-bundle-'));
    try {
      writeFileSync(
        path.join(dir, 'shared.ts'),
        "import { AsyncLocalStorage } from 'node:async_hooks';\nexport const clock = new AsyncLocalStorage();\n",
      );
      writeFileSync(path.join(dir, 'page.ts'), "import { clock } from './shared';\nconsole.log(clock);\n");
      await expect(bundleForBrowser({ page: path.join(dir, 'page.ts') })).rejects.toMatchObject({
        errors: [expect.objectContaining({ text: expect.stringContaining('node:async_hooks') })],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
