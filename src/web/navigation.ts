import type { Permission } from '../shared/permissions';

/** The pages of the main navigation, each shown only to the roles whose permission it needs. */
export const NAV: ReadonlyArray<{ href: string; label: string; permission: Permission }> = [
  { href: '/refer', label: 'Refer', permission: 'referral.create' },
  { href: '/caseload', label: 'My caseload', permission: 'caseload.read' },
  { href: '/sergeant', label: 'Sergeant queue', permission: 'queue.sergeant' },
  { href: '/prosecutor', label: 'Prosecutor inbox', permission: 'queue.prosecutor' },
  { href: '/nci', label: 'NCI referrals', permission: 'queue.nci' },
  { href: '/supervisor', label: 'Stuck cases', permission: 'stuck.read' },
  { href: '/reports', label: 'Monthly report', permission: 'report.staffing' },
  { href: '/evaluation', label: 'Evaluation', permission: 'evaluation.read' },
];

/** What each role is called on the pages. */
export const ROLE_LABELS = {
  officer: 'officer',
  sergeant: 'sergeant',
  case_manager: 'case manager',
  prosecutor: 'prosecutor',
  project_manager: 'project manager',
  supervisor: 'supervisor',
  doc_nci: 'DOC NCI officer',
  evaluator: 'evaluator',
} as const;
