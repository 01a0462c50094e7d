/**
 * Records the histories of complete cases — every path of both workflows, and the capacity
 * coordinator — into test/fixtures/histories/, for the replay test (test/workflows/replay.test.ts).
 * Run it when a new path appears: `npx tsx scripts/record-history-fixtures.ts`. Payloads are encrypted
 * with the test-only key in test/fixtures/replay-payload-key.txt (no real data is ever in them).
 * After a change behind `patched()`, keep the older histories and record the new generation beside
 * them: `HISTORY_SUFFIX=.<patch-id> npx tsx scripts/record-history-fixtures.ts`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { apiAs, refusalOf } from '../test/support/api-client';
import { arrestReferral, monthsAgo, socialContactReferral } from '../test/support/referrals';
import { startSharedPostgres } from '../test/support/shared-postgres';
import { startTestStack } from '../test/support/test-stack';
import { parsePayloadKeys } from '../src/temporal/payload-encryption';
import { temporalCliExecutable, timeSkippingServerExecutable } from '../src/temporal/binaries';
import { bundleLeadWorkflows } from '../src/temporal/workflow-bundle';
import { capacityWorkflowId } from '../src/contract/definitions';

const DIR = path.join(__dirname, '..', 'test', 'fixtures', 'histories');
const SUFFIX = process.env.HISTORY_SUFFIX ?? '';

async function main() {
  process.env.TEMPORAL_TEST_SERVER_PATH ??= timeSkippingServerExecutable()?.path;
  process.env.TEMPORAL_CLI_PATH ??= temporalCliExecutable()?.path;
  const bundle = path.join(require('node:os').tmpdir(), 'lead-record-bundle.js');
  writeFileSync(bundle, (await bundleLeadWorkflows()).code);
  process.env.LEAD_TEST_WORKFLOW_BUNDLE = bundle;
  const payloadKeys = parsePayloadKeys(
    readFileSync(path.join(__dirname, '..', 'test', 'fixtures', 'replay-payload-key.txt'), 'utf8').trim(),
  );
  // The test stack copies its database from the integration layer's shared PostgreSQL.
  const postgres = await startSharedPostgres();
  const stack = await startTestStack({ payloadKeys });
  // Every action must be accepted (actOk): a refused one would record a different path than its name says.
  const as = (...who: Parameters<typeof apiAs> extends [unknown, ...infer R] ? R : never) =>
    apiAs(stack.baseUrl, ...who);
  const officer = as('officer');
  const sergeant = as('sergeant');
  const cm = as('case_manager');
  const kcpao = as('prosecutor');
  const city = as('prosecutor', 'city-1', { office: 'BURIEN_CITY_ATTORNEY' });
  const recorded: Record<string, string> = {};
  const refer = async (name: string, body = arrestReferral()) => {
    const res = await officer.post('/api/referrals/arrest-diversions', body);
    if (res.status !== 201) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
    recorded[name] = res.body.caseId;
    return res.body.caseId as string;
  };
  const social = async (name: string, body = socialContactReferral()) => {
    const res = await officer.post('/api/referrals/social-contacts', body);
    // R-SC-PREREQ: a refused candidate is recorded too, as a closed case the refusal names.
    const caseId = res.status === 200 || res.status === 201 ? res.body.caseId : refusalOf(res)?.caseId;
    if (!caseId) throw new Error(`social contact ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    recorded[name] = caseId;
    return recorded[name];
  };
  const enroll = async (id: string) => {
    await cm.actOk(id, 'screening');
    await cm.actOk(id, 'consent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } });
    await cm.actOk(id, 'intake');
  };
  const wait = async (id: string) => stack.env.client.workflow.getHandle(id).result();
  const placeGranted = async (id: string) => {
    for (let i = 0; i < 100 && (await sergeant.getOk(`/api/cases/${id}`)).body.case.stage !== 'AWAITING_CONTACT'; i++)
      await new Promise((r) => setTimeout(r, 100));
  };
  try {
    let id = await refer('arrest-enrolled-iip-exited');
    await enroll(id);
    await cm.actOk(id, 'iip', { goals: ['HOUSING'] });
    await cm.actOk(id, 'service-withdrawals', {
      service: 'motel vouchers',
      reasonCode: 'NOT_USING_SERVICE',
      note: 'not used for 3 months',
    });
    await stack.env.sleep('40 days');
    await cm.actOk(id, 'exit', { reason: 'TRANSITIONED_OUT' });

    id = await refer('arrest-intake-missed-charges-filed');
    await cm.actOk(id, 'screening');
    await officer.actOk(id, 'returns-to-scene');
    await stack.env.sleep('31 days');
    await kcpao.actOk(id, 'filing-decision', { decision: 'FILED' });

    id = await refer('arrest-screening-overdue-left-declined');
    await stack.env.sleep('5 hours');
    await cm.actOk(id, 'left-before-screening');
    await kcpao.actOk(id, 'filing-decision', { decision: 'DECLINED' });

    id = await refer('arrest-extended-consent-rescinded', arrestReferral());
    await cm.actOk(id, 'screening');
    await stack.env.sleep('25 days');
    const intakeDue = (await sergeant.getOk(`/api/cases/${id}`)).body.case.deadlines.find(
      (d: { ruleId: string }) => d.ruleId === 'R-INTAKE',
    )!.dueAt;
    await sergeant.actOk(id, 'intake-deadline/extensions', {
      newDueAt: new Date(Date.parse(intakeDue) + 10 * 86400_000).toISOString(),
      reason: 'hospital stay',
    });
    await cm.actOk(id, 'consent', { method: 'VERBAL_MEMORIALIZED', memorializedBy: 'Ofc. Reyes' });
    await cm.actOk(id, 'consent/amendments', {
      method: 'WRITTEN',
      covers: { staffing: true, providers: ['Valley Cities'] },
    });
    await cm.actOk(id, 'intake');
    await cm.actOk(id, 'consent/rescind');

    id = await refer(
      'arrest-victim-objection-handoff',
      arrestReferral({ offenses: [{ code: 'THEFT_MISDEMEANOR' }], victim: { identifiable: true } }),
    );
    await cm.actOk(id, 'screening');
    await stack.env.sleep('3 days');
    await city.actOk(id, 'victim-objection');
    await city.actOk(id, 'filing-decision', { decision: 'FILED' });

    const ineligible = () =>
      arrestReferral({
        offenses: [{ code: 'VUCSA_POSSESSION', drug: { substance: 'OTHER', grams: 12, activity: 'POSSESSION' } }],
        overrideRequest: { reason: 'booked; asking LEAD to take him' },
      });
    id = await refer('arrest-override-approved-enrolled', ineligible());
    await sergeant.actOk(id, 'override-decision', { decision: 'APPROVE', reason: 'marginal amount' });
    await enroll(id);
    id = await refer('arrest-override-denied', ineligible());
    await sergeant.actOk(id, 'override-decision', { decision: 'DENY', reason: 'recent conviction' });

    id = await social('social-denied');
    await sergeant.actOk(id, 'approval-decision', { decision: 'DENY', reason: 'not a priority' });
    id = await social('social-approved-contacted-enrolled');
    await stack.env.sleep('8 days');
    await sergeant.actOk(id, 'approval-decision', { decision: 'APPROVE' });
    await placeGranted(id);
    await officer.actOk(id, 'contacts', { willing: false });
    await officer.actOk(id, 'contacts', { willing: true });
    await enroll(id);
    id = await social('social-reassessed-renewed-closed');
    await sergeant.actOk(id, 'approval-decision', { decision: 'APPROVE' });
    await stack.env.sleep('190 days');
    await sergeant.actOk(id, 'reassessment-decision', { decision: 'RENEW', reason: 'still a priority' });
    await stack.env.sleep('190 days');
    await sergeant.actOk(id, 'reassessment-decision', { decision: 'CLOSE', reason: 'not found in a year' });

    // Paths the protocol's turn-2 decisions added (R-EL-WARRANT, R-EL-OVERRIDE clocks, R-VICTIM hand-off
    // of an enrolled person, R-JURISDICTION, R-SC-PDA refusals, R-SERVICE-WITHDRAW reinstatement).
    const nci = as('doc_nci');
    const docWarrant = () => arrestReferral({ warrants: [{ kind: 'DOC' }] });
    id = await refer('arrest-nci-overdue-referred-enrolled', docWarrant());
    await stack.env.sleep('25 hours');
    await nci.actOk(id, 'nci-decision', { decision: 'REFER', reason: 'NCI supports LEAD' });
    await enroll(id);
    id = await refer('arrest-nci-declined', docWarrant());
    await sergeant.actOk(id, 'nci-decision', { decision: 'DECLINE', onWordOf: 'CCO Hale, NCI team' });
    id = await refer('arrest-override-overdue-approved', ineligible());
    await stack.env.sleep('25 hours');
    await sergeant.actOk(id, 'override-decision', { decision: 'APPROVE', reason: 'marginal amount' });
    id = await refer(
      'arrest-enrolled-handoff',
      arrestReferral({ offenses: [{ code: 'THEFT_MISDEMEANOR' }], victim: { identifiable: true } }),
    );
    await enroll(id);
    await cm.actOk(id, 'iip', { goals: ['HOUSING'] });
    await city.actOk(id, 'victim-objection');
    await city.actOk(id, 'filing-decision', { decision: 'FILED' });
    await wait(id);
    const continued = (await apiAs(stack.baseUrl, 'supervisor').getOk(`/api/cases/${id}`)).body.case.handOff!
      .socialContactReferralId!;
    recorded['social-continuing-handoff-exited'] = continued;
    await cm.actOk(continued, 'exit', { reason: 'TRANSITIONED_OUT' });
    id = await refer(
      'arrest-mixed-jurisdiction-missed',
      arrestReferral({
        offenses: [
          { code: 'VUCSA_POSSESSION', level: 'FELONY', drug: { substance: 'OTHER', grams: 1, activity: 'POSSESSION' } },
          { code: 'CRIMINAL_TRESPASS', level: 'MISDEMEANOR' },
        ],
      }),
    );
    await cm.actOk(id, 'screening');
    await stack.env.sleep('31 days');
    id = await refer('arrest-service-withdrawn-reinstated');
    await enroll(id);
    await cm.actOk(id, 'service-withdrawals', { service: 'bus passes', reasonCode: 'NOT_USING_SERVICE' });
    await cm.actOk(id, 'service-reinstatements', { service: 'bus passes', note: 'using them again' });
    await social(
      'social-refused-at-submission',
      socialContactReferral({ violations: [{ date: monthsAgo(30), area: 'BURIEN' }] }),
    );
    await stack.env.sleep('1 day');
    recorded['capacity-coordinator'] = capacityWorkflowId('BUR');

    mkdirSync(DIR, { recursive: true });
    for (const [name, workflowId] of Object.entries(recorded)) {
      const history = await stack.env.client.workflow.getHandle(workflowId).fetchHistory();
      writeFileSync(path.join(DIR, `${name}${SUFFIX}.json`), historyToJSON(history));
      console.log(`recorded ${name} (${history.events?.length} events)`);
    }
  } finally {
    await stack.stop();
    await postgres.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
