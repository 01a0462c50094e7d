import type { Role } from '../shared/roles';

/** Every demo person's id starts with it; `npm run users` gives it to nobody else. */
export const DEMO_ID_PREFIX = 'demo-';

/**
 * Demo people for the embedded default, one per role (and one per prosecutor office). The one list:
 * `npm start` seeds it, and any other database refuses everyone on it or with its prefix — including
 * the ones earlier versions seeded there without the `demo` mark (issue 22 item 5: `demo-doc-nci`).
 */
export const DEMO_USERS: Array<{
  id: string;
  displayName: string;
  role: Role;
  office?: string;
  agency?: string;
  badge?: string;
}> = [
  { id: 'demo-officer', displayName: 'Officer Dana Reyes', role: 'officer', agency: 'BURIEN_PD', badge: 'B-1047' },
  { id: 'demo-sergeant', displayName: 'Sergeant Lee Park', role: 'sergeant', agency: 'BURIEN_PD' },
  { id: 'demo-case-manager', displayName: 'Case manager Robin Ochoa', role: 'case_manager' },
  { id: 'demo-prosecutor', displayName: 'Deputy prosecutor Ari Stone', role: 'prosecutor', office: 'KCPAO' },
  {
    id: 'demo-city-attorney',
    displayName: 'City attorney Jo Winter',
    role: 'prosecutor',
    office: 'BURIEN_CITY_ATTORNEY',
  },
  { id: 'demo-project-manager', displayName: 'PDA project manager Sam Ito', role: 'project_manager' },
  { id: 'demo-supervisor', displayName: 'Operational lead Kim Adair', role: 'supervisor' },
  { id: 'demo-doc-nci', displayName: 'DOC NCI officer Pat Hale', role: 'doc_nci' },
  { id: 'demo-evaluator', displayName: 'Evaluator Dr. Lee Moreno', role: 'evaluator' },
];

/**
 * Issue 26: Harbor County's own people, for `npm start`'s second program; seeded only where it runs, each
 * limited to it (`lead_programs`). The county prosecutor's deputy here is Harbor County's.
 */
export const HARBOR_COUNTY_DEMO_USERS: Array<(typeof DEMO_USERS)[number] & { program: string }> = [
  {
    id: 'demo-harbor-officer',
    displayName: 'Officer Sam Ito',
    role: 'officer',
    agency: 'HARBOR_PD',
    badge: 'H-311',
    program: 'harbor-county',
  },
  {
    id: 'demo-harbor-sergeant',
    displayName: 'Sergeant Mo Brandt',
    role: 'sergeant',
    agency: 'HARBOR_PD',
    program: 'harbor-county',
  },
  {
    id: 'demo-harbor-case-manager',
    displayName: 'Case manager Ana Ruiz',
    role: 'case_manager',
    program: 'harbor-county',
  },
  {
    id: 'demo-harbor-prosecutor',
    displayName: 'Deputy prosecutor Val Okafor',
    role: 'prosecutor',
    office: 'HCPAO',
    program: 'harbor-county',
  },
  {
    id: 'demo-harbor-project-manager',
    displayName: 'Project manager Cy Lund',
    role: 'project_manager',
    program: 'harbor-county',
  },
];

const DEMO_IDS = new Set([...DEMO_USERS, ...HARBOR_COUNTY_DEMO_USERS].map((u) => u.id.toLowerCase()));

export const hasDemoId = (id: string): boolean =>
  DEMO_IDS.has(id.toLowerCase()) || id.toLowerCase().startsWith(DEMO_ID_PREFIX);

/** A demo account, whether or not the database marked it (a version before the mark seeded some). */
export const isDemoAccount = (account: { id: string; demo: boolean }): boolean => account.demo || hasDemoId(account.id);

/**
 * Who to sign in as, for the start banner: every demo id, wrapped to `width` characters, lines after the
 * first indented by `indent` ("demo-officer, demo-sergeant, … or demo-evaluator").
 */
export function demoSignInList(width = 100, indent = ''): string {
  const ids = DEMO_USERS.map((u) => u.id);
  const words = [...ids.slice(0, -2).map((id) => `${id},`), ids.at(-2)!, 'or', ids.at(-1)!];
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + word.length + 1 <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join(`\n${indent}`);
}
