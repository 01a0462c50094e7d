import { apiAs } from './api-client';
import { REFERRING_OFFICER, type BuiltCase } from './disclosure-cases';
import type { TestStack } from './test-stack';
import type { Role } from '../../src/shared/roles';

export interface Reader {
  name: string;
  role: Role;
  id: string;
  office?: string;
  agency?: string;
  relatesTo(c: BuiltCase): boolean;
}

/** Every relation a reader can stand in (PROTOCOL.md "Information sharing"), written out independently of the policy module. */
export const READERS: Reader[] = [
  {
    name: 'the referring officer',
    role: 'officer',
    id: REFERRING_OFFICER.id,
    agency: 'BURIEN_PD',
    relatesTo: () => true,
  },
  {
    name: 'another officer of the agency',
    role: 'officer',
    id: 'officer-other',
    agency: 'BURIEN_PD',
    relatesTo: () => false,
  },
  { name: 'a sergeant of the agency', role: 'sergeant', id: 'sgt-bpd', agency: 'BURIEN_PD', relatesTo: () => true },
  { name: "another agency's sergeant", role: 'sergeant', id: 'sgt-kcso', agency: 'KCSO', relatesTo: () => false },
  { name: 'a sergeant whose sign-in names no agency', role: 'sergeant', id: 'sgt-none', relatesTo: () => false },
  {
    name: 'the county prosecutor',
    role: 'prosecutor',
    id: 'dpa-1',
    office: 'KCPAO',
    relatesTo: (c) => c.offices.includes('KCPAO'),
  },
  {
    name: 'the city attorney',
    role: 'prosecutor',
    id: 'ca-1',
    office: 'BURIEN_CITY_ATTORNEY',
    relatesTo: (c) => c.offices.includes('BURIEN_CITY_ATTORNEY'),
  },
  { name: 'a case manager', role: 'case_manager', id: 'cm-reader', relatesTo: () => true },
  { name: 'the project manager', role: 'project_manager', id: 'pm-1', relatesTo: () => true },
  { name: 'a supervisor', role: 'supervisor', id: 'sup-1', relatesTo: () => true },
  // R-EL-WARRANT: the NCI team reads only the referrals routed to them (none of these cases).
  { name: 'the DOC NCI team', role: 'doc_nci', id: 'nci-1', relatesTo: () => false },
  // R-EVAL: an evaluator reads no case at all, only the evaluation figures and de-identified data.
  { name: 'an evaluator', role: 'evaluator', id: 'eval-1', relatesTo: () => false },
];

export const readerApi = (stack: TestStack, r: Reader) =>
  apiAs(stack.baseUrl, r.role, r.id, { office: r.office, agency: r.agency });

/** R-ROI: who may read the case-management record's free text (everyone else: a summary at most). */
export const readsCaseManagementText = (r: Reader) => r.role === 'case_manager' || r.role === 'supervisor';
