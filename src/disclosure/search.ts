import type { Person, Prisma, Referral } from '../generated/prisma/client';
import type { Stage } from '../shared/case-vocabulary';
import { referralDetailsOf } from './case-sections';
import type { DisclosureEntry } from './disclosure-entry';
import { accessTo, NCI_READS_RECORD_FOR_MS, readableCasesWhere, type ReaderIdentity } from './policy';

/**
 * Finding a case again (issue 23 item 2): the search's scope and the people its results show, decided
 * by the same policy as every other read (R-ROI, R-DISCLOSE). A search never matches on what its reader
 * may not see: by program status (case id, stage, agency, referral date) it covers the cases the reader
 * may know of (`readableCasesWhere`); by identity (name, date of birth) only the cases whose referral
 * record — the person's identity — the reader may read now, so that a search is never an oracle for who
 * is, or was, referred.
 */

/** What a search asks for: every criterion optional, all of those given together. */
export interface CaseSearch {
  /** Given or family name: each word is the start of one of them, in any case. */
  name?: string;
  /** YYYY-MM-DD. */
  dateOfBirth?: string;
  /** The start of a case id, in any case. */
  caseId?: string;
  stage?: Stage;
  agency?: string;
  /** Referred at or after this instant (the start of the program's local day). */
  referredFrom?: Date;
  /** Referred before this instant (the start of the local day after the last one asked for). */
  referredBefore?: Date;
}

/** The criteria that match on the referral record (the person's identity), not on program status. */
export const IDENTITY_CRITERIA = ['name', 'dateOfBirth'] as const satisfies ReadonlyArray<keyof CaseSearch>;

/**
 * What a search covered: nothing (no criterion), the cases the reader may know of, or — searching by
 * identity — the cases whose referral record they may read.
 */
export type SearchScope =
  { searched: 'NOTHING' } | { searched: 'CASES' | 'REFERRAL_RECORDS'; where: Prisma.ReferralWhereInput };

/** The case events that record the DOC NCI team's decision (R-EL-WARRANT). */
export const NCI_DECISION_EVENTS = ['NCI_REFERRED', 'NCI_DECLINED'];

/**
 * R-ROI: the cases whose referral record a reader may read at `now`, as a database filter — the cases
 * they may know of, less those the DOC NCI team decided on more than 30 days ago (corrected 2026-12-02:
 * then the program status only). The filter form of `accessTo(...).referralRecord`.
 */
export function referralRecordsReadableWhere(reader: ReaderIdentity, now: number): Prisma.ReferralWhereInput {
  const scope = readableCasesWhere(reader);
  if (reader.role !== 'doc_nci') return scope;
  const decidedBefore = new Date(now - NCI_READS_RECORD_FOR_MS);
  return {
    AND: [
      scope,
      { NOT: { events: { some: { type: { in: NCI_DECISION_EVENTS }, occurredAt: { lt: decidedBefore } } } } },
    ],
  };
}

/** The words of a name search (at most 5), each to be the start of the given or the family name. */
export const nameWords = (name: string | undefined): string[] =>
  (name ?? '')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 5);

/**
 * The search's scoping decider: which cases a search may match for this reader, and on what. Identity
 * criteria narrow the scope to the referral records the reader may read; with no criterion at all the
 * search covers nothing (a search lists no one by default).
 */
export function searchScopeOf(reader: ReaderIdentity, criteria: CaseSearch, now: number): SearchScope {
  const person: Prisma.PersonWhereInput[] = nameWords(criteria.name).map((word) => ({
    OR: [
      { givenName: { startsWith: word, mode: 'insensitive' } },
      { familyName: { startsWith: word, mode: 'insensitive' } },
    ],
  }));
  if (criteria.dateOfBirth) person.push({ dateOfBirth: new Date(`${criteria.dateOfBirth}T00:00:00.000Z`) });
  const status: Prisma.ReferralWhereInput[] = [];
  if (criteria.caseId) status.push({ id: { startsWith: criteria.caseId, mode: 'insensitive' } });
  if (criteria.stage) status.push({ stage: criteria.stage });
  if (criteria.agency) status.push({ agency: criteria.agency });
  if (criteria.referredFrom) status.push({ referredAt: { gte: criteria.referredFrom } });
  if (criteria.referredBefore) status.push({ referredAt: { lt: criteria.referredBefore } });
  if (person.length === 0 && status.length === 0) return { searched: 'NOTHING' };
  if (person.length === 0) return { searched: 'CASES', where: { AND: [readableCasesWhere(reader), ...status] } };
  return {
    searched: 'REFERRAL_RECORDS',
    where: { AND: [referralRecordsReadableWhere(reader, now), ...status, { person: { AND: person } }] },
  };
}

/** A listed case's referral row, with its person and the DOC NCI team's decision when there is one. */
export type ListedReferral = Referral & { person: Person; events: Array<{ occurredAt: Date }> };

/** How a listed case's row includes what `discloseListedPerson` decides on (the NCI decision's time). */
export const LISTED_REFERRAL_INCLUDE = {
  person: true,
  events: {
    where: { type: { in: NCI_DECISION_EVENTS } },
    select: { occurredAt: true },
    orderBy: { seq: 'asc' },
    take: 1,
  },
} as const satisfies Prisma.ReferralInclude;

/**
 * R-ROI, R-DISCLOSE: who a listed case is about — name, date of birth and offenses, part of the referral
 * record — for a reader who may read that record now (undefined for anyone else: the row then shows
 * program status only), with the disclosure that showing it makes (none to case management).
 */
export function discloseListedPerson(
  reader: ReaderIdentity,
  referral: ListedReferral,
  offenseLabels: Record<string, { label: string }>,
  now = Date.now(),
) {
  const nciDecidedAt = referral.routedToDocNci ? referral.events[0]?.occurredAt.toISOString() : undefined;
  const access = accessTo(reader, { ...referral, nciDecidedAt }, 'NONE', now);
  if (!access.referralRecord) return undefined;
  const offenses = (referralDetailsOf(referral.details).offenses ?? []) as Array<{ code?: string }>;
  const entry: DisclosureEntry | undefined = access.accounted
    ? { personId: referral.personId, caseId: referral.id, kinds: ['REFERRAL_RECORD'], basis: access.basis }
    : undefined;
  return {
    body: {
      person: {
        givenName: referral.person.givenName,
        familyName: referral.person.familyName,
        dateOfBirth: referral.person.dateOfBirth.toISOString().slice(0, 10),
      },
      offenses: offenses
        .filter((o): o is { code: string } => typeof o.code === 'string')
        .map((o) => ({ code: o.code, label: offenseLabels[o.code]?.label ?? o.code })),
    },
    entry,
  };
}
