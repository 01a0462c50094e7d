import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_ID_PREFIX, DEMO_USERS, hasDemoId, isDemoAccount } from '../../src/auth/demo-people';

/** One list of demo people drives both the database clean-up and the API's refusal. */
const CLEAN_UP = path.join(__dirname, '../../prisma/migrations/20261202223004_demo_people_by_prefix/migration.sql');

test('issue 22 item 5: every demo id carries the prefix the clean-up migration marks', () => {
  expect(DEMO_USERS.map((u) => u.id)).toContain('demo-doc-nci');
  for (const { id } of DEMO_USERS) expect(id.startsWith(DEMO_ID_PREFIX)).toBe(true);
  expect(readFileSync(CLEAN_UP, 'utf8')).toContain(`LIKE '${DEMO_ID_PREFIX}%'`);
});

test('issue 22 item 5: a demo person is refused outside the embedded default even when the database never marked them', () => {
  for (const { id } of DEMO_USERS) expect({ id, demo: isDemoAccount({ id, demo: false }) }).toEqual({ id, demo: true });
  expect(isDemoAccount({ id: 'Demo-Doc-NCI', demo: false })).toBe(true);
  expect(isDemoAccount({ id: 'demo-someone-added-later', demo: false })).toBe(true);
  expect(isDemoAccount({ id: 'ana.lopez', demo: true })).toBe(true);
  expect(isDemoAccount({ id: 'ana.lopez', demo: false })).toBe(false);
  expect(hasDemoId('demodoc')).toBe(false);
});
