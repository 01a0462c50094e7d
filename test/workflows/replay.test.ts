import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { dataConverterFor } from '../../src/main/security-settings';
import { WORKFLOWS_PATH } from '../../src/temporal/module-paths';
import { parsePayloadKeys } from '../../src/temporal/payload-encryption';

/**
 * Replay safety: the recorded histories of complete cases (every path of both workflows, and the
 * capacity coordinator) and of every workflow beside them (follow-ups, monthly reports, evaluation
 * runs) are replayed against today's workflow code. A change that would break in-flight workflows — a
 * command added, removed or reordered without `patched()` — fails here. Re-record with
 * `npx tsx scripts/record-history-fixtures.ts` (cases) or `scripts/record-workflow-histories.ts` (the
 * others) when a new path is added.
 */
const FIXTURES = path.join(__dirname, '..', 'fixtures');
const files = readdirSync(path.join(FIXTURES, 'histories'))
  .filter((f) => f.endsWith('.json'))
  .sort();

const PATHS = [
  'arrest-enrolled-iip-exited',
  'arrest-intake-missed-charges-filed',
  'arrest-screening-overdue-left-declined',
  'arrest-extended-consent-rescinded',
  'arrest-victim-objection-handoff',
  'arrest-override-approved-enrolled',
  'arrest-override-denied',
  'social-denied',
  'social-approved-contacted-enrolled',
  'social-reassessed-renewed-closed',
  'capacity-coordinator',
];
/** Paths PROTOCOL.md's turn-2 decisions added (R-EL-WARRANT, R-EL-OVERRIDE, R-VICTIM, R-JURISDICTION, R-SC-PDA, R-SERVICE-WITHDRAW). */
const TURN_2_PATHS = [
  'arrest-nci-overdue-referred-enrolled',
  'arrest-nci-declined',
  'arrest-override-overdue-approved',
  'arrest-enrolled-handoff',
  'social-continuing-handoff-exited',
  'arrest-mixed-jurisdiction-missed',
  'arrest-service-withdrawn-reinstated',
  'social-refused-at-submission',
];
/** R-EVAL and R-STAFFING: the workflows beside the cases (scripts/record-workflow-histories.ts). */
const BESIDE_CASES = [
  'follow-up-confirmed-stuck-confirmed',
  'monthly-report-by-hand',
  'monthly-report-scheduled',
  'evaluation-run',
];
/** Each generation of workflow code since a `patched()` change, and the paths it was recorded on. */
const GENERATIONS: Record<string, string[]> = {
  '': [...PATHS, ...BESIDE_CASES],
  '.local-projection': PATHS,
  '.protocol-turn-2': [...PATHS, ...TURN_2_PATHS],
  '.notices-per-event': [...PATHS, ...TURN_2_PATHS],
  '.compact-state': [...PATHS, ...TURN_2_PATHS],
};

test('the fixtures cover every path, recorded by every generation of the code', () => {
  const expected = Object.entries(GENERATIONS).flatMap(([generation, paths]) => paths.map((p) => `${p}${generation}`));
  expect(files.map((f) => f.replace(/\.json$/, ''))).toEqual(expect.arrayContaining(expected));
});

test('every recorded history replays deterministically with the current workflow code', async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed in this process
  }
  const keys = parsePayloadKeys(readFileSync(path.join(FIXTURES, 'replay-payload-key.txt'), 'utf8').trim());
  const histories = files.map((file) => ({
    workflowId: file.replace('.json', ''),
    history: historyFromJSON(JSON.parse(readFileSync(path.join(FIXTURES, 'histories', file), 'utf8'))),
  }));
  const bundlePath = process.env.LEAD_TEST_WORKFLOW_BUNDLE;
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories(
    {
      ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath: WORKFLOWS_PATH }),
      dataConverter: dataConverterFor(keys),
    },
    histories,
  )) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
});
