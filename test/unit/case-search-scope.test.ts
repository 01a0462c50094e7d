import { accessTo, type ReaderIdentity } from '../../src/disclosure/policy';
import { NCI_DECISION_EVENTS, searchScopeOf, type CaseSearch } from '../../src/disclosure/search';

/**
 * Issue 23 item 2: the search's scoping decider (R-ROI). Its database filter is evaluated here against
 * cases in memory and compared with the policy's own answer for each reader and case: a search matches
 * only cases the reader may know of, and by name or date of birth only those whose referral record
 * (the person's identity) the reader may read — so a search is never an oracle for who was referred.
 */
const DAY = 86_400_000;
const NOW = Date.parse('2026-12-02T18:00:00.000Z');

interface Case {
  id: string;
  agency: string;
  officerId: string;
  submittedById: string | null;
  prosecutorOffices: string[];
  routedToDocNci: boolean;
  stage: string;
  referredAt: Date | null;
  person: { givenName: string; familyName: string; dateOfBirth: Date };
  events: Array<{ type: string; occurredAt: Date }>;
}

const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY);
const person = (givenName: string, familyName: string, dateOfBirth: string) => ({
  givenName,
  familyName,
  dateOfBirth: new Date(`${dateOfBirth}T00:00:00.000Z`),
});
const base = {
  agency: 'BURIEN_PD',
  officerId: 'B-1047',
  submittedById: 'officer-a',
  prosecutorOffices: ['KCPAO'],
  routedToDocNci: false,
  stage: 'AWAITING_INTAKE',
  events: [],
};
const CASES: Case[] = [
  { ...base, id: 'BUR-A000000001', referredAt: at(3), person: person('Jordan', 'Avery', '1988-04-12') },
  {
    ...base,
    id: 'BUR-B000000002',
    agency: 'KCSO',
    submittedById: 'officer-b',
    officerId: 'K-2',
    prosecutorOffices: ['BURIEN_CITY_ATTORNEY'],
    stage: 'ENROLLED',
    referredAt: at(20),
    person: person('Jordana', 'Averill', '1988-04-12'),
  },
  // R-EL-WARRANT: routed to the DOC NCI team and decided 40 days ago — they now read its status only.
  {
    ...base,
    id: 'BUR-C000000003',
    routedToDocNci: true,
    stage: 'CLOSED',
    referredAt: at(41),
    person: person('Sam', 'Avery', '1970-01-01'),
    events: [{ type: 'NCI_DECLINED', occurredAt: at(40) }],
  },
  // Decided 5 days ago, and undecided: the NCI team reads their referral record.
  {
    ...base,
    id: 'BUR-D000000004',
    routedToDocNci: true,
    referredAt: at(6),
    person: person('Avery', 'Stone', '1991-07-07'),
    events: [{ type: 'NCI_REFERRED', occurredAt: at(5) }],
  },
  {
    ...base,
    id: 'BUR-E000000005',
    routedToDocNci: true,
    stage: 'AWAITING_NCI_DECISION',
    referredAt: at(1),
    person: person('Alex', 'Avery', '1979-02-02'),
  },
];

const READERS: Array<ReaderIdentity & { name: string }> = [
  { name: 'the referring officer', id: 'officer-a', role: 'officer', agency: 'BURIEN_PD' },
  { name: 'another officer', id: 'officer-z', role: 'officer', agency: 'BURIEN_PD' },
  { name: 'a Burien sergeant', id: 'sgt-1', role: 'sergeant', agency: 'BURIEN_PD' },
  { name: 'a KCSO sergeant', id: 'sgt-2', role: 'sergeant', agency: 'KCSO' },
  { name: 'a sergeant without agency', id: 'sgt-3', role: 'sergeant' },
  { name: 'the county prosecutor', id: 'dpa-1', role: 'prosecutor', office: 'KCPAO' },
  { name: 'the city attorney', id: 'ca-1', role: 'prosecutor', office: 'BURIEN_CITY_ATTORNEY' },
  { name: 'a prosecutor without office', id: 'dpa-2', role: 'prosecutor' },
  { name: 'a case manager', id: 'cm-1', role: 'case_manager' },
  { name: 'the project manager', id: 'pm-1', role: 'project_manager' },
  { name: 'a supervisor', id: 'sup-1', role: 'supervisor' },
  { name: 'the DOC NCI team', id: 'nci-1', role: 'doc_nci' },
  { name: 'an evaluator', id: 'eval-1', role: 'evaluator' },
];

