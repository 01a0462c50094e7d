import { CASE_ACTIONS, type CaseActionName } from '../case/actions';
import type { Role } from '../shared/roles';

/** The permission `case.<name>` of each case action: the roles its declaration names (src/case/actions/). */
const CASE_ACTION_PERMISSIONS = Object.fromEntries(
  Object.entries(CASE_ACTIONS).map(([name, action]) => [`case.${name}`, action.roles]),
) as Record<`case.${CaseActionName}`, readonly Role[]>;

/** Who may do what (PROTOCOL.md "People and roles"): one table, enforced in one place by the API. */
export const PERMISSIONS = {
  'referral.create': ['officer', 'sergeant'],
  'case.read': ['officer', 'sergeant', 'case_manager', 'prosecutor', 'project_manager', 'supervisor', 'doc_nci'],
  /**
   * Finding a case again: by name, date of birth, case id, stage, agency, referral dates — over the
   * cases the reader may read, by identity only where they may read the referral record (R-ROI).
   */
  'case.search': ['officer', 'sergeant', 'case_manager', 'prosecutor', 'project_manager', 'supervisor', 'doc_nci'],
  /** "My referrals": the cases the signed-in person submitted, newest first. */
  'referral.readOwn': ['officer', 'sergeant'],
  ...CASE_ACTION_PERMISSIONS,
  'capacity.read': ['sergeant', 'case_manager', 'project_manager', 'supervisor'],
  'caseload.read': ['case_manager'],
  'queue.sergeant': ['sergeant'],
  'queue.prosecutor': ['prosecutor'],
  'queue.nci': ['doc_nci'],
  'stuck.read': ['supervisor', 'sergeant', 'project_manager'],
  'audit.read': ['supervisor'],
  /** R-DISCLOSE: the accounting of every disclosure of a person's information. */
  'disclosures.read': ['case_manager', 'supervisor'],
  /** R-STAFFING: partners nominate a person for the next staffing meeting. */
  'staffing.nominate': ['officer', 'sergeant', 'case_manager', 'prosecutor', 'project_manager', 'supervisor'],
  'codec.decode': ['supervisor'],
  /** R-STAFFING: the monthly figures and the staffing-meeting case list (names the people). */
  'report.staffing': ['case_manager', 'project_manager', 'supervisor'],
  /** R-STAFFING: produce a month's report again, now (the schedule produces each month on the 1st). */
  'report.produce': ['project_manager', 'supervisor'],
  /** The Temporal Web UI, served through the product (it can act on any workflow). */
  'temporal.ui': ['supervisor'],
  /** R-STAFFING: the client-level report for the funder (goals, services, exits; R-ROI decides how much). */
  'report.clients': ['case_manager', 'project_manager', 'supervisor'],
  /** R-EVAL, R-EL-NORIGHT: an eligibility check that ends in booking joins the comparison pool. */
  'booking.create': ['officer', 'sergeant'],
  /** R-EVAL: the comparison pool's records (police records: R-ROI's referral-record readers). */
  'booking.read': ['officer', 'sergeant', 'prosecutor', 'case_manager', 'project_manager', 'supervisor'],
  /** R-EVAL: a new arrest, booking or charge of a participant or of the comparison pool. */
  'outcome.record': ['officer', 'sergeant', 'prosecutor'],
  /** R-EVAL: outcomes from a records system's CSV, matched to people by name and date of birth. */
  'outcome.import': ['supervisor', 'project_manager'],
  /** R-EVAL: case management asks the participant and records what they say of themselves. */
  'demographics.record': ['case_manager'],
  /** R-EVAL, R-IIP: case management records the milestones a participant reached. */
  'milestone.record': ['case_manager'],
  /** R-EVAL: the agency's sergeants confirm a follow-up's outcomes are recorded (supervisors for any agency). */
  'followup.confirm': ['sergeant', 'supervisor'],
  /** R-EVAL: the evaluation figures (small cells suppressed). */
  'evaluation.read': ['project_manager', 'supervisor', 'evaluator'],
  /** R-EVAL: compute and store the figures now (the schedule does every night). */
  'evaluation.produce': ['project_manager', 'supervisor'],
  /** R-EVAL: the de-identified dataset (every export a disclosure, R-DISCLOSE). */
  'evaluation.export': ['evaluator'],
  /** Issue 26: the programs this deployment runs, and each one's configuration history. */
  'program.read': ['project_manager', 'supervisor'],
  /** Issue 26: add a program, or put a new version of its configuration in force (versioned, audited). */
  'program.configure': ['project_manager', 'supervisor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function allows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
