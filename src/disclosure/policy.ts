import type { Prisma } from '../generated/prisma/client';
import type { Role } from '../shared/roles';

/**
 * R-ROI, R-DISCLOSE, R-PACKET, R-STAFFING: who may read which kind of a person's information. This is
 * the one place that decides it; every read path asks it (see ./index.ts), and every answer is built
 * from allow-lists (./case-sections.ts), never by removing fields from a fuller object.
 */

export const INFORMATION_KINDS = ['REFERRAL_RECORD', 'PROGRAM_STATUS', 'CASE_MANAGEMENT_RECORD'] as const;
export type InformationKind = (typeof INFORMATION_KINDS)[number];

/** The state of the person's release of information (R-CONSENT) as far as partners are concerned. */
export const RELEASE_STATES = [
  'NONE',
  'IN_FORCE_COVERING_STAFFING',
  'IN_FORCE_NOT_COVERING_STAFFING',
  'RESCINDED',
] as const;
export type ReleaseState = (typeof RELEASE_STATES)[number];

/** How a reader stands to a case. */
export const RELATIONS = [
  'REFERRING_OFFICER',
  'AGENCY_SERGEANT',
  'OFFICE_WITH_JURISDICTION',
  'DOC_NCI_REFERRAL',
  'PROGRAM',
  'NONE',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** What a reader gets of the case-management record: all of it, a progress summary, or nothing. */
export type CaseManagementLevel = 'FULL' | 'SUMMARY' | 'NONE';

/** What one reader may receive of one case, and why. */
export interface Access {
  referralRecord: boolean;
  programStatus: boolean;
  caseManagement: CaseManagementLevel;
  /** The rule that makes this reader a reader (recorded with every disclosure). */
  basis: string;
  /** Showing this reader the referral or case-management record is a disclosure (R-DISCLOSE). */
  accounted: boolean;
}

export const NO_ACCESS: Access = {
  referralRecord: false,
  programStatus: false,
  caseManagement: 'NONE',
  basis: 'none',
  accounted: false,
};

interface Reader {
  /** The relation that makes a person of this role a reader of a case (NONE: of no case). */
  relation: Relation;
  /** The rule that says so. */
  basis: string;
  /** R-ROI: case management and supervisors always; the partners only under a release covering staffing. */
  caseManagement: 'ALWAYS' | 'UNDER_RELEASE' | 'NEVER';
}

/** R-ROI's readers of the referral record and the program status, and of the case-management record. */
const READERS: Record<Role, Reader> = {
  officer: { relation: 'REFERRING_OFFICER', basis: 'R-ROI: the referring officer', caseManagement: 'UNDER_RELEASE' },
  sergeant: {
    relation: 'AGENCY_SERGEANT',
    basis: "R-ROI: a sergeant of the referring officer's agency",
    caseManagement: 'UNDER_RELEASE',
  },
  prosecutor: {
    relation: 'OFFICE_WITH_JURISDICTION',
    basis: 'R-PACKET: the prosecutor office with jurisdiction',
    caseManagement: 'UNDER_RELEASE',
  },
  project_manager: {
    relation: 'PROGRAM',
    basis: 'R-ROI, R-SC-PDA: the project manager',
    caseManagement: 'UNDER_RELEASE',
  },
  case_manager: { relation: 'PROGRAM', basis: 'R-ROI: case management', caseManagement: 'ALWAYS' },
  supervisor: { relation: 'PROGRAM', basis: 'R-ROI: a supervisor', caseManagement: 'ALWAYS' },
  // R-EL-WARRANT: the NCI team decides on the referrals routed to them, from the referral record; they
  // are not among the staffing partners, so never read the case-management record.
  doc_nci: {
    relation: 'DOC_NCI_REFERRAL',
    basis: 'R-EL-WARRANT: the DOC NCI team deciding on the referral',
    caseManagement: 'NEVER',
  },
  // R-EVAL: evaluators read no case, only the evaluation figures and the de-identified dataset.
  evaluator: { relation: 'NONE', basis: 'R-EVAL: evaluators read no case', caseManagement: 'NEVER' },
};

/** Who is "outside case management" (R-DISCLOSE): everyone but the case managers themselves. */
const INSIDE_CASE_MANAGEMENT: readonly Role[] = ['case_manager'];
export const isAccounted = (role: Role) => !INSIDE_CASE_MANAGEMENT.includes(role);
/** What a case manager writes is case-management record (R-ROI), whatever the form it is written on. */
export const writesCaseManagementRecord = (role: string) =>
  (INSIDE_CASE_MANAGEMENT as readonly string[]).includes(role);
/**
 * R-ROI: free text of the case-management record — case management and supervisors always; partners
 * never, not even under a release (their progress summary holds no free-text note).
 */
export const readsCaseManagementNotes = (role: Role) => READERS[role].caseManagement === 'ALWAYS';
/** The rule that makes a role a reader of every case of the program (recorded with its disclosures). */
export const programBasisOf = (role: Role) => READERS[role].basis;

/** The signed-in person, as the policy needs them. */
export interface ReaderIdentity {
  id: string;
  role: Role;
  office?: string;
  agency?: string;
  /** Issue 26: the programs the reader belongs to; absent, the reader is not limited to a program. */
  programs?: readonly string[];
}

/** The facts of a case that decide a reader's relation to it. */
export interface CaseParties {
  /** Issue 26: the case's program (none where its program has not been started). */
  programId?: string | null;
  agency: string;
  officerId: string;
  submittedById: string | null;
  prosecutorOffices: string[];
  /** R-EL-WARRANT: the referral went to the DOC NCI team for their decision. */
  routedToDocNci: boolean;
  /** When the DOC NCI team decided (their reading of the referral record ends 30 days later). */
  nciDecidedAt?: string;
}

/** R-ROI (corrected 2026-12-02): the DOC NCI team reads a referral routed to them until 30 days after their decision. */
export const NCI_READS_RECORD_FOR_MS = 30 * 86_400_000;

/** Issue 26: a reader of some programs knows nothing of another's case, whatever their role. */
const outsideTheirPrograms = (reader: ReaderIdentity, programId: string | null | undefined) =>
  reader.programs !== undefined && !(programId && reader.programs.includes(programId));

export function relationOf(reader: ReaderIdentity, parties: CaseParties): Relation {
  if (outsideTheirPrograms(reader, parties.programId)) return 'NONE';
  switch (reader.role) {
    case 'officer':
      return parties.submittedById === reader.id || parties.officerId === reader.id ? 'REFERRING_OFFICER' : 'NONE';
    case 'sergeant':
      // A sergeant's sign-in must name their agency: without it they are nobody's sergeant.
      return reader.agency && parties.agency === reader.agency ? 'AGENCY_SERGEANT' : 'NONE';
    case 'prosecutor':
      return reader.office && parties.prosecutorOffices.includes(reader.office) ? 'OFFICE_WITH_JURISDICTION' : 'NONE';
    case 'doc_nci':
      return parties.routedToDocNci ? 'DOC_NCI_REFERRAL' : 'NONE';
    case 'evaluator':
      return 'NONE';
    case 'case_manager':
    case 'project_manager':
    case 'supervisor':
      return 'PROGRAM';
  }
}

/** The same relation as a database filter: the cases a reader may see at all. */
export function readableCasesWhere(reader: ReaderIdentity): Prisma.ReferralWhereInput {
  const byRole = readableByRole(reader);
  return reader.programs === undefined ? byRole : { AND: [inReaderPrograms(reader), byRole] };
}

/** Issue 26: the cases of the reader's programs (every case, for a reader not limited to a program). */
export const inReaderPrograms = (reader: ReaderIdentity): Prisma.ReferralWhereInput =>
  reader.programs === undefined ? {} : { programId: { in: [...reader.programs] } };

function readableByRole(reader: ReaderIdentity): Prisma.ReferralWhereInput {
  const nothing: Prisma.ReferralWhereInput = { id: { in: [] } };
  switch (reader.role) {
    case 'officer':
      return { OR: [{ submittedById: reader.id }, { officerId: reader.id }] };
    case 'sergeant':
      return reader.agency ? { agency: reader.agency } : nothing;
    case 'prosecutor':
      return reader.office ? { prosecutorOffices: { has: reader.office } } : nothing;
    case 'doc_nci':
      return { routedToDocNci: true };
    case 'evaluator':
      return nothing;
    case 'case_manager':
    case 'project_manager':
    case 'supervisor':
      return {};
  }
}

export function accessFor(role: Role, relation: Relation, release: ReleaseState): Access {
  const reader = READERS[role];
  if (relation === 'NONE' || relation !== reader.relation) return NO_ACCESS;
  const caseManagement: CaseManagementLevel =
    reader.caseManagement === 'ALWAYS'
      ? 'FULL'
      : reader.caseManagement === 'UNDER_RELEASE' && release === 'IN_FORCE_COVERING_STAFFING'
        ? 'SUMMARY'
        : 'NONE';
  return {
    referralRecord: true,
    programStatus: true,
    caseManagement,
    basis: reader.basis,
    accounted: isAccounted(role),
  };
}

/** The access of a reader to a case, from who they are, the case's parties and the release's state. */
export function accessTo(
  reader: ReaderIdentity,
  parties: CaseParties,
  release: ReleaseState,
  now = Date.now(),
): Access {
  const relation = relationOf(reader, parties);
  const access = accessFor(reader.role, relation, release);
  // R-ROI (corrected 2026-12-02): after those 30 days the NCI team sees the program status only.
  const nciDone = parties.nciDecidedAt && now > Date.parse(parties.nciDecidedAt) + NCI_READS_RECORD_FOR_MS;
  return relation === 'DOC_NCI_REFERRAL' && nciDone ? { ...access, referralRecord: false } : access;
}

/** The basis recorded for a disclosure of the case-management summary under a release. */
export const releaseBasis = (release: { id: string; version: number }) =>
  `R-ROI: release of information ${release.id} (version ${release.version}), in force and covering staffing`;

/** The readers' table of README.md ("Who sees what"), generated from READERS so the two cannot drift. */
export function policyTable(): string {
  const cell = (access: Access, kind: 'referral' | 'status' | 'cm') =>
    kind === 'referral'
      ? access.referralRecord
        ? 'yes'
        : '—'
      : kind === 'status'
        ? access.programStatus
          ? 'yes'
          : '—'
        : { FULL: 'all of it', SUMMARY: 'progress summary', NONE: '—' }[access.caseManagement];
  const header = [
    'reader (relation to the case)',
    'referral record',
    'program status',
    ...RELEASE_STATES.map((r) => `case-management record, release ${RELEASE_LABELS[r]}`),
  ];
  const rows = (Object.keys(READERS) as Role[]).map((role) => {
    const reader = READERS[role];
    const any = accessFor(role, reader.relation, 'NONE');
    return [
      `\`${role}\` (${RELATION_LABELS[reader.relation]})`,
      cell(any, 'referral'),
      cell(any, 'status'),
      ...RELEASE_STATES.map((release) => cell(accessFor(role, reader.relation, release), 'cm')),
    ];
  });
  rows.push([
    "anyone else (another officer, another agency's sergeant, another prosecutor office, a sign-in without agency or office)",
    '— (404)',
    '— (404)',
    ...RELEASE_STATES.map(() => '— (404)'),
  ]);
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

const RELEASE_LABELS: Record<ReleaseState, string> = {
  NONE: 'none',
  IN_FORCE_COVERING_STAFFING: 'in force, covering staffing',
  IN_FORCE_NOT_COVERING_STAFFING: 'in force, not covering staffing',
  RESCINDED: 'rescinded',
};

const RELATION_LABELS: Record<Relation, string> = {
  NONE: 'no case: the evaluation figures and de-identified data only (R-EVAL)',
  REFERRING_OFFICER: 'referred or vouched for the case',
  AGENCY_SERGEANT: 'a sergeant of its agency',
  OFFICE_WITH_JURISDICTION: 'an office with jurisdiction over any of its offenses',
  DOC_NCI_REFERRAL: 'a referral routed to the DOC NCI team',
  PROGRAM: 'every case of the program',
};
