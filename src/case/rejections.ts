import type { CaseActionRejection } from '../shared/case-action-rejection';
import type { ReferralType, Stage } from '../shared/case-vocabulary';
import type { RuleId } from '../shared/rules';
import type { NewCaseEvent } from './case-events';
import type { CaseState } from './case-state';

/**
 * What a decider answers, free of Temporal: the events an accepted action makes, or a refusal naming the
 * rule (and the field). Only the workflow turns a refusal into the update's failure
 * (workflows/case-action-failure.ts); the API maps that to 400 or 409.
 */
export type Refusal = { ok: false; rejection: CaseActionRejection };
export type Decision = { ok: true; events: NewCaseEvent[] } | Refusal;

export const accept = (...events: NewCaseEvent[]): Decision => ({ ok: true, events });

const refuse = (rejection: CaseActionRejection): Refusal => ({ ok: false, rejection });

export function fieldRefusal(field: string, message: string, ruleId?: RuleId): Refusal {
  return refuse({
    code: 'INVALID_FIELD',
    field,
    ruleId,
    message: `${field}: ${message}${ruleId ? ` (${ruleId})` : ''}`,
  });
}

export function ruleRefusal(state: CaseState, ruleId: RuleId, message: string): Refusal {
  return refuse({ code: 'RULE_CONFLICT', ruleId, stage: state.stage, message: `${message} (${ruleId})` });
}

/** A refusal when the case is not at one of the allowed stages; none when it is. */
export function stageRefusal(
  state: CaseState,
  allowed: readonly Stage[],
  action: string,
  ruleId: RuleId,
): Refusal | undefined {
  if (allowed.includes(state.stage)) return undefined;
  return refuse({
    code: 'STAGE_CONFLICT',
    ruleId,
    stage: state.stage,
    message: `${action} is not possible: case ${state.referralId} is ${state.stage} (${ruleId}; allowed when ${allowed.join(' or ')})`,
  });
}

/** A refusal when the case is not of the type the action applies to; none when it is. */
export function typeRefusal(state: CaseState, type: ReferralType, action: string, ruleId: RuleId): Refusal | undefined {
  if (state.type === type) return undefined;
  return refuse({
    code: 'RULE_CONFLICT',
    ruleId,
    stage: state.stage,
    message: `${action} applies to ${type === 'ARREST_DIVERSION' ? 'arrest diversions' : 'social contacts'} only; case ${state.referralId} is a ${state.type === 'ARREST_DIVERSION' ? 'arrest diversion' : 'social contact'} (${ruleId})`,
  });
}
