import type { CaseActionArgs } from './actions';
import type { CaseState } from './case-state';
import type { Stage } from '../shared/case-vocabulary';
import type { NewCaseEvent } from './case-events';
import { CLOCK_SKEW_MS, event, iso, NOT_TERMINAL, type Deciders } from './decision-helpers';
import { filingSituationOf, officeDecided, officesOf } from './filing';
import { intakeDeadlineFrom } from './intake-deadline';
import {
  accept,
  fieldRefusal,
  ruleRefusal,
  stageRefusal,
  typeRefusal,
  type Decision,
  type Refusal,
} from './rejections';

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
  | 'recordScreenedOut'
  | 'recordPacketReview'
> = {
  decideOverride(state, args, now) {
    const refused =
      typeRefusal(state, 'ARREST_DIVERSION', 'An override decision', 'R-EL-OVERRIDE') ??
      stageRefusal(state, ['OVERRIDE_REQUESTED'], 'An override decision', 'R-EL-OVERRIDE');
    if (refused) return refused;
    const { decision, reason } = args.input;
    if (decision === 'DENY')
      return accept(event(args, now, { type: 'OVERRIDE_DENIED', ruleId: 'R-EL-OVERRIDE', data: { reason } }));
    // R-EL-OVERRIDE (Decision): the intake deadline of an accepted override counts from the acceptance.
    const intakeDueAt = intakeDeadlineFrom(now, state.policy);
    return accept(
      event(args, now, { type: 'OVERRIDE_APPROVED', ruleId: 'R-EL-OVERRIDE', data: { reason, intakeDueAt } }),
    );
  },

  decideNciReferral(state, args, now) {
    const refused =
      typeRefusal(state, 'ARREST_DIVERSION', 'A DOC NCI decision', 'R-EL-WARRANT') ??
      stageRefusal(state, ['AWAITING_NCI_DECISION'], 'A DOC NCI decision', 'R-EL-WARRANT');
    if (refused) return refused;
    const { decision, reason, onWordOf } = args.input;
    if (args.actor.role === 'sergeant' && !onWordOf)
      return fieldRefusal(
        'onWordOf',
        "a sergeant records the NCI team's decision on their word: name the NCI officer who gave it",
        'R-EL-WARRANT',
      );
    const word = { ...(reason ? { reason } : {}), ...(onWordOf ? { onWordOf } : {}) };
    if (decision === 'DECLINE') {
      return accept(event(args, now, { type: 'NCI_DECLINED', ruleId: 'R-EL-WARRANT', data: word }));
    }
    const p = state.policy;
    // R-EL-WARRANT (Decision 2026-12-02): NCI first — a waiting override request goes to the sergeant now.
    if (state.override && !state.override.decision) {
      const data = {
        ...word,
        overrideDueAt: iso(now + p.overrideOverdueAfterMs),
        ...(state.victimCrime ? { victimObjectionDueAt: iso(now + p.victimObjectionWindowMs) } : {}),
      };
      return accept(event(args, now, { type: 'NCI_REFERRED', ruleId: 'R-EL-WARRANT', data }));
    }
    // R-EL-WARRANT (Decision): referred, it proceeds as a diversion and its clocks start now.
    return accept(
      event(args, now, {
        type: 'NCI_REFERRED',
        ruleId: 'R-EL-WARRANT',
        data: {
          ...word,
          screeningDueAt: iso(now + p.screeningOverdueAfterMs),
          intakeDueAt: intakeDeadlineFrom(now, p),
          sceneWindowEndsAt: iso(now + p.sceneWindowMs),
          ...(state.victimCrime ? { victimObjectionDueAt: iso(now + p.victimObjectionWindowMs) } : {}),
        },
      }),
    );
  },

  extendIntakeDeadline(state, args, now) {
    const refused =
      typeRefusal(state, 'ARREST_DIVERSION', 'Extending the intake deadline', 'R-INTAKE') ??
      stageRefusal(state, ['AWAITING_SCREENING', 'AWAITING_INTAKE'], 'Extending the intake deadline', 'R-INTAKE');
    if (refused) return refused;
    const current = state.intakeDueAt!;
    const to = Date.parse(args.input.newDueAt);
    if (to <= Date.parse(current))
      return fieldRefusal('newDueAt', `must be later than the current intake deadline ${current}`, 'R-INTAKE');
    if (to <= now) return fieldRefusal('newDueAt', 'must be in the future', 'R-INTAKE');
    return accept(
      event(args, now, {
        type: 'INTAKE_DEADLINE_EXTENDED',
        ruleId: 'R-INTAKE',
        data: { from: current, to: iso(to), reason: args.input.reason },
      }),
    );
  },

  reportReturnToScene(state, args, now) {
    const refused =
      typeRefusal(state, 'ARREST_DIVERSION', 'Reporting a return to the scene', 'R-SCENE') ??
      stageRefusal(state, NOT_TERMINAL, 'Reporting a return to the scene', 'R-SCENE');
    if (refused) return refused;
    if (!state.sceneWindowEndsAt)
      return ruleRefusal(
        state,
        'R-SCENE',
        `Case ${state.referralId} was booked, not released at the scene: there is no exclusion window`,
      );
    const observed = args.input.observedAt ? Date.parse(args.input.observedAt) : now;
    if (observed > now + CLOCK_SKEW_MS) return fieldRefusal('observedAt', 'cannot be in the future', 'R-SCENE');
    if (observed < Date.parse(state.referredAt))
      return fieldRefusal('observedAt', `cannot be before the referral (${state.referredAt})`, 'R-SCENE');
    const withinWindow = observed <= Date.parse(state.sceneWindowEndsAt);
    return accept(
      event(args, now, {
        type: 'RETURN_TO_SCENE_REPORTED',
        ruleId: 'R-SCENE',
        data: { observedAt: iso(observed), withinWindow },
      }),
    );
  },

  recordVictimObjection(state, args, now) {
    const refused =
      typeRefusal(state, 'ARREST_DIVERSION', 'A victim objection', 'R-VICTIM') ??
      stageRefusal(state, NOT_TERMINAL, 'Recording a victim objection', 'R-VICTIM');
    if (refused) return refused;
    if (!state.victimCrime || !state.victimObjectionDueAt) {
      return ruleRefusal(
        state,
        'R-VICTIM',
        `Case ${state.referralId} was referred without an identifiable victim: there is no objection window`,
      );
    }
    if (state.victimObjectionAt)
      return ruleRefusal(
        state,
        'R-VICTIM',
        `A victim objection was already recorded for case ${state.referralId} (${state.victimObjectionAt})`,
      );
    if (now > Date.parse(state.victimObjectionDueAt)) {
      return ruleRefusal(
        state,
        'R-VICTIM',
        `The objection is late: the victim's objection window of case ${state.referralId} ended ${state.victimObjectionDueAt}`,
      );
    }
    // R-VICTIM (Decision 2026-12-02): the objection puts a filing decision on each office's list, with its own clock.
    const decisionDueAt = iso(now + state.policy.victimFilingDecisionMs);
    const data = { ...(args.input.note ? { note: args.input.note } : {}), decisionDueAt };
    return accept(event(args, now, { type: 'VICTIM_OBJECTION_RECORDED', ruleId: 'R-VICTIM', data }));
  },

  recordScreenedOut(state, args, now) {
    const refused =
      typeRefusal(
        state,
        'ARREST_DIVERSION',
        'Recording that the screening found the person not appropriate',
        'R-SCREEN',
      ) ?? stageRefusal(state, ['AWAITING_SCREENING'], 'Recording the screening outcome', 'R-SCREEN');
    if (refused) return refused;
    const { reason, note } = args.input;
    return accept(
      event(args, now, { type: 'SCREENED_OUT', ruleId: 'R-SCREEN', data: { reason, ...(note ? { note } : {}) } }),
    );
  },

  recordPacketReview(state, args, now) {
    const refused =
      typeRefusal(state, 'ARREST_DIVERSION', 'A review of the diversion packet', 'R-PACKET') ??
      stageRefusal(state, NOT_TERMINAL, 'Recording the packet review', 'R-PACKET');
    if (refused) return refused;
    const acting = actingOffice(state, args, 'R-PACKET');
    if (!acting.ok) return acting;
    const { office } = acting;
    if ((state.packetReviews ?? []).some((r) => r.office === office))
      return ruleRefusal(
        state,
        'R-PACKET',
        `${office} already recorded its review of the packet of case ${state.referralId}`,
      );
    const { outcome, criterion, note } = args.input;
    if (outcome === 'DOES_NOT_MEET_CRITERIA' && !criterion)
      return fieldRefusal('criterion', 'name the criterion the referral does not meet', 'R-PACKET');
    return accept(
      event(args, now, {
        type: 'PACKET_REVIEWED',
        ruleId: 'R-PACKET',
        data: { office, outcome, ...(criterion ? { criterion } : {}), ...(note ? { note } : {}) },
      }),
    );
  },

  recordFilingDecision(state, args, now) {
    const refused =
      typeRefusal(state, 'ARREST_DIVERSION', 'A filing decision', 'R-VICTIM') ??
      stageRefusal(state, NOT_TERMINAL, 'Recording a filing decision', 'R-VICTIM');
    if (refused) return refused;
    return officeFilingDecision(state, args, now);
  },
};

