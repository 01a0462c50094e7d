import { CASE_ACTIONS, type CaseActionName } from '../case/actions';

/** R-STAFFING: POST /api/cases/:caseId/staffing-nominations (not a case action: the case's workflow is not told). */
export const STAFFING_NOMINATIONS_PATH = 'staffing-nominations';

/** The HTTP path of each case action, as its declaration names it: POST /api/cases/:caseId/<path>. */
export const CASE_ACTION_PATHS = Object.fromEntries(
  Object.entries(CASE_ACTIONS).map(([name, action]) => [name, action.path]),
) as { [A in CaseActionName]: (typeof CASE_ACTIONS)[A]['path'] };

export type CaseActionPath = (typeof CASE_ACTIONS)[CaseActionName]['path'];
