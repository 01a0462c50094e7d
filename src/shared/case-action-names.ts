/**
 * The case actions by name, and how a refused one is reported — without zod, so the workflows can
 * name and register every action without evaluating the schemas (see `workflows/case-workflow.ts`).
 * `case-actions.ts` checks at compile time that its schemas are exactly these.
 */
export const CASE_ACTION_NAMES = [
  'recordScreening',
  'recordLeftBeforeScreening',
  'recordScreenedOut',
  'recordConsent',
  'rescindConsent',
  'amendRelease',
  'recordIntake',
  'scheduleIntake',
  'extendIntakeDeadline',
  'reportReturnToScene',
  'recordVictimObjection',
  'recordFilingDecision',
  'recordPacketReview',
  'recordExit',
  'recordIipGoals',
  'withdrawService',
  'reinstateService',
  'recordService',
  'recordCaseNote',
  'decideOverride',
  'decideNciReferral',
  'decideApproval',
  'recordContact',
  'decideReassessment',
] as const;

export type CaseActionName = (typeof CASE_ACTION_NAMES)[number];

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
