import type { CapacityView, CaseView } from '../case/query-views';
import type { Role } from '../shared/roles';
import {
  caseManagementSection,
  referralSection,
  statusSection,
  type CaseManagementRecord,
  type CaseManagementSummary,
  type CaseStatus,
  type ReferralFacts,
  type ReferralRecord,
  type ReleaseRecord,
} from './case-sections';
import {
  accessFor,
  accessTo,
  isAccounted,
  releaseBasis,
  type Access,
  type CaseManagementLevel,
  type CaseParties,
  type InformationKind,
  type ReaderIdentity,
} from './policy';
import type { DisclosedKind, DisclosureEntry } from './disclosure-entry';
import { releaseStateOf } from './release';

/**
 * The disclosure policy (R-ROI, R-DISCLOSE, R-PACKET, R-STAFFING) as every read path uses it: what a
 * reader receives of a case, of a list row, of a report, and the disclosure each read must record.
 */
export {
  accessFor,
  accessTo,
  policyTable,
  inReaderPrograms,
  readableCasesWhere,
  relationOf,
  RELEASE_STATES,
  type Access,
  type ReaderIdentity,
  type ReleaseState,
} from './policy';
export type { DisclosedKind, DisclosureEntry } from './disclosure-entry';
export { EVENT_RULES, type CaseStatus, type ReferralRecord, type ReleaseRecord } from './case-sections';
export { fromStored, releaseOf, releaseStateOf, type StoredRelease } from './release';
export { clientRowOf, listRowOf, staffingRowOf, type ClientReportRow, type StaffingListRow } from './report-rows';
export { bookingRowOf, discloseBooking, readableBookingsWhere } from './booking-record';
export { disclosedNominations, WITHHELD_REASON, type DisclosedNomination, type StoredNomination } from './nominations';
export {
  discloseListedPerson,
  LISTED_REFERRAL_INCLUDE,
  referralRecordsReadableWhere,
  searchScopeOf,
  type CaseSearch,
  type ListedReferral,
  type SearchScope,
} from './search';

import type { DemographicsRecord, MilestoneRecord } from './disclosed-records';

/** A case as the database and the workflow know it, with the facts the policy decides on. */
export interface CaseFacts {
  view: CaseView;
  referral: ReferralFacts & CaseParties & { id: string; personId: string };
  release: ReleaseRecord | null;
  /** R-EVAL: the participant's latest self-reported demographics (case-management record). */
  demographics?: DemographicsRecord | null;
  /** R-EVAL, R-IIP: the milestones the participant reached (case-management record). */
  milestones?: MilestoneRecord[];
}

export interface DisclosedCase {
  case: CaseStatus;
  referral: ReferralRecord | null;
  caseManagement: CaseManagementRecord | CaseManagementSummary | null;
  /** What this reader receives and under which rule (the release itself is not named to partners). */
  disclosure: { kinds: InformationKind[]; caseManagement: CaseManagementLevel; basis: string };
}

function entryFor(
  access: Access,
  facts: CaseFacts,
  shown: { referral: boolean; caseManagement: CaseManagementLevel },
): DisclosureEntry | undefined {
  const kinds: DisclosedKind[] = [];
  if (shown.referral) kinds.push('REFERRAL_RECORD');
  if (shown.caseManagement === 'FULL') kinds.push('CASE_MANAGEMENT_RECORD');
  if (shown.caseManagement === 'SUMMARY') kinds.push('CASE_MANAGEMENT_SUMMARY');
  if (!access.accounted || kinds.length === 0) return undefined;
  const underRelease = shown.caseManagement === 'SUMMARY' && facts.release;
  return {
    personId: facts.referral.personId,
    caseId: facts.referral.id,
    kinds,
    basis: underRelease ? `${access.basis}; ${releaseBasis(facts.release!)}` : access.basis,
    ...(underRelease ? { releaseId: facts.release!.id } : {}),
  };
}

export function accessToCase(reader: ReaderIdentity, facts: CaseFacts): Access {
  return accessTo(
    reader,
    { ...facts.referral, nciDecidedAt: facts.view.nci?.decidedAt },
    releaseStateOf(facts.release),
  );
}

