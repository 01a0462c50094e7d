import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { dataConverterFor } from '../../src/main/security-settings';
import { parsePayloadKeys } from '../../src/temporal/payload-encryption';
import { replayFailures } from '../support/workflow-env';

/**
 * Replay safety: the recorded histories of complete cases (every path of both case workflows, and the
 * capacity coordinator) and of every workflow beside them (follow-ups, monthly reports, evaluation
 * runs) are replayed against today's workflow code. A change that would break in-flight workflows — a
 * command added, removed or reordered without `patched()` (PATCHES, workflows/patches.ts) — fails here.
 * Re-record with `npx tsx scripts/record-history-fixtures.ts` (cases) or
 * `scripts/record-workflow-histories.ts` (the others) when a new path is added.
 */
const FIXTURES = path.join(__dirname, '..', 'fixtures');
const files = readdirSync(path.join(FIXTURES, 'histories'))
  .filter((f) => f.endsWith('.json'))
  .sort();

/** Every path of the case workflows (scripts/record-history-fixtures.ts). */
const PATHS = [
  'arrest-enrolled-iip-exited',
  'arrest-intake-missed-charges-filed',
  'arrest-screening-overdue-left-declined',
  'arrest-extended-consent-rescinded',
  'arrest-victim-objection-handoff',
  'arrest-override-approved-enrolled',
  'arrest-override-denied',
  'arrest-nci-overdue-referred-enrolled',
  'arrest-nci-declined',
  'arrest-override-overdue-approved',
  'arrest-enrolled-handoff',
  'arrest-mixed-jurisdiction-missed',
  'arrest-service-withdrawn-reinstated',
  'social-denied',
  'social-approved-contacted-enrolled',
  'social-reassessed-renewed-closed',
  'social-continuing-handoff-exited',
  'social-refused-at-submission',
  'capacity-coordinator',
];
/** R-EVAL and R-STAFFING: the workflows beside the cases (scripts/record-workflow-histories.ts). */
const BESIDE_CASES = [
  'follow-up-confirmed-stuck-confirmed',
  'monthly-report-by-hand',
  'monthly-report-scheduled',
  'evaluation-run',
];
/**
 * Each generation of workflow code since a `patched()` change (its HISTORY_SUFFIX), and the paths it
 * was recorded on. Issue 26: `.lead-program-attribute` (PATCHES.leadProgram), with the capacity
 * coordinator of a program, which adopts its cases from the one before programs. Stop 39:
 * `.one-local-activity-at-a-time` (PATCHES.oneLocalActivity).
 */
const GENERATIONS: Record<string, string[]> = {
  '': [...PATHS, ...BESIDE_CASES],
  '.lead-program-attribute': PATHS,
  '.one-local-activity-at-a-time': PATHS,
};

test('the fixtures cover every path, recorded by every generation of the code', () => {
  const expected = Object.entries(GENERATIONS).flatMap(([generation, paths]) => paths.map((p) => `${p}${generation}`));
  expect(files.map((f) => f.replace(/\.json$/, ''))).toEqual(expected.sort());
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
  const failures = await replayFailures(histories, dataConverterFor(keys));
  expect(failures).toEqual([]);
});