/** A handed-off participant's continuation (R-VICTIM, Decision): the hand-off event after charges are filed. */
function handOff(state: CaseState, args: CaseActionArgs, now: number): NewCaseEvent {
  const reason =
    'charges filed after a victim objection: the person is considered for a social-contact referral based on the original referral';
  // R-VICTIM (Decision): the person's participation does not restart — it continues in the social contact.
  const keeps = CONTINUES.includes(state.stage)
    ? { continuesFrom: state.stage, keepsEnrollment: state.stage === 'ENROLLED' }
    : {};
  return event(args, now, { type: 'HANDED_OFF_TO_SOCIAL_CONTACT', ruleId: 'R-VICTIM', data: { reason, ...keeps } });
}

/**
 * The office a prosecutor acts for (R-JURISDICTION): their own, which must have jurisdiction here. An
 * actor naming no office (a caller from before offices were named) acts for the case's only office.
 */
function actingOffice(
  state: CaseState,
  args: CaseActionArgs,
  ruleId: 'R-PACKET' | 'R-JURISDICTION',
): { ok: true; office: string } | Refusal {
  const offices = officesOf(state);
  const office = args.actor.office ?? (offices.length === 1 ? offices[0] : undefined);
  if (!office)
    return fieldRefusal('actor.office', `name the office that decides: one of ${offices.join(', ')}`, 'R-JURISDICTION');
  if (!offices.includes(office))
    return ruleRefusal(
      state,
      ruleId,
      `${office} has no jurisdiction over case ${state.referralId} (offices: ${offices.join(', ')})`,
    );
  return { ok: true, office };
}

