import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiAs, expectStatus } from '../../support/api-client';
import { mailFor, ruleOf, settled, sleepTo } from '../../support/case-helpers';
import { arrestReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';
import { casePolicyOf, loadConfig } from '../../../src/config/load-config';
import { intakeDeadlineFrom } from '../../../src/case/intake-deadline';

/**
 * Configuration per jurisdiction: both shipped examples load, a broken one stops start-up naming the
 * key, and the same product runs each jurisdiction's clocks and routing — Burien (PROTOCOL.md: 12-hour
 * scene window, 30-day intake) and Harbor County (24 hours, 14 days).
 */
const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'src/config/jurisdictions');
const HOUR = 3600_000;

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

test.each(['burien.json', 'harbor-county.json'])('check-config accepts the shipped example %s', (file) => {
  const result = run(['src/main/check-config.ts', path.join(EXAMPLES, file)]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('valid');
  expect(result.stdout).toMatch(/R-INTAKE\s+intake deadline (30|14) days/);
});

describe('a broken configuration', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lead-config-'));
  const broken = path.join(dir, 'broken.json');
  beforeAll(() => {
    const config = JSON.parse(readFileSync(path.join(EXAMPLES, 'burien.json'), 'utf8'));
    config.durations.intakeDeadline = 'thirty days';
    delete config.contacts.projectManager;
    writeFileSync(broken, JSON.stringify(config));
  });

  test('check-config names every bad key and exits 1', () => {
    const result = run(['src/main/check-config.ts', broken]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('durations.intakeDeadline: "thirty days" is not a duration');
    expect(result.stderr).toContain('contacts.projectManager: missing (required)');
  });

  test.each(['src/main/api.ts', 'src/main/worker.ts'])('%s refuses to start, naming the key', (entry) => {
    const result = run([entry], {
      LEAD_CONFIG_FILE: broken,
      DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none',
      SMTP_URL: 'smtp://127.0.0.1:1',
      TEMPORAL_ADDRESS: '127.0.0.1:1',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('durations.intakeDeadline');
    expect(result.stderr).toContain('contacts.projectManager');
  });
});

describe.each([
  {
    file: 'burien.json',
    agency: 'BURIEN_PD',
    felonyOffice: 'KCPAO',
    sceneHours: 12,
    intakeDays: 30,
    returnAfterHours: 18,
    alerted: false,
  },
  {
    file: 'harbor-county.json',
    agency: 'HARBOR_PD',
    felonyOffice: 'HCPAO',
    sceneHours: 24,
    intakeDays: 14,
    returnAfterHours: 18,
    alerted: true,
  },
])('the $file jurisdiction', ({ file, agency, felonyOffice, sceneHours, intakeDays, returnAfterHours, alerted }) => {
  let stack: TestStack;
  const config = loadConfig(path.join(EXAMPLES, file));
  const sergeants = config.agencies[agency].sergeantsEmail;
  const prosecutorEmail = config.offices[felonyOffice].email;
  let officer: ReturnType<typeof apiAs>;
  let caseManager: ReturnType<typeof apiAs>;
  let nciTeam: ReturnType<typeof apiAs>;

  beforeAll(async () => {
    stack = await startTestStack({ config });
    officer = apiAs(stack.baseUrl, 'officer', `${agency}-officer`, { agency });
    caseManager = apiAs(stack.baseUrl, 'case_manager');
    nciTeam = apiAs(stack.baseUrl, 'doc_nci');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const submit = async () => {
    const res = await officer.post('/api/referrals/arrest-diversions', arrestReferral({ agency }));
    expectStatus(res, 201);
    expect(res.body.caseId.startsWith(`${config.program.caseIdPrefix}-`)).toBe(true);
    await settled(stack, res.body.caseId);
    return res.body.caseId as string;
  };

  test(`R-SCENE: the window is ${sceneHours} h; a return after ${returnAfterHours} h ${alerted ? 'alerts' : 'does not alert'} the sergeants`, async () => {
    const caseId = await submit();
    const view = await settled(stack, caseId);
    const scene = view.deadlines.find((d: { ruleId: string }) => d.ruleId === 'R-SCENE');
    expect(Date.parse(scene!.dueAt) - Date.parse(view.referredAt)).toBe(sceneHours * HOUR);
    await stack.env.sleep(`${returnAfterHours} hours`);
    const report = await officer.act(caseId, 'returns-to-scene');
    expectStatus(report, 200);
    expect(report.body.case.events.at(-1)).toMatchObject({
      type: 'RETURN_TO_SCENE_REPORTED',
      data: { withinWindow: alerted },
    });
    await settled(stack, caseId);
    expect(mailFor(stack, caseId, sergeants).map(ruleOf)).toEqual(alerted ? ['R-SCENE'] : []);
  });

  test('R-EL-OFFENSE: an offense the catalogue marks ineligible is a reason open to an override, not an input error', async () => {
    const ineligible = Object.entries(config.offenses)
      .filter(([, o]) => !o.eligible)
      .map(([code]) => code);
    expect(ineligible.length).toBeGreaterThanOrEqual(12);
    const check = await officer.post(
      '/api/referrals/arrest-diversions/eligibility',
      arrestReferral({ agency, offenses: [{ code: 'DUI' }] }),
    );
    expectStatus(check, 200);
    expect(check.body.eligibility.reasons.map((r: { ruleId: string }) => r.ruleId)).toEqual(['R-EL-OFFENSE']);
  });

  test(`R-EL-WARRANT: a DOC warrant goes to this jurisdiction's NCI team; referred, the ${intakeDays}-day intake deadline counts from their decision`, async () => {
    const res = await officer.post(
      '/api/referrals/arrest-diversions',
      arrestReferral({ agency, warrants: [{ kind: 'DOC' }] }),
    );
    expectStatus(res, 201);
    const caseId = res.body.caseId as string;
    expect((await settled(stack, caseId)).stage).toBe('AWAITING_NCI_DECISION');
    expect(mailFor(stack, caseId, config.contacts.docNciTeam).map(ruleOf)).toEqual(['R-EL-WARRANT']);
    await stack.env.sleep('3 hours');
    const referred = await nciTeam.act(caseId, 'nci-decision', { decision: 'REFER' });
    expectStatus(referred, 200);
    const intake = referred.body.case.deadlines.find((d: { ruleId: string }) => d.ruleId === 'R-INTAKE');
    // R-INTAKE (Decision 2026-12-02): the local date of the decision + the days, end of that day.
    const decidedAt = new Date(referred.body.case.nci!.decidedAt!);
    expect(intake?.dueAt).toBe(intakeDeadlineFrom(decidedAt.getTime(), casePolicyOf(config, decidedAt)));
  });

  test(`R-INTAKE / R-MISSED: the deadline is ${intakeDays} days; the ${felonyOffice} is told once it passes`, async () => {
    const caseId = await submit();
    expect((await caseManager.act(caseId, 'screening')).status).toBe(200);
    const view = await settled(stack, caseId);
    const intake = view.deadlines.find((d: { ruleId: string }) => d.ruleId === 'R-INTAKE');
    const referredAt = new Date(view.referredAt);
    expect(intake?.dueAt).toBe(intakeDeadlineFrom(referredAt.getTime(), casePolicyOf(config, referredAt)));
    await stack.env.sleep(`${intakeDays - 1} days`);
    expect((await settled(stack, caseId)).stage).toBe('AWAITING_INTAKE');
    expect(mailFor(stack, caseId, prosecutorEmail).map(ruleOf)).toEqual(['R-PACKET']);
    await sleepTo(stack, intake!.dueAt, 60_000);
    const missed = await settled(stack, caseId);
    expect(missed.stage).toBe('INTAKE_MISSED');
    expect(mailFor(stack, caseId, prosecutorEmail).map(ruleOf)).toEqual(['R-PACKET', 'R-MISSED']);
  });
});
