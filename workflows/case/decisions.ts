import type { CaseActionArgs, CaseActionName } from '../../src/shared/case-actions';
import { isTerminal, STAGES, type CaseState, type Stage } from '../../src/shared/case-model';
import type { NewCaseEvent } from './case-events';
import { rejectField, rejectRule, requireStage } from './rejections';

/**
 * What each case action means, as pure functions of (state, action, now): the events it produces, or
 * a refusal naming the rule. The update validator runs them without applying anything, so a refused
 * action leaves the workflow untouched; the handler runs them again and applies the events.
 */

type Decider<A extends CaseActionName> = (state: CaseState, args: CaseActionArgs<A>, now: number) => NewCaseEvent[];

const OPEN_INTAKE: readonly Stage[] = ['AWAITING_SCREENING', 'AWAITING_INTAKE'];
const NOT_TERMINAL: readonly Stage[] = STAGES.filter((s) => !isTerminal(s));
/** Clock skew allowed between a device that reports a time and the service. */
const CLOCK_SKEW_MS = 5 * 60_000;

const iso = (ms: number) => new Date(ms).toISOString();

function event(args: CaseActionArgs, now: number, fields: Omit<NewCaseEvent, 'at' | 'actor'>): NewCaseEvent {
  return { ...fields, at: iso(now), actor: args.actor };
}

function enrollIfComplete(state: CaseState, args: CaseActionArgs, now: number, after: { consent: boolean; intake: boolean }): NewCaseEvent[] {
  return after.consent && after.intake ? [event(args, now, { type: 'ENROLLED', ruleId: 'R-ENROLL' })] : [];
}