/**
 * R-JURISDICTION (Decision 2026-12-02): each office decides on its own charges. Any office filing ends
 * the diversion (after a victim objection the person continues as a social contact, R-VICTIM); the case
 * closes as charges declined only when every office owed a decision has declined. A decision outside
 * R-SCREEN, R-MISSED and R-VICTIM stays the prosecutor's to make (R-PACKET, Decision 2026-12-02), with
 * a stated reason and an explicit confirmation; the case manager and the sergeant are told.
 */
function officeFilingDecision(state: CaseState, args: CaseActionArgs<'recordFilingDecision'>, now: number): Decision {
  const acting = actingOffice(state, args, 'R-JURISDICTION');
  if (!acting.ok) return acting;
  const { office } = acting;
  const { decision, reason, confirmOutsideProtocol } = args.input;
  const situation = filingSituationOf(state);
  if (state.filingDecisions?.some((d) => d.decision === 'FILED'))
    return ruleRefusal(state, 'R-JURISDICTION', `Charges were already filed on case ${state.referralId}`);
  if (situation && officeDecided(state, office, situation)) {
    const earlier = state.filingDecisions!.find((d) => d.office === office && d.ruleId === situation)!;
    return ruleRefusal(
      state,
      situation,
      `${office} already recorded its decision (${earlier.decision}, ${earlier.at}) on case ${state.referralId}`,
    );
  }
  if (!situation) {
    if (!reason)
      return fieldRefusal(
        'reason',
        `case ${state.referralId} is ${state.stage}: a filing decision outside R-SCREEN, R-MISSED and R-VICTIM needs a stated reason`,
        'R-PACKET',
      );
    if (confirmOutsideProtocol !== true)
      return fieldRefusal(
        'confirmOutsideProtocol',
        'confirm that you decide outside the situations the protocol names (the case manager and the sergeant are told)',
        'R-PACKET',
      );
  }
  const ruleId = situation ?? 'R-PACKET';
  const recorded = event(args, now, {
    type: 'FILING_DECISION_RECORDED',
    ruleId,
    data: { decision, office, ...(reason ? { reason } : {}) },
  });
  if (decision === 'FILED') {
    if (state.victimObjectionAt && situation === 'R-VICTIM') return accept(recorded, handOff(state, args, now));
    return accept(recorded, event(args, now, { type: 'CASE_CLOSED', ruleId, data: { outcome: 'CHARGES_FILED' } }));
  }
  const othersDeclined = officesOf(state)
    .filter((o) => o !== office)
    .every((o) => officeDecided(state, o, ruleId));
  if ((situation === 'R-SCREEN' || situation === 'R-MISSED') && othersDeclined)
    return accept(recorded, event(args, now, { type: 'CASE_CLOSED', ruleId, data: { outcome: 'CHARGES_DECLINED' } }));
  return accept(recorded);
}
