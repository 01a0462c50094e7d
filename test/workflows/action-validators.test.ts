import type { CaseActionArgs, CaseActionName, CaseActionRejection } from '../../src/case/actions';
import type { Actor } from '../../src/shared/roles';
import { CaseActionRejectedError } from '../../src/temporal/case-workflows';
import {
  ACTORS,
  DAY,
  RecordingActivities,
  startArrest,
  startSocial,
  workflowEnvOfFile,
  withWorker,
} from '../support/workflow-env';

/**
 * Every case action is an Update whose validator runs the action's decider: a refused action answers
 * with the rule it breaks and leaves no trace in the case's history (Temporal records an update only
 * once its validator accepted it). One refusal per action, each on a case whose state makes it wrong.
 */
const wf = workflowEnvOfFile();

interface Refusal<A extends CaseActionName> {
  /** A fresh arrest diversion (awaiting screening) or social contact (awaiting approval). */
  on: 'arrest' | 'social';
  input: CaseActionArgs<A>['input'];
  actor?: Actor;
  expected: Partial<CaseActionRejection>;
}

const inAYear = () => new Date(Date.now() + 365 * DAY).toISOString();
const aDayAgo = () => new Date(Date.now() - DAY).toISOString();

/** Exhaustive: an action added without a refusal here fails to compile. */
const REFUSALS: { [A in CaseActionName]: Refusal<A> } = {
  recordScreening: {
    on: 'arrest',
    input: { intakeScheduledFor: aDayAgo() },
    expected: { code: 'INVALID_FIELD', field: 'intakeScheduledFor', ruleId: 'R-INTAKE' },
  },
  recordLeftBeforeScreening: { on: 'social', input: {}, expected: { code: 'RULE_CONFLICT', ruleId: 'R-SCREEN' } },
  recordScreenedOut: {
    on: 'social',
    input: { reason: 'NOT_AMENABLE' },
    expected: { code: 'RULE_CONFLICT', ruleId: 'R-SCREEN' },
  },
  recordConsent: {
    on: 'arrest',
    input: { method: 'WRITTEN' },
    expected: { code: 'RULE_CONFLICT', ruleId: 'R-SCREEN', stage: 'AWAITING_SCREENING' },
  },
  rescindConsent: { on: 'arrest', input: {}, expected: { code: 'STAGE_CONFLICT', ruleId: 'R-CONSENT' } },
  amendRelease: {
    on: 'arrest',
    input: { method: 'WRITTEN', covers: { staffing: true, providers: [] } },
    expected: { code: 'STAGE_CONFLICT', ruleId: 'R-CONSENT' },
  },
  recordIntake: { on: 'arrest', input: {}, expected: { code: 'RULE_CONFLICT', ruleId: 'R-SCREEN' } },
  scheduleIntake: {
    on: 'arrest',
    input: { intakeScheduledFor: inAYear() },
    expected: { code: 'RULE_CONFLICT', ruleId: 'R-SCREEN' },
  },
  extendIntakeDeadline: {
    on: 'arrest',
    input: { newDueAt: aDayAgo(), reason: 'hospitalised' },
    actor: ACTORS.sergeant,
    expected: { code: 'INVALID_FIELD', field: 'newDueAt', ruleId: 'R-INTAKE' },
  },
  reportReturnToScene: {
    on: 'arrest',
    input: { observedAt: inAYear() },
    actor: ACTORS.officer,
    expected: { code: 'INVALID_FIELD', field: 'observedAt', ruleId: 'R-SCENE' },
  },
  recordVictimObjection: {
    on: 'arrest',
    input: {},
    actor: ACTORS.prosecutor,
    expected: { code: 'RULE_CONFLICT', ruleId: 'R-VICTIM' },
  },
  recordFilingDecision: {
    on: 'arrest',
    input: { decision: 'DECLINED' },
    actor: ACTORS.prosecutor,
    expected: { code: 'INVALID_FIELD', field: 'reason', ruleId: 'R-PACKET' },
  },
  recordPacketReview: {
    on: 'arrest',
    input: { outcome: 'DOES_NOT_MEET_CRITERIA' },
    actor: ACTORS.prosecutor,
    expected: { code: 'INVALID_FIELD', field: 'criterion', ruleId: 'R-PACKET' },
  },
  recordExit: { on: 'arrest', input: { reason: 'MOVED_AWAY' }, expected: { code: 'STAGE_CONFLICT', ruleId: 'R-EXIT' } },
  recordIipGoals: {
    on: 'arrest',
    input: { goals: ['HOUSING'] },
    expected: { code: 'STAGE_CONFLICT', ruleId: 'R-IIP' },
  },
  withdrawService: {
    on: 'arrest',
    input: { service: 'motel vouchers', reasonCode: 'NOT_USING_SERVICE' },
    expected: { code: 'STAGE_CONFLICT', ruleId: 'R-SERVICE-WITHDRAW' },
  },
  reinstateService: {
    on: 'arrest',
    input: { service: 'motel vouchers' },
    expected: { code: 'STAGE_CONFLICT', ruleId: 'R-SERVICE-WITHDRAW' },
  },
  recordService: {
    on: 'arrest',
    input: { service: 'bus pass' },
    expected: { code: 'STAGE_CONFLICT', ruleId: 'R-IIP' },
  },
  recordCaseNote: { on: 'arrest', input: { note: '   ' }, expected: { code: 'INVALID_FIELD', field: 'note' } },
  decideOverride: {
    on: 'arrest',
    input: { decision: 'APPROVE', reason: 'amenable' },
    actor: ACTORS.sergeant,
    expected: { code: 'STAGE_CONFLICT', ruleId: 'R-EL-OVERRIDE' },
  },
  decideNciReferral: {
    on: 'arrest',
    input: { decision: 'REFER' },
    actor: ACTORS.docNci,
    expected: { code: 'STAGE_CONFLICT', ruleId: 'R-EL-WARRANT' },
  },
  decideApproval: {
    on: 'arrest',
    input: { decision: 'APPROVE' },
    actor: ACTORS.sergeant,
    expected: { code: 'RULE_CONFLICT', ruleId: 'R-SC-APPROVAL' },
  },
  recordContact: {
    on: 'social',
    input: { willing: true },
    actor: ACTORS.officer,
    expected: { code: 'STAGE_CONFLICT', ruleId: 'R-SC-CONTACT', stage: 'AWAITING_APPROVAL' },
  },
  decideReassessment: {
    on: 'social',
    input: { decision: 'RENEW', reason: 'still a priority' },
    actor: ACTORS.sergeant,
    expected: { code: 'RULE_CONFLICT', ruleId: 'R-SC-REASSESS' },
  },
};