export const deciders: { [A in CaseActionName]: Decider<A> } = {
  recordScreening(state, args, now) {
    requireStage(state, ['AWAITING_SCREENING'], 'Recording the screening', 'R-SCREEN');
    const scheduled = args.input.intakeScheduledFor;
    if (scheduled !== undefined) {
      const at = Date.parse(scheduled);
      if (at < now - CLOCK_SKEW_MS) rejectField('intakeScheduledFor', 'the intake appointment must be in the future', 'R-INTAKE');
      if (at > Date.parse(state.intakeDueAt)) {
        rejectField('intakeScheduledFor', `the intake must be scheduled on or before the intake deadline ${state.intakeDueAt}`, 'R-INTAKE');
      }
    }
    return [event(args, now, { type: 'SCREENING_RECORDED', ruleId: 'R-SCREEN', data: scheduled ? { intakeScheduledFor: new Date(scheduled).toISOString() } : undefined })];
  },

  recordLeftBeforeScreening(state, args, now) {
    requireStage(state, ['AWAITING_SCREENING'], 'Recording that the person left before screening', 'R-SCREEN');
    return [event(args, now, { type: 'LEFT_BEFORE_SCREENING', ruleId: 'R-SCREEN', data: args.input.note ? { note: args.input.note } : undefined })];
  },

  recordConsent(state, args, now) {
    if (state.stage === 'AWAITING_SCREENING') rejectRule(state, 'R-SCREEN', `Consent cannot be recorded before the initial screening of case ${state.referralId}: record the screening first`);
    requireStage(state, ['AWAITING_INTAKE'], 'Recording consent', 'R-CONSENT');
    if (state.consent.status === 'GIVEN') rejectRule(state, 'R-CONSENT', `Consent is already in force for case ${state.referralId} (given ${state.consent.at})`);
    const { method, memorializedBy } = args.input;
    return [
      event(args, now, { type: 'CONSENT_GIVEN', ruleId: 'R-CONSENT', data: { method, ...(memorializedBy ? { memorializedBy } : {}) } }),
      ...enrollIfComplete(state, args, now, { consent: true, intake: state.intakeCompletedAt !== undefined }),
    ];
  },

  rescindConsent(state, args, now) {
    requireStage(state, ['AWAITING_INTAKE', 'ENROLLED'], 'Rescinding consent', 'R-CONSENT');
    if (state.consent.status !== 'GIVEN') rejectRule(state, 'R-CONSENT', `Case ${state.referralId} has no consent in force to rescind`);
    const rescinded = event(args, now, { type: 'CONSENT_RESCINDED', ruleId: 'R-CONSENT', data: args.input.note ? { note: args.input.note } : undefined });
    if (state.stage !== 'ENROLLED') return [rescinded];
    return [rescinded, event(args, now, { type: 'EXITED', ruleId: 'R-EXIT', data: { reason: 'CONSENT_RESCINDED' } })];
  },

  recordIntake(state, args, now) {
    if (state.stage === 'AWAITING_SCREENING') rejectRule(state, 'R-SCREEN', `Intake cannot be recorded before the initial screening of case ${state.referralId}: record the screening first`);
    requireStage(state, ['AWAITING_INTAKE'], 'Recording the intake', 'R-INTAKE');
    if (state.intakeCompletedAt) rejectRule(state, 'R-INTAKE', `The intake of case ${state.referralId} was already recorded (${state.intakeCompletedAt})`);
    return [
      event(args, now, { type: 'INTAKE_COMPLETED', ruleId: 'R-INTAKE' }),
      ...enrollIfComplete(state, args, now, { consent: state.consent.status === 'GIVEN', intake: true }),
    ];
  },

  extendIntakeDeadline(state, args, now) {
    requireStage(state, OPEN_INTAKE, 'Extending the intake deadline', 'R-INTAKE');
    const to = Date.parse(args.input.newDueAt);
    if (to <= Date.parse(state.intakeDueAt)) rejectField('newDueAt', `must be later than the current intake deadline ${state.intakeDueAt}`, 'R-INTAKE');
    if (to <= now) rejectField('newDueAt', 'must be in the future', 'R-INTAKE');
    return [event(args, now, { type: 'INTAKE_DEADLINE_EXTENDED', ruleId: 'R-INTAKE', data: { from: state.intakeDueAt, to: iso(to), reason: args.input.reason } })];
  },

  reportReturnToScene(state, args, now) {
    requireStage(state, NOT_TERMINAL, 'Reporting a return to the scene', 'R-SCENE');
    const observed = args.input.observedAt ? Date.parse(args.input.observedAt) : now;
    if (observed > now + CLOCK_SKEW_MS) rejectField('observedAt', 'cannot be in the future', 'R-SCENE');
    if (observed < Date.parse(state.referredAt)) rejectField('observedAt', `cannot be before the referral (${state.referredAt})`, 'R-SCENE');
    const withinWindow = observed <= Date.parse(state.sceneWindowEndsAt);
    return [event(args, now, { type: 'RETURN_TO_SCENE_REPORTED', ruleId: 'R-SCENE', data: { observedAt: iso(observed), withinWindow } })];
  },

  recordVictimObjection(state, args, now) {
    requireStage(state, NOT_TERMINAL, 'Recording a victim objection', 'R-VICTIM');
    if (!state.victimCrime || !state.victimObjectionDueAt) {
      rejectRule(state, 'R-VICTIM', `Case ${state.referralId} was referred without an identifiable victim: there is no objection window`);
    }
    if (state.victimObjectionAt) rejectRule(state, 'R-VICTIM', `A victim objection was already recorded for case ${state.referralId} (${state.victimObjectionAt})`);
    if (now > Date.parse(state.victimObjectionDueAt)) {
      rejectRule(state, 'R-VICTIM', `The objection is late: the victim's objection window of case ${state.referralId} ended ${state.victimObjectionDueAt}`);
    }
    return [event(args, now, { type: 'VICTIM_OBJECTION_RECORDED', ruleId: 'R-VICTIM', data: args.input.note ? { note: args.input.note } : undefined })];
  },

  recordFilingDecision(state, args, now) {
    requireStage(state, NOT_TERMINAL, 'Recording a filing decision', 'R-VICTIM');
    if (state.filingDecision?.decision === 'FILED') rejectRule(state, 'R-VICTIM', `Charges were already filed on case ${state.referralId} (${state.filingDecision.at})`);
    const { decision } = args.input;
    const ruleId = state.stage === 'INTAKE_MISSED' ? 'R-MISSED' : state.stage === 'LEFT_BEFORE_SCREENING' ? 'R-SCREEN' : 'R-VICTIM';
    const recorded = event(args, now, { type: 'FILING_DECISION_RECORDED', ruleId, data: { decision } });
    const awaitingProsecutor = state.stage === 'INTAKE_MISSED' || state.stage === 'LEFT_BEFORE_SCREENING';
    if (decision === 'FILED' && state.victimObjectionAt) {
      const reason = 'charges filed after a victim objection: the person is considered for a social-contact referral based on the original referral';
      return [recorded, event(args, now, { type: 'HANDED_OFF_TO_SOCIAL_CONTACT', ruleId: 'R-VICTIM', data: { reason } })];
    }
    if (decision === 'FILED' && state.stage !== 'ENROLLED') {
      return [recorded, event(args, now, { type: 'CASE_CLOSED', ruleId, data: { outcome: 'CHARGES_FILED' } })];
    }
    if (decision === 'DECLINED' && awaitingProsecutor) {
      return [recorded, event(args, now, { type: 'CASE_CLOSED', ruleId, data: { outcome: 'CHARGES_DECLINED' } })];
    }
    return [recorded];
  },

  recordExit(state, args, now) {
    requireStage(state, ['ENROLLED'], 'Recording an exit', 'R-EXIT');
    const { reason, note } = args.input;
    return [event(args, now, { type: 'EXITED', ruleId: 'R-EXIT', data: { reason, ...(note ? { note } : {}) } })];
  },
};

export function decide<A extends CaseActionName>(action: A, state: CaseState, args: CaseActionArgs<A>, now: number): NewCaseEvent[] {
  return (deciders[action] as Decider<A>)(state, args, now);
}
