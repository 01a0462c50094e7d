import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROLES, type Role } from '../../../src/shared/roles';
import { apiAs, defaultScope } from '../../support/api-client';
import { arrestReferral, socialContactReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * schemathesis (PyPI) reads the generated OpenAPI document and sends every operation valid and invalid
 * inputs, signed in as each role, with all its checks: no answer may be a server error, every answer
 * must conform to the status, content type, headers and schema the document gives, an input the schema
 * refuses must be refused and one it accepts accepted, and a method a path does not serve answers 405. The case and month in paths are real
 * ones, so the case answers are checked on a real case, not only on "not found".
 */
/**
 * How hard to fuzz. `npm test` runs the bounded profile: every operation as every role, with the
 * documented examples and a few generated inputs each (about 10 s a role here). `npm run fuzz` runs the
 * full one (SCHEMATHESIS_PROFILE=full): more inputs, and the coverage phase's systematic boundary and
 * negative values (about a minute a role).
 */
const PROFILES = {
  bounded: { phases: 'examples,fuzzing', maxExamples: 4 },
  full: { phases: 'examples,coverage,fuzzing', maxExamples: 6 },
};
const PROFILE = PROFILES[process.env.SCHEMATHESIS_PROFILE === 'full' ? 'full' : 'bounded'];

/**
 * Operations that refuse some inputs their schema accepts, for rules no schema can state: each with the
 * rule. `positive_data_acceptance` accepts their refusal (400 naming the field and rule, or 422) — and
 * only theirs: everywhere else an input the schema accepts must be accepted.
 */
const RULES_NO_SCHEMA_STATES: Record<string, string> = {
  checkArrestDiversion:
    "R-EX-HISTORY (a conviction after the referral date), R-EX-DRUG-AMOUNT and R-EVAL (per the jurisdiction's offenses and agencies)",
  divertAtArrest: 'as checkArrestDiversion, and R-EL-* eligibility (422), R-JURISDICTION (400)',
  recordBooking: 'as checkArrestDiversion',
  referSocialContact: 'R-SC-SOURCE (a community source is vouched for), R-SC-PREREQ (422)',
  recordOutcome: 'R-EVAL: an outcome cannot be in the future (today moves)',
  importOutcomes: 'R-EVAL: every CSV row checked and matched to a person (422 naming the rows)',
  recordMilestone: 'R-EVAL: a milestone cannot be in the future (today moves)',
  searchCases: 'names are letters (a Unicode class the pattern language of the fuzzer cannot read); dates 1900–2999',
};

let stack: TestStack;
let schemathesis: string;
let config: string;

beforeAll(async () => {
  // Installed by the layer's global setup (scripts/provide-schemathesis.sh), before any test runs.
  schemathesis = process.env.SCHEMATHESIS_PATH ?? '';
  if (!schemathesis) throw new Error('SCHEMATHESIS_PATH is not set: the integration layer provides schemathesis');
  stack = await startTestStack();
  const officer = apiAs(stack.baseUrl, 'officer');
  const arrest = await officer.postOk('/api/referrals/arrest-diversions', arrestReferral());
  const social = await officer.post('/api/referrals/social-contacts', socialContactReferral());
  expect([arrest.status, social.status]).toEqual([201, 201]);
  const lastMonth = new Date(Date.now() - 31 * 24 * 3600_000).toISOString().slice(0, 7);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lead-schemathesis-'));
  config = path.join(dir, 'schemathesis.toml');
  writeFileSync(
    config,
    [
      `base-url = "${stack.baseUrl}"`,
      'seed = 20261201',
      // One worker: hypothesis describes its filters with Python's `ast`, which is not thread-safe on 3.11.
      'workers = 1',
      '[generation]',
      `max-examples = ${PROFILE.maxExamples}`,
      'allow-x00 = true',
      '[parameters]',
      `caseId = "${arrest.body.caseId as string}"`,
      `month = "${lastMonth}"`,
      ...Object.keys(RULES_NO_SCHEMA_STATES).flatMap((operationId) => [
        '[[operations]]',
        `include-operation-id = "${operationId}"`,
        '[operations.checks.positive_data_acceptance]',
        'expected-statuses = ["2xx", "400", "401", "403", "404", "409", "422", "429"]',
      ]),
      '',
    ].join('\n'),
  );
}, 300_000);
afterAll(async () => {
  await stack?.stop();
});

function run(role: Role): Promise<{ code: number; output: string }> {
  return stack.tokens.issue({ id: `${role}-1`, role, ...defaultScope(role) }).then(
    ({ token }) =>
      new Promise((resolve) => {
        execFile(
          schemathesis,
          [
            '--config-file',
            config,
            'run',
            `${stack.baseUrl}/api/openapi.json`,
            // Every check (issue 24 item 8): no server error, every answer's status, type, headers and body
            // as documented, invalid inputs refused and valid ones accepted, 405 with Allow for a method a
            // path does not serve, a missing credential refused.
            '--checks',
            'all',
            '--phases',
            PROFILE.phases,
            '--header',
            `Authorization: Bearer ${token}`,
            '--no-color',
          ],
          // Run in the temporary directory: schemathesis keeps its cache under the working directory.
          { cwd: path.dirname(config), maxBuffer: 64 * 1024 * 1024, env: { ...process.env, SCHEMATHESIS_HOOKS: '' } },
          (err, stdout, stderr) =>
            resolve({ code: (err as { code?: number } | null)?.code ?? 0, output: `${stdout}\n${stderr}` }),
        );
      }),
  );
}

// Each role as the test's own people (`officer-1` submitted the cases), so a case is theirs to read where R-ROI allows.
test.each(ROLES)(
  'signed in as %s, no operation answers a server error or off its documented schema',
  async (role) => {
    const { code, output } = await run(role);
    if (code !== 0) console.log(`[schemathesis ${role}]\n${output.slice(-20_000)}`);
    expect(output).toMatch(/passed|tested/i);
    expect(code).toBe(0);
  },
  600_000,
);
