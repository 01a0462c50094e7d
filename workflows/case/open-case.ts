import type { ArrestDiversionInput, CaseState } from '../../src/shared/case-model';
import { SYSTEM_ACTOR } from '../../src/shared/roles';
import type { NewCaseEvent } from './case-events';

const at = (ms: number) => new Date(ms).toISOString();

/** The state of a new arrest diversion and its first event (R-CALL), every clock set from its policy. */
export function openArrestDiversion(input: ArrestDiversionInput, startedAt: number): { state: CaseState; first: NewCaseEvent } {
  const referred = input.referredAt ? Date.parse(input.referredAt) : startedAt;
  const { policy } = input;
  const state: CaseState = {
    referralId: input.referralId,
    type: 'ARREST_DIVERSION',
    agency: input.agency,
    prosecutorOffice: input.prosecutorOffice,
    offenseLevel: input.offenseLevel,
    victimCrime: input.victimCrime,
    policy,
    referredAt: at(referred),
    stage: 'AWAITING_SCREENING',
    screeningDueAt: at(referred + policy.screeningOverdueAfterMs),
    consent: { status: 'NONE' },
    intakeDueAt: at(referred + policy.intakeDeadlineMs),
    intakeExtensions: [],
    sceneWindowEndsAt: at(referred + policy.sceneWindowMs),
    sceneWindowEnded: false,
    victimObjectionDueAt: input.victimCrime ? at(referred + policy.victimObjectionWindowMs) : undefined,
    victimObjectionWindowEnded: false,
    stuck: [],
    notices: [],
    events: [],
    seq: 0,
    projectedSeq: 0,
  };
  const first: NewCaseEvent = {
    type: 'REFERRAL_RECEIVED',
    ruleId: 'R-CALL',
    at: at(startedAt),
    actor: SYSTEM_ACTOR,
    data: { referredAt: state.referredAt, intakeDueAt: state.intakeDueAt, prosecutorOffice: state.prosecutorOffice },
  };
  return { state, first };
}