const CRITERIA: CaseSearch[] = [
  { name: 'avery' },
  { name: 'AV' },
  { name: 'jor av' },
  { name: 'Stone Avery' },
  { dateOfBirth: '1988-04-12' },
  { caseId: 'bur-' },
  { caseId: 'BUR-C000000003' },
  { stage: 'AWAITING_INTAKE' },
  { agency: 'KCSO' },
  { referredFrom: at(30), referredBefore: at(2) },
  { name: 'avery', stage: 'CLOSED' },
  { dateOfBirth: '1970-01-01', caseId: 'BUR-C' },
];
const IDENTITY = (c: CaseSearch) => c.name !== undefined || c.dateOfBirth !== undefined;

/**
 * The subset of Prisma's filter language the decider writes, evaluated in memory. An operator it does
 * not know fails the test: the decider then needs a case here before it may use it.
 */
function matches(where: Record<string, unknown>, row: Record<string, unknown>): boolean {
  return Object.entries(where).every(([key, condition]) => {
    if (key === 'AND') return (condition as Array<Record<string, unknown>>).every((w) => matches(w, row));
    if (key === 'OR') return (condition as Array<Record<string, unknown>>).some((w) => matches(w, row));
    if (key === 'NOT') return ![condition].flat().some((w) => matches(w as Record<string, unknown>, row));
    const value = row[key];
    if (key === 'person') return matches(condition as Record<string, unknown>, value as Record<string, unknown>);
    if (key === 'events') {
      const { some, ...rest } = condition as { some: Record<string, unknown> };
      if (Object.keys(rest).length) throw new Error(`events: ${Object.keys(rest).join()}`);
      return (value as Array<Record<string, unknown>>).some((e) => matches(some, e));
    }
    return scalarMatches(value, condition);
  });
}

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

function scalarMatches(value: unknown, condition: unknown): boolean {
  if (condition === null || typeof condition !== 'object' || condition instanceof Date) return same(value, condition);
  const { mode, ...ops } = condition as Record<string, unknown>;
  const fold = (s: unknown) => (mode === 'insensitive' ? String(s).toLowerCase() : String(s));
  return Object.entries(ops).every(([op, operand]) => {
    switch (op) {
      case 'equals':
        return same(value, operand);
      case 'in':
        return (operand as unknown[]).some((o) => same(value, o));
      case 'has':
        return (value as unknown[]).includes(operand);
      case 'startsWith':
        return fold(value).startsWith(fold(operand));
      case 'gte':
        return value !== null && (value as Date).getTime() >= (operand as Date).getTime();
      case 'lt':
        return value !== null && (value as Date).getTime() < (operand as Date).getTime();
      default:
        throw new Error(`an operator the test does not know: ${op}`);
    }
  });
}

const found = (reader: ReaderIdentity, criteria: CaseSearch) => {
  const scope = searchScopeOf(reader, criteria, NOW);
  if (scope.searched === 'NOTHING') return [];
  return CASES.filter((c) => matches(scope.where as Record<string, unknown>, c as unknown as Record<string, unknown>));
};

const accessOf = (reader: ReaderIdentity, c: Case) =>
  accessTo(
    reader,
    {
      ...c,
      nciDecidedAt: c.routedToDocNci
        ? c.events.find((e) => NCI_DECISION_EVENTS.includes(e.type))?.occurredAt.toISOString()
        : undefined,
    },
    'NONE',
    NOW,
  );