/**
 * A case as one reader may see it — the case read, every action's answer, open or closed alike — and
 * the disclosure it makes; undefined when the case does not exist for this reader.
 */
export function discloseCase(
  reader: ReaderIdentity,
  facts: CaseFacts,
): { body: DisclosedCase; entry?: DisclosureEntry } | undefined {
  const access = accessToCase(reader, facts);
  if (!access.programStatus) return undefined;
  const caseManagement = caseManagementSection(facts.view, facts.release, access, {
    demographics: facts.demographics ?? null,
    milestones: facts.milestones ?? [],
  });
  const kinds: InformationKind[] = ['PROGRAM_STATUS'];
  if (access.referralRecord) kinds.push('REFERRAL_RECORD');
  if (caseManagement) kinds.push('CASE_MANAGEMENT_RECORD');
  return {
    body: {
      case: statusSection(facts.view, facts.referral.prosecutorOffices, access.caseManagement),
      referral: access.referralRecord ? referralSection(facts.referral, facts.view) : null,
      caseManagement,
      disclosure: { kinds, caseManagement: access.caseManagement, basis: access.basis },
    },
    entry: entryFor(access, facts, { referral: access.referralRecord, caseManagement: access.caseManagement }),
  };
}

/** R-PACKET: the diversion packet — the referral record with the status a reviewer needs, nothing of case management. */
export function disclosePacket(reader: ReaderIdentity, facts: CaseFacts) {
  const access = accessToCase(reader, facts);
  if (!access.referralRecord) return undefined;
  const { view } = facts;
  return {
    body: {
      caseId: view.referralId,
      type: view.type,
      stage: view.stage,
      referredAt: view.referredAt,
      agency: view.agency,
      prosecutorOffices: facts.referral.prosecutorOffices,
      deadlines: view.deadlines.map((d) => ({ ruleId: d.ruleId, name: d.name, dueAt: d.dueAt, status: d.status })),
      referral: referralSection(facts.referral, view),
    },
    entry: entryFor(access, facts, { referral: true, caseManagement: 'NONE' }),
  };
}

/** R-PACKET: the packet as one reader receives it (GET /api/cases/:caseId/packet, and its PDF). */
export type DisclosedPacket = NonNullable<ReturnType<typeof disclosePacket>>['body'];

/**
 * R-SC-FROM-ARREST: the arrest's referral record, to start a social-contact referral from it — shown to
 * whoever may read that record, and accounted for like any read of it (R-DISCLOSE).
 */
export function discloseReferralRecord(reader: ReaderIdentity, facts: CaseFacts) {
  const access = accessToCase(reader, facts);
  if (!access.referralRecord) return undefined;
  return {
    body: referralSection(facts.referral, facts.view),
    entry: entryFor(access, facts, { referral: true, caseManagement: 'NONE' }),
  };
}

/**
 * R-STAFFING: the staffing list names a person only under a release covering staffing, or when a
 * partner nominated them for the meeting; others appear by case id and stage.
 */
export function staffingNameFor(
  reader: ReaderIdentity,
  row: {
    caseId: string;
    personId: string;
    person: { givenName: string; familyName: string };
    release: ReleaseRecord | null;
    nominatedBy: Array<{ id: string; role: string }>;
  },
): { name: string | null; namedBecause: string | null; entry?: DisclosureEntry } {
  const underRelease = releaseStateOf(row.release) === 'IN_FORCE_COVERING_STAFFING';
  const nominated = row.nominatedBy.length > 0;
  if (!underRelease && !nominated) return { name: null, namedBecause: null };
  const basis = underRelease
    ? `R-STAFFING: ${releaseBasis(row.release!)}`
    : `R-STAFFING: nominated by ${row.nominatedBy.map((n) => `${n.id} (${n.role})`).join(', ')}`;
  return {
    name: `${row.person.givenName} ${row.person.familyName}`,
    namedBecause: underRelease ? 'RELEASE_COVERS_STAFFING' : 'NOMINATED',
    entry: isAccounted(reader.role)
      ? {
          personId: row.personId,
          caseId: row.caseId,
          kinds: ['REFERRAL_RECORD'],
          basis,
          ...(underRelease ? { releaseId: row.release!.id } : {}),
        }
      : undefined,
  };
}

