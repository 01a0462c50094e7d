/**
 * How a refused case action is reported — without zod, like the declarations that re-export it
 * (`src/case/actions/index.ts`), so that what only reads them loads no zod.
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
