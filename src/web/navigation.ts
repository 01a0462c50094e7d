import { allows, PERMISSIONS, type Permission } from '../contract/permissions';
import { ROLE_NAMES } from '../contract/plain-language';
import type { Role } from '../shared/roles';

/** The pages of the main navigation, each shown only to the roles whose permission it needs. */
export const NAV: ReadonlyArray<{ href: string; label: string; permission: Permission }> = [
  { href: '/refer', label: 'Refer', permission: 'referral.create' },
  { href: '/my-referrals', label: 'My referrals', permission: 'referral.readOwn' },
  { href: '/caseload', label: 'My caseload', permission: 'caseload.read' },
  { href: '/sergeant', label: 'Sergeant queue', permission: 'queue.sergeant' },
  { href: '/prosecutor', label: 'Prosecutor inbox', permission: 'queue.prosecutor' },
  { href: '/nci', label: 'NCI referrals', permission: 'queue.nci' },
  { href: '/supervisor', label: 'Stuck cases', permission: 'stuck.read' },
  { href: '/reports', label: 'Monthly report', permission: 'report.staffing' },
  { href: '/evaluation', label: 'Evaluation', permission: 'evaluation.read' },
  { href: '/search', label: 'Search', permission: 'case.search' },
];

/** What each role is called on the pages: the words every sentence uses (src/contract/plain-language/). */
const { system: _service, ...roleLabels } = ROLE_NAMES;
export const ROLE_LABELS: Record<Role, string> = roleLabels;

/** Where each role starts (after signing in, and the way back from a page that is not theirs). */
export const START_PAGE: Record<Role, string> = {
  officer: '/refer',
  sergeant: '/sergeant',
  case_manager: '/caseload',
  prosecutor: '/prosecutor',
  project_manager: '/reports',
  supervisor: '/supervisor',
  doc_nci: '/nci',
  evaluator: '/evaluation',
};

/** The navigation a role sees: only the pages its permissions open. */
export const navigationOf = (role: Role) => NAV.filter((n) => allows(role, n.permission));

/** In plain words: which roles a page or action is for, when someone else opens it. */
export function notForYou(role: Role | undefined, permission: Permission, what = 'This page'): string {
  const roles = (PERMISSIONS[permission] as readonly Role[]).map((r) => `${ROLE_LABELS[r]}s`);
  const yours = role ? navigationOf(role).map((n) => n.label) : [];
  return `${what} is for ${roles.join(' and ')}.${yours.length ? ` Your pages: ${yours.join(', ')}.` : ''}`;
}

/** The way back from a page someone may not open: their own start page. */
export function wayBack(role: Role): { href: string; label: string } {
  const href = START_PAGE[role];
  return { href, label: NAV.find((n) => n.href === href)?.label ?? 'your page' };
}
