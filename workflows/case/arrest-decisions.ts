import type { Stage } from '../../src/shared/case-model';
import { CLOCK_SKEW_MS, event, iso, NOT_TERMINAL, type Deciders } from './decision-helpers';
import { rejectField, rejectRule, requireStage, requireType } from './rejections';

/** Actions of arrest diversions only: R-EL-OVERRIDE, R-INTAKE extensions, R-SCENE, R-VICTIM, filing. */
/** Where a handed-off participant continues in the linked social contact (R-VICTIM, Decision). */
const CONTINUES: readonly Stage[] = ['AWAITING_SCREENING', 'AWAITING_INTAKE', 'ENROLLED'];

export const arrestDeciders: Deciders<
  | 'decideOverride'
  | 'decideNciReferral'
  | 'extendIntakeDeadline'
  | 'reportReturnToScene'
  | 'recordVictimObjection'
  | 'recordFilingDecision'
> = {
  decideOverride(state, args, now, rules) {
    requireType(state, 'ARREST_DIVERSION', 'An override decision', 'R-EL-OVERRIDE');
    requireStage(state, ['OVERRIDE_REQUESTED'], 'An override decision', 'R-EL-OVERRIDE');
    const { decision, reason } = args.input;
    if (decision === 'DENY')
      return [event(args, now, { type: 'OVERRIDE_DENIED', ruleId: 'R-EL-OVERRIDE', data: { reason } })];
    // R-EL-OVERRIDE (Decision): the intake deadline of an accepted override counts from the acceptance.
    const intakeDueAt = rules.overrideDeadlineFromAcceptance
      ? { intakeDueAt: iso(now + state.policy.intakeDeadlineMs) }
      : {};
    return [event(args, now, { type: 'OVERRIDE_APPROVED', ruleId: 'R-EL-OVERRIDE', data: { reason, ...intakeDueAt } })];
  },

  decideNciReferral(state, args, now) {
    requireType(state, 'ARREST_DIVERSION', 'A DOC NCI decision', 'R-EL-WARRANT');
    requireStage(state, ['AWAITING_NCI_DECISION'], 'A DOC NCI decision', 'R-EL-WARRANT');
    const { decision, reason, onWordOf } = args.input;
    if (args.actor.role === 'sergeant' && !onWordOf)
      rejectField(
        'onWordOf',
        "a sergeant records the NCI team's decision on their word: name the NCI officer who gave it",
        'R-EL-WARRANT',
      );
    const word = { ...(reason ? { reason } : {}), ...(onWordOf ? { onWordOf } : {}) };
    if (decision === 'DECLINE') {
      return [event(args, now, { type: 'NCI_DECLINED', ruleId: 'R-EL-WARRANT', data: word })];
    }
    // R-EL-WARRANT (Decision): referred, it proceeds as a diversion and its clocks start now.
    const p = state.policy;
    return [
      event(args, now, {
        type: 'NCI_REFERRED',
        ruleId: 'R-EL-WARRANT',
        data: {
          ...word,
          screeningDueAt: iso(now + p.screeningOverdueAfterMs),
          intakeDueAt: iso(now + p.intakeDeadlineMs),
          sceneWindowEndsAt: iso(now + p.sceneWindowMs),
          ...(state.victimCrime ? { victimObjectionDueAt: iso(now + p.victimObjectionWindowMs) } : {}),
        },
      }),
    ];
  },

  extendIntakeDeadline(state, args, now) {
    requireType(state, 'ARREST_DIVERSION', 'Extending the intake deadline', 'R-INTAKE');
    requireStage(state, ['AWAITING_SCREENING', 'AWAITING_INTAKE'], 'Extending the intake deadline', 'R-INTAKE');
    const current = state.intakeDueAt!;
    const to = Date.parse(args.input.newDueAt);
    if (to <= Date.parse(current))
      rejectField('newDueAt', `must be later than the current intake deadline ${current}`, 'R-INTAKE');
    if (to <= now) rejectField('newDueAt', 'must be in the future', 'R-INTAKE');
    return [
      event(args, now, {
        type: 'INTAKE_DEADLINE_EXTENDED',
        ruleId: 'R-INTAKE',
        data: { from: current, to: iso(to), reason: args.input.reason },
      }),
    ];
  },

  reportReturnToScene(state, args, now) {
    requireType(state, 'ARREST_DIVERSION', 'Reporting a return to the scene', 'R-SCENE');
    requireStage(state, NOT_TERMINAL, 'Reporting a return to the scene', 'R-SCENE');
    if (!state.sceneWindowEndsAt)
      rejectRule(
        state,
        'R-SCENE',
        `Case ${state.referralId} was booked, not released at the scene: there is no exclusion window`,
      );
    const observed = args.input.observedAt ? Date.parse(args.input.observedAt) : now;
    if (observed > now + CLOCK_SKEW_MS) rejectField('observedAt', 'cannot be in the future', 'R-SCENE');
    if (observed < Date.parse(state.referredAt))
      rejectField('observedAt', `cannot be before the referral (${state.referredAt})`, 'R-SCENE');
    const withinWindow = observed <= Date.parse(state.sceneWindowEndsAt);
    return [
      event(args, now, {
        type: 'RETURN_TO_SCENE_REPORTED',
        ruleId: 'R-SCENE',
        data: { observedAt: iso(observed), withinWindow },
      }),
    ];
  },

  recordVictimObjection(state, args, now) {
    requireType(state, 'ARREST_DIVERSION', 'A victim objection', 'R-VICTIM');
    requireStage(state, NOT_TERMINAL, 'Recording a victim objection', 'R-VICTIM');
    if (!state.victimCrime || !state.victimObjectionDueAt) {
      rejectRule(
        state,
        'R-VICTIM',
        `Case ${state.referralId} was referred without an identifiable victim: there is no objection window`,
      );
    }
    if (state.victimObjectionAt)
      rejectRule(
        state,
        'R-VICTIM',
        `A victim objection was already recorded for case ${state.referralId} (${state.victimObjectionAt})`,
      );
    if (now > Date.parse(state.victimObjectionDueAt)) {
      rejectRule(
        state,
        'R-VICTIM',
        `The objection is late: the victim's objection window of case ${state.referralId} ended ${state.victimObjectionDueAt}`,
      );
    }
    return [
      event(args, now, {
        type: 'VICTIM_OBJECTION_RECORDED',
        ruleId: 'R-VICTIM',
        data: args.input.note ? { note: args.input.note } : undefined,
      }),
    ];
  },

  recordFilingDecision(state, args, now, rules) {
    requireType(state, 'ARREST_DIVERSION', 'A filing decision', 'R-VICTIM');
    requireStage(state, NOT_TERMINAL, 'Recording a filing decision', 'R-VICTIM');
    if (state.filingDecision?.decision === 'FILED')
      rejectRule(
        state,
        'R-VICTIM',
        `Charges were already filed on case ${state.referralId} (${state.filingDecision.at})`,
      );
    const awaitingProsecutor = state.stage === 'INTAKE_MISSED' || state.stage === 'LEFT_BEFORE_SCREENING';
    if (rules.filingDecisionGuard && !awaitingProsecutor && !state.victimObjectionAt) {
      rejectRule(
        state,
        'R-VICTIM',
        `No filing decision is open on case ${state.referralId}: the protocol gives the prosecutor one only after the person left before screening (R-SCREEN), missed the intake deadline (R-MISSED) or a victim objected (R-VICTIM); the case is ${state.stage} with no objection recorded`,
      );
    }
    const { decision } = args.input;
    const ruleId =
      state.stage === 'INTAKE_MISSED' ? 'R-MISSED' : state.stage === 'LEFT_BEFORE_SCREENING' ? 'R-SCREEN' : 'R-VICTIM';
    const recorded = event(args, now, { type: 'FILING_DECISION_RECORDED', ruleId, data: { decision } });
    if (decision === 'FILED' && state.victimObjectionAt) {
      const reason =
        'charges filed after a victim objection: the person is considered for a social-contact referral based on the original referral';
      // R-VICTIM (Decision): the person's participation does not restart — it continues in the social contact.
      const keeps =
        rules.handOffKeepsEnrollment && CONTINUES.includes(state.stage)
          ? { continuesFrom: state.stage, keepsEnrollment: state.stage === 'ENROLLED' }
          : {};
      return [
        recorded,
        event(args, now, { type: 'HANDED_OFF_TO_SOCIAL_CONTACT', ruleId: 'R-VICTIM', data: { reason, ...keeps } }),
      ];
    }
    if (decision === 'FILED' && state.stage !== 'ENROLLED') {
      return [recorded, event(args, now, { type: 'CASE_CLOSED', ruleId, data: { outcome: 'CHARGES_FILED' } })];
    }
    if (decision === 'DECLINED' && awaitingProsecutor) {
      return [recorded, event(args, now, { type: 'CASE_CLOSED', ruleId, data: { outcome: 'CHARGES_DECLINED' } })];
    }
    return [recorded];
  },
};
