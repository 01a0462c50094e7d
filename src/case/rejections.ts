import type { CaseActionRejection } from '../shared/case-action-rejection';
import type { CaseState, ReferralType, Stage } from '../shared/case-model';
import type { RuleId } from '../shared/rules';

/**
 * Refusals of case actions, free of Temporal: a decider throws a CaseRejection, the workflow turns it into
 * the update's failure (workflows/case-action-failure.ts) and the API maps that to 400 or 409.
 */
export class CaseRejection extends Error {
  constructor(readonly rejection: CaseActionRejection) {
    super(rejection.message);
    this.name = 'CaseRejection';
  }
}

function reject(rejection: CaseActionRejection): never {
  throw new CaseRejection(rejection);
}

export function rejectField(field: string, message: string, ruleId?: RuleId): never {
  reject({ code: 'INVALID_FIELD', field, ruleId, message: `${field}: ${message}${ruleId ? ` (${ruleId})` : ''}` });
}

export function rejectRule(state: CaseState, ruleId: RuleId, message: string): never {
  reject({ code: 'RULE_CONFLICT', ruleId, stage: state.stage, message: `${message} (${ruleId})` });
}

export function requireStage(state: CaseState, allowed: readonly Stage[], action: string, ruleId: RuleId): void {
  if (allowed.includes(state.stage)) return;
  reject({
    code: 'STAGE_CONFLICT',
    ruleId,
    stage: state.stage,
    message: `${action} is not possible: case ${state.referralId} is ${state.stage} (${ruleId}; allowed when ${allowed.join(' or ')})`,
  });
}

export function requireType(state: CaseState, type: ReferralType, action: string, ruleId: RuleId): void {
  if (state.type === type) return;
  reject({
    code: 'RULE_CONFLICT',
    ruleId,
    stage: state.stage,
    message: `${action} applies to ${type === 'ARREST_DIVERSION' ? 'arrest diversions' : 'social contacts'} only; case ${state.referralId} is a ${state.type === 'ARREST_DIVERSION' ? 'arrest diversion' : 'social contact'} (${ruleId})`,
  });
}
