import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_ID_PREFIX, DEMO_USERS, demoSignInList, hasDemoId, isDemoAccount } from '../../src/auth/demo-people';

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

test('issue 23 item 8: the README and the start banner name every demo person, demo-evaluator included', () => {
  const ids = DEMO_USERS.map((u) => u.id);
  expect(ids).toContain('demo-evaluator');
  const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const list = /creates demo people, one per role — ([\s\S]*?) — with the password/.exec(readme)?.[1] ?? '';
  expect([...list.matchAll(/`(demo-[a-z-]+)`/g)].map((m) => m[1])).toEqual(ids);
  const banner = demoSignInList(78, '    ');
  expect(banner.split(/[\s,]+/).filter((w) => w.startsWith(DEMO_ID_PREFIX))).toEqual(ids);
  expect(banner).toMatch(/ or\s+demo-evaluator$/);
  for (const line of banner.split('\n')) expect(line.length).toBeLessThanOrEqual(78 + 4);
});
