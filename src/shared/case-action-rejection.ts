/**
 * How a refused case action is reported — without zod, so the workflows can refuse an action without
 * evaluating the schemas (see `workflows/case-workflow.ts`).
 */

/** Why a case action was refused; carried in the update failure's details. */
export type RejectionCode = 'INVALID_FIELD' | 'STAGE_CONFLICT' | 'RULE_CONFLICT';
export interface CaseActionRejection {
  code: RejectionCode;
  message: string;
  ruleId?: string;
  stage?: string;
  field?: string;
}
export const CASE_ACTION_REJECTED = 'CaseActionRejected';