/** The updates a case's history recorded as accepted. */
async function acceptedUpdates(caseId: string): Promise<number> {
  const history = await wf.env.client.workflow.getHandle(caseId).fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
}

async function refusal(caseId: string, action: CaseActionName, input: unknown, actor: unknown) {
  try {
    await wf.cases.act(caseId, action, { actor, input } as CaseActionArgs<typeof action>);
  } catch (err) {
    if (err instanceof CaseActionRejectedError) return err.rejection;
    throw err;
  }
  throw new Error(`${action} was accepted`);
}

test.each(Object.entries(REFUSALS) as Array<[CaseActionName, Refusal<CaseActionName>]>)(
  '%s: its validator refuses a wrong action, naming the rule or field, and history keeps no trace of it',
  async (action, { on, input, actor, expected }) => {
    await withWorker(wf, new RecordingActivities(), async () => {
      const caseId = on === 'arrest' ? await startArrest(wf) : await startSocial(wf);
      const before = await wf.cases.view(caseId);
      expect(await refusal(caseId, action, input, actor ?? ACTORS.caseManager)).toMatchObject(expected);
      expect(await acceptedUpdates(caseId)).toBe(0);
      expect(await wf.cases.view(caseId)).toEqual(before);
    });
  },
);

test('an action whose actor is malformed is refused before any decider runs (the actor is part of the record)', async () => {
  await withWorker(wf, new RecordingActivities(), async () => {
    const caseId = await startArrest(wf);
    expect(await refusal(caseId, 'recordScreening', {}, { id: '', role: 'case_manager' })).toMatchObject({
      code: 'INVALID_FIELD',
      field: 'actor',
    });
    expect(await refusal(caseId, 'recordScreening', { unknown: 1 }, ACTORS.caseManager)).toMatchObject({
      code: 'INVALID_FIELD',
    });
    expect(await acceptedUpdates(caseId)).toBe(0);
  });
});

test("issue 22 item 11: an update resent with the same id answers the first one's body hash, and is not applied again", async () => {
  await withWorker(wf, new RecordingActivities(), async () => {
    const caseId = await startArrest(wf);
    const note = (text: string, bodyHash?: string) =>
      wf.cases.act(
        caseId,
        'recordCaseNote',
        { actor: ACTORS.caseManager, input: { note: text }, ...(bodyHash ? { bodyHash } : {}) },
        'recordCaseNote:same-key',
      );
    const first = await note('the first note', 'hash-of-first');
    expect(first.bodyHash).toBe('hash-of-first');
    const resent = await note('another note', 'hash-of-another');
    expect(resent).toEqual(first);
    // Without a key there is nothing to answer back; its event is the next after the first note's (the resent one made none).
    const unkeyed = await wf.cases.act(caseId, 'recordCaseNote', { actor: ACTORS.caseManager, input: { note: 'x' } });
    expect(unkeyed).not.toHaveProperty('bodyHash');
    expect(unkeyed.seq).toBe(first.seq + 1);
  });
});
