import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devSecrets } from '../../src/main/security-settings';
import { readEnvironment } from '../../src/main/environment';
import { keptSecrets } from '../../src/stack/kept-secrets';

/** R-EVAL: one person, one pseudonym — the key is made once, kept, and the same for every API process. */
test('issue 22 item 8: npm run stack makes the pseudonym key once and keeps it across restarts, for every API', async () => {
  const first = await keptSecrets({});
  expect(first.pseudonymKey.length).toBeGreaterThanOrEqual(32);
  expect(await keptSecrets(JSON.parse(JSON.stringify(first)))).toEqual(first);
  // A data directory of an earlier version: its other secrets stay, the key is added once.
  const { pseudonymKey: _none, ...earlier } = first;
  const upgraded = await keptSecrets(earlier);
  expect({ ...upgraded, pseudonymKey: undefined }).toEqual({ ...first, pseudonymKey: undefined });
  expect(upgraded.pseudonymKey).not.toBe(first.pseudonymKey);
});

test('issue 22 item 8: npm start keeps its pseudonym key in its data folder, unless EVALUATION_PSEUDONYM_KEY sets one', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lead-dev-secrets-'));
  try {
    const first = await devSecrets(dir, readEnvironment({}));
    expect(first.pseudonymKey.length).toBeGreaterThanOrEqual(32);
    expect((await devSecrets(dir, readEnvironment({}))).pseudonymKey).toBe(first.pseudonymKey);
    const given = 'g'.repeat(40);
    expect((await devSecrets(dir, readEnvironment({ EVALUATION_PSEUDONYM_KEY: given }))).pseudonymKey).toBe(given);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
