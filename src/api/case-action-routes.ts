import type { CaseActionName } from '../shared/case-actions';

/** R-STAFFING: POST /api/cases/:caseId/staffing-nominations (not a case action: the case's workflow is not told). */
export const STAFFING_NOMINATIONS_PATH = 'staffing-nominations';

/** The HTTP path of each case action: POST /api/cases/:caseId/<path>. */
export const CASE_ACTION_PATHS = {
  recordScreening: 'screening',
  recordLeftBeforeScreening: 'left-before-screening',
  recordScreenedOut: 'screening/not-appropriate',
  recordConsent: 'consent',
  rescindConsent: 'consent/rescind',
  amendRelease: 'consent/amendments',
  recordIntake: 'intake',
  scheduleIntake: 'intake/appointment',
  extendIntakeDeadline: 'intake-deadline/extensions',
  reportReturnToScene: 'returns-to-scene',
  recordVictimObjection: 'victim-objection',
  recordFilingDecision: 'filing-decision',
  recordPacketReview: 'packet-review',
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
} as const satisfies Record<CaseActionName, string>;

export type CaseActionPath = (typeof CASE_ACTION_PATHS)[CaseActionName];
