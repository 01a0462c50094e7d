import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API_REQUIRES, environmentTable, readEnvironment, requireFor } from '../../src/main/environment';
import { apiMetricsListener, apiMetricsRequirements } from '../../src/main/security-settings';

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

test('issue 22 item 8: the API does not start without EVALUATION_PSEUDONYM_KEY (R-EVAL: one key, one pseudonym per person)', () => {
  const production = {
    DATABASE_URL: 'postgresql://lead_app:x@db:5432/lead',
    TEMPORAL_ADDRESS: 'temporal:7233',
    LEAD_PAYLOAD_KEYS: 'prod-1:AAAA',
    CSRF_SECRET: 'c'.repeat(32),
    AUTH_ISSUER: 'lead-referrals',
    AUTH_AUDIENCE: 'lead-referrals',
    AUTH_JWKS_URL: 'https://idp.example.org/jwks.json',
  };
  expect(() => requireFor(readEnvironment(production), 'The API', API_REQUIRES.keys, API_REQUIRES.oneOf)).toThrow(
    'The API cannot start: set EVALUATION_PSEUDONYM_KEY (README, "Environment")',
  );
  const complete = readEnvironment({ ...production, EVALUATION_PSEUDONYM_KEY: 'k'.repeat(32) });
  expect(() => requireFor(complete, 'The API', API_REQUIRES.keys, API_REQUIRES.oneOf)).not.toThrow();
  expect(() => readEnvironment({ EVALUATION_PSEUDONYM_KEY: 'short' })).toThrow(/EVALUATION_PSEUDONYM_KEY: /);
});

test('issue 22 item 11: metrics listen on loopback unless METRICS_HOST says otherwise, which must be an address', () => {
  expect(readEnvironment({}).METRICS_HOST).toBe('127.0.0.1');
  expect(readEnvironment({ METRICS_HOST: '0.0.0.0' }).METRICS_HOST).toBe('0.0.0.0');
  expect(() => readEnvironment({ METRICS_HOST: 'http://0.0.0.0/' })).toThrow(/METRICS_HOST: /);
  // npm start (embedded defaults): the API's metrics on loopback, without a token unless one is set.
  expect(apiMetricsListener(readEnvironment({}), true)).toEqual({ host: '127.0.0.1', port: 9465 });
});

test('issue 22 item 11: outside npm start the API serves metrics only where API_METRICS_PORT says, and only with METRICS_TOKEN', () => {
  const production = { DATABASE_URL: 'postgresql://lead_app:x@db:5432/lead' };
  expect(apiMetricsListener(readEnvironment(production), false)).toBeUndefined();
  expect(apiMetricsRequirements(readEnvironment(production))).toEqual([]);
  const untokened = readEnvironment({ ...production, API_METRICS_PORT: '9465' });
  expect(() => requireFor(untokened, 'The API', ['DATABASE_URL', ...apiMetricsRequirements(untokened)])).toThrow(
    'The API cannot start: set METRICS_TOKEN (README, "Environment")',
  );
  expect(() => apiMetricsListener(untokened, false)).toThrow('METRICS_TOKEN must be set');
  const token = 'a-scrape-token-of-16+';
  expect(
    apiMetricsListener(readEnvironment({ ...production, API_METRICS_PORT: '9465', METRICS_TOKEN: token }), false),
  ).toEqual({ host: '127.0.0.1', port: 9465, token });
});
