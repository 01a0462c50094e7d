import type { CaseActionName } from '../shared/case-actions';

/** The HTTP path of each case action: POST /api/cases/:caseId/<path>. */
export const CASE_ACTION_PATHS: Record<CaseActionName, string> = {
  recordScreening: 'screening',
  recordLeftBeforeScreening: 'left-before-screening',
  recordConsent: 'consent',
  rescindConsent: 'consent/rescind',
  recordIntake: 'intake',
  extendIntakeDeadline: 'intake-deadline/extensions',
  reportReturnToScene: 'returns-to-scene',
  recordVictimObjection: 'victim-objection',
  recordFilingDecision: 'filing-decision',
  recordExit: 'exit',
  recordIipGoals: 'iip',
  withdrawService: 'service-withdrawals',
  reinstateService: 'service-reinstatements',
  recordService: 'services',
  recordCaseNote: 'notes',
  decideOverride: 'override-decision',
  decideNciReferral: 'nci-decision',
  decideApproval: 'approval-decision',
  recordContact: 'contacts',
  decideReassessment: 'reassessment-decision',
};
