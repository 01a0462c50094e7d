import { readFileSync } from 'node:fs';
import path from 'node:path';
import { environmentTable, readEnvironment, requireFor } from '../../src/main/environment';

/** One validated schema holds every variable; the README's table is generated from it; a process names what it lacks. */
test('the README lists every variable, as the schema describes it', () => {
  const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const table = /<!-- environment:start -->\n([\s\S]*?)\n<!-- environment:end -->/.exec(readme)?.[1];
  expect(table).toBe(environmentTable());
});

test('a wrong value names the variable and what it must be', () => {
  expect(() => readEnvironment({ PORT: 'eighty', TRUST_PROXY: '-1', CSRF_SECRET: 'short' })).toThrow(
    /PORT: [\s\S]*TRUST_PROXY: [\s\S]*CSRF_SECRET: /,
  );
});

test('a process that lacks settings names every one of them at once', () => {
  const env = readEnvironment({ DATABASE_URL: 'postgresql://lead_app:x@db:5432/lead', AUTH_ISSUER: '' });
  expect(() =>
    requireFor(
      env,
      'The API',
      ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'CSRF_SECRET', 'AUTH_ISSUER'],
      [['AUTH_JWKS_URL', 'AUTH_LOCAL_KEY']],
    ),
  ).toThrow(
    'The API cannot start: set TEMPORAL_ADDRESS, CSRF_SECRET, AUTH_ISSUER, AUTH_JWKS_URL or AUTH_LOCAL_KEY (README, "Environment")',
  );
});