/** What a reader of the client-level report (R-STAFFING, for the funder; the program's own readers) receives of one participant. */
export function clientReportLevel(role: Role, release: ReleaseRecord | null): CaseManagementLevel {
  return accessFor(role, 'PROGRAM', releaseStateOf(release)).caseManagement;
}

export function clientReportEntry(
  role: Role,
  level: CaseManagementLevel,
  row: { caseId: string; personId: string; release: ReleaseRecord | null },
): DisclosureEntry | undefined {
  if (!isAccounted(role) || level === 'NONE') return undefined;
  const summary = level === 'SUMMARY';
  return {
    personId: row.personId,
    caseId: row.caseId,
    kinds: [summary ? 'CASE_MANAGEMENT_SUMMARY' : 'CASE_MANAGEMENT_RECORD'],
    basis: summary ? `R-STAFFING: ${releaseBasis(row.release!)}` : 'R-ROI, R-STAFFING: a supervisor',
    ...(summary ? { releaseId: row.release!.id } : {}),
  };
}

/** R-SC-CAPACITY: sergeants see how many places are used and free; the program sees which cases. */
export function capacityFor(role: Role, view: CapacityView) {
  if (role === 'sergeant') {
    return {
      places: view.places,
      participants: view.participants.length,
      reserved: view.reserved.length,
      waiting: view.waiting.length,
      free: view.free,
    };
  }
  return {
    places: view.places,
    participants: [...view.participants],
    reserved: [...view.reserved],
    waiting: view.waiting.map((w) => ({ caseId: w.caseId, approvedAt: w.approvedAt })),
    free: view.free,
  };
}

/**
 * R-EL-PRIOR: earlier referrals of the person are shown to the submitting agency's officers and
 * sergeants only (another agency's officer could otherwise probe who was referred), and each one shown
 * is a disclosure of its referral record.
 */
export function mayLookUpPriorReferrals(reader: ReaderIdentity, submittingAgency: string): boolean {
  return (reader.role === 'officer' || reader.role === 'sergeant') && reader.agency === submittingAgency;
}

export function priorReferralEntry(prior: { caseId: string; personId: string }): DisclosureEntry {
  return {
    personId: prior.personId,
    caseId: prior.caseId,
    kinds: ['REFERRAL_RECORD'],
    basis: 'R-EL-PRIOR: a prior referral shown to the submitting agency',
  };
}

/**
 * R-EX-ORDER, R-DISCLOSE: an officer told that an order in the referral they are submitting protects a
 * current participant learns, without a name, that this person is in LEAD today: a disclosure of the
 * participant's program status, in the participant's accounting.
 */
export function protectiveOrderEntry(participant: { caseId: string; personId: string }): DisclosureEntry {
  return {
    personId: participant.personId,
    caseId: participant.caseId,
    kinds: ['PROGRAM_STATUS'],
    basis: 'R-EX-ORDER: a submitted referral carries an order protecting this participant (not named to the officer)',
  };
}

/**
 * The codec server decrypts whatever payloads the Temporal Web UI sends — workflow inputs, case
 * actions with their notes, case views — so only readers of the whole of every case may use it, and
 * each case it makes identifiable is a disclosure of its case-management record.
 */
export function mayDecodePayloads(role: Role): boolean {
  return accessFor(role, 'PROGRAM', 'NONE').caseManagement === 'FULL';
}

export function decodedPayloadEntry(c: { caseId: string; personId: string }): DisclosureEntry {
  return {
    personId: c.personId,
    caseId: c.caseId,
    kinds: ['REFERRAL_RECORD', 'CASE_MANAGEMENT_RECORD'],
    basis: 'R-ROI: a supervisor, through the Temporal Web UI codec server',
  };
}