/** What the criteria say of a case, ignoring who searches (the reference the filter must agree with). */
function fits(c: Case, criteria: CaseSearch): boolean {
  const words = (criteria.name ?? '').split(/\s+/).filter(Boolean);
  const names = [c.person.givenName, c.person.familyName].map((n) => n.toLowerCase());
  return (
    words.every((w) => names.some((n) => n.startsWith(w.toLowerCase()))) &&
    (!criteria.dateOfBirth || c.person.dateOfBirth.toISOString().startsWith(criteria.dateOfBirth)) &&
    (!criteria.caseId || c.id.toLowerCase().startsWith(criteria.caseId.toLowerCase())) &&
    (!criteria.stage || c.stage === criteria.stage) &&
    (!criteria.agency || c.agency === criteria.agency) &&
    (!criteria.referredFrom || (c.referredAt !== null && c.referredAt >= criteria.referredFrom)) &&
    (!criteria.referredBefore || (c.referredAt !== null && c.referredAt < criteria.referredBefore))
  );
}

describe('issue 23 item 2 (R-ROI): the search finds exactly what its reader may read, matched on what they may see', () => {
  for (const reader of READERS) {
    test(`${reader.name}: every search finds the cases the policy gives them, and no other`, () => {
      for (const criteria of CRITERIA) {
        const expected = CASES.filter((c) => {
          const access = accessOf(reader, c);
          // By identity, only where the reader may read the referral record; otherwise where they may know of the case.
          return (IDENTITY(criteria) ? access.referralRecord : access.programStatus) && fits(c, criteria);
        });
        expect({ criteria, found: found(reader, criteria).map((c) => c.id) }).toEqual({
          criteria,
          found: expected.map((c) => c.id),
        });
      }
    });
  }
});

test('R-ROI: a name search by a reader of none of the cases finds nothing, however it is spelled', () => {
  for (const reader of READERS.filter((r) => ['officer-z', 'sgt-3', 'dpa-2', 'eval-1'].includes(r.id)))
    for (const name of ['a', 'avery', 'JORDAN', 'sam avery'])
      expect({ reader: reader.name, found: found(reader, { name }) }).toEqual({ reader: reader.name, found: [] });
});

test('R-ROI (corrected 2026-12-02): 30 days after their decision the NCI team finds a referral by its id or stage, never by the name or date of birth it no longer shows them', () => {
  const nci = READERS.find((r) => r.role === 'doc_nci')!;
  expect(found(nci, { caseId: 'BUR-C' }).map((c) => c.id)).toEqual(['BUR-C000000003']);
  expect(found(nci, { stage: 'CLOSED' }).map((c) => c.id)).toEqual(['BUR-C000000003']);
  expect(found(nci, { name: 'sam' })).toEqual([]);
  expect(found(nci, { dateOfBirth: '1970-01-01' })).toEqual([]);
  expect(found(nci, { name: 'sam', caseId: 'BUR-C' })).toEqual([]);
  expect(found(nci, { name: 'avery' }).map((c) => c.id)).toEqual(['BUR-D000000004', 'BUR-E000000005']);
});

test('R-JURISDICTION: a prosecutor searches their own office’s cases only; the same name in another office’s case is not found', () => {
  const city = READERS.find((r) => r.id === 'ca-1')!;
  expect(found(city, { dateOfBirth: '1988-04-12' }).map((c) => c.id)).toEqual(['BUR-B000000002']);
  const county = READERS.find((r) => r.id === 'dpa-1')!;
  expect(found(city, { name: 'jordan' }).map((c) => c.id)).toEqual(['BUR-B000000002']);
  expect(found(county, { name: 'jordan' }).map((c) => c.id)).toEqual(['BUR-A000000001']);
  expect(found(city, { name: 'jordan avery' })).toEqual([]);
});

test('names are matched word by word at their start, in any case; no criterion searches nothing', () => {
  const supervisor = READERS.find((r) => r.role === 'supervisor')!;
  expect(found(supervisor, { name: 'jor av' }).map((c) => c.id)).toEqual(['BUR-A000000001', 'BUR-B000000002']);
  expect(found(supervisor, { name: 'very' })).toEqual([]);
  expect(searchScopeOf(supervisor, {}, NOW)).toEqual({ searched: 'NOTHING' });
  expect(searchScopeOf(supervisor, { name: '   ' }, NOW)).toEqual({ searched: 'NOTHING' });
  expect(searchScopeOf(supervisor, { stage: 'ENROLLED' }, NOW).searched).toBe('CASES');
  expect(searchScopeOf(supervisor, { stage: 'ENROLLED', name: 'x' }, NOW).searched).toBe('REFERRAL_RECORDS');
});
