import type { Prisma } from '../../generated/prisma/client';
import { TERMINAL_STAGES } from '../../shared/case-vocabulary';
import {
  inReaderPrograms,
  LISTED_REFERRAL_INCLUDE,
  readableCasesWhere,
  searchScopeOf,
  type CaseSearch,
} from '../../disclosure';
import type { ReaderIdentity } from '../../disclosure';
import { CASE_ID_PATTERN } from '../../shared/record-ids';
import type { Database } from './database';
import { readByIds } from './id-lists';

/**
 * The cases (Referral rows) a reader may know of (R-ROI): every read of a person's case that a reader
 * asks for goes through here, and each applies the reader's scope (`readableCasesWhere`) once, itself.
 */

const OPEN = { notIn: [...TERMINAL_STAGES] };
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const BY_DEADLINE = [
  { nextDeadlineAt: { sort: 'asc' as const, nulls: 'last' as const } },
  { createdAt: 'asc' as const },
];

declare const READABLE: unique symbol;
/** A case's row with its person, read through the reader's scope: proof that the reader stands in a relation to it. */
export type ReadableCase = CaseWithPerson & { readonly [READABLE]: true };
/** A case's row with its person. */
export type CaseWithPerson = Prisma.ReferralGetPayload<{ include: { person: true } }>;

/** The case's row if the reader stands in a relation to it (R-ROI); null — as for an unknown id — otherwise. */
export async function readableCase(db: Database, reader: ReaderIdentity, caseId: string): Promise<ReadableCase | null> {
  if (!CASE_ID_PATTERN.test(caseId)) return null;
  const row = await db.referral.findFirst({
    where: { AND: [{ id: caseId }, readableCasesWhere(reader)] },
    include: { person: true },
  });
  return row as ReadableCase | null;
}

/** The caseload's filters (issue 23 item 2). */
export interface CaseloadFilter {
  /** The people who left the program since this instant (R-EXIT), instead of the open cases. */
  exitedSince?: Date;
  stage?: string;
  deadlineBefore?: Date;
  stuck?: boolean;
}

/**
 * A case manager's open cases, nearest deadline first: theirs, and new ones nobody has taken yet — or
 * the people who left the program lately — with the latest coordination alert and exit of each.
 */
export async function caseloadOf(db: Database, reader: ReaderIdentity, filter: CaseloadFilter) {
  const filters: Prisma.ReferralWhereInput[] = [
    readableCasesWhere(reader),
    filter.exitedSince
      ? {
          stage: 'EXITED',
          caseManagerId: reader.id,
          events: { some: { type: 'EXITED', occurredAt: { gte: filter.exitedSince } } },
        }
      : {
          stage: OPEN,
          OR: [{ caseManagerId: reader.id }, { caseManagerId: null, stage: 'AWAITING_SCREENING' }],
        },
  ];
  if (filter.stage) filters.push({ stage: filter.stage });
  if (filter.deadlineBefore) filters.push({ nextDeadlineAt: { lte: filter.deadlineBefore } });
  if (filter.stuck !== undefined) filters.push({ stuckReasons: { isEmpty: !filter.stuck } });
  const cases = await db.referral.findMany({
    where: { AND: filters },
    orderBy: BY_DEADLINE,
    include: { person: { select: { givenName: true, familyName: true } } },
    take: 500,
  });
  const ids = cases.map((c) => c.id);
  // R-COORD: a participant's latest new arrest, booking, charge or referral, to coordinate with the plan.
  const latest = (type: string) =>
    db.caseEvent.groupBy({
      by: ['referralId'],
      where: { referralId: { in: ids }, type },
      _max: { occurredAt: true },
    });
  const [alerts, exits] = await Promise.all([latest('COORDINATION_ALERT'), latest('EXITED')]);
  const at = (rows: typeof alerts) =>
    new Map(rows.map((a) => [a.referralId, a._max.occurredAt?.toISOString() ?? null]));
  return { cases, alertedAt: at(alerts), exitedAt: at(exits) };
}

/** The sergeant's queue: approvals, overrides, intake extensions, re-assessments, returns to the scene. */
export async function sergeantQueueOf(db: Database, reader: ReaderIdentity, now = new Date()) {
  const scope = readableCasesWhere(reader);
  const [approvals, overrides, extensions, reassessments, returns] = await Promise.all([
    db.referral.findMany({ where: { ...scope, stage: 'AWAITING_APPROVAL' }, orderBy: { createdAt: 'asc' } }),
    db.referral.findMany({ where: { ...scope, stage: 'OVERRIDE_REQUESTED' }, orderBy: { createdAt: 'asc' } }),
    db.referral.findMany({
      where: {
        ...scope,
        type: 'ARREST_DIVERSION',
        stage: { in: ['AWAITING_SCREENING', 'AWAITING_INTAKE'] },
        deadlines: {
          some: { ruleId: 'R-INTAKE', status: 'OPEN', dueAt: { lte: new Date(now.getTime() + 7 * DAY) } },
        },
      },
      orderBy: BY_DEADLINE,
    }),
    db.referral.findMany({
      where: { ...scope, stage: OPEN, stuckReasons: { has: 'REASSESSMENT_DUE' } },
      orderBy: BY_DEADLINE,
    }),
    db.caseEvent.findMany({
      where: {
        referral: scope,
        type: 'RETURN_TO_SCENE_REPORTED',
        occurredAt: { gte: new Date(now.getTime() - 7 * DAY) },
      },
      orderBy: { occurredAt: 'desc' },
      include: { referral: true },
    }),
  ]);
  return { approvals, overrides, extensions, reassessments, returns };
}

/** R-SCREEN, R-MISSED: the stages in which every office with jurisdiction decides whether to file (situationOfStage). */
const STAGES_AWAITING_PROSECUTORS = ['INTAKE_MISSED', 'LEFT_BEFORE_SCREENING', 'SCREENED_OUT'] as const;
/** The name of the R-VICTIM deadline of the offices' decision after an objection (src/case/case-view.ts). */
const VICTIM_DECISION = "prosecutors' filing decision after the objection";

/**
 * R-JURISDICTION: the prosecutor office's inbox — its notices (newest first), the cases awaiting its
 * filing decision and those in a victim's objection window, with the filing decisions already recorded
 * on the awaited ones. The reader's office is the scope: a reader without one gets nothing.
 */
export async function prosecutorQueueOf(db: Database, reader: ReaderIdentity) {
  const office = reader.office;
  if (!office) return { notices: [], noticed: [], awaitingDecision: [], objectionWindows: [], decisions: [] };
  const scope = readableCasesWhere(reader);
  const [notices, awaitingDecision, objectionWindows] = await Promise.all([
    db.notification.findMany({
      // The office's notices of the reader's programs: an office may serve several (issue 26).
      where: { office, recipientRole: 'prosecutor', referral: inReaderPrograms(reader) },
      orderBy: { createdAt: 'desc' },
      take: 200,
    }),
    db.referral.findMany({
      where: {
        AND: [scope, { prosecutorOffices: { has: office } }],
        OR: [
          { stage: { in: [...STAGES_AWAITING_PROSECUTORS] } },
          // R-VICTIM (Decision 2026-12-02): an objection's decision, open or overdue.
          {
            stage: OPEN,
            deadlines: { some: { ruleId: 'R-VICTIM', status: { in: ['OPEN', 'OVERDUE'] }, name: VICTIM_DECISION } },
          },
        ],
      },
      include: LISTED_REFERRAL_INCLUDE,
      orderBy: { updatedAt: 'asc' },
    }),
    db.referral.findMany({
      where: {
        AND: [scope, { prosecutorOffices: { has: office } }],
        stage: OPEN,
        deadlines: { some: { ruleId: 'R-VICTIM', status: 'OPEN' } },
      },
      include: LISTED_REFERRAL_INCLUDE,
      orderBy: { createdAt: 'asc' },
    }),
  ]);
  // Who each notice is about: the listing decides, per reader, what of it is shown (R-PACKET).
  const [noticed, decisions] = await Promise.all([
    db.referral.findMany({
      where: { id: { in: [...new Set(notices.map((n) => n.referralId))] } },
      include: LISTED_REFERRAL_INCLUDE,
    }),
    readByIds(
      awaitingDecision.map((c) => c.id),
      (ids) =>
        db.caseEvent.findMany({
          where: { referralId: { in: ids }, type: 'FILING_DECISION_RECORDED' },
          select: { referralId: true, ruleId: true, data: true },
        }),
    ),
  ]);
  return { notices, noticed, awaitingDecision, objectionWindows, decisions };
}

/** R-EL-WARRANT: the referrals waiting for the DOC NCI team's decision, oldest first, and those decided lately. */
export async function nciQueueOf(db: Database, reader: ReaderIdentity, now = Date.now()) {
  const scope = readableCasesWhere(reader);
  const [awaiting, decidedLately] = await Promise.all([
    db.referral.findMany({ where: { ...scope, stage: 'AWAITING_NCI_DECISION' }, orderBy: { createdAt: 'asc' } }),
    db.referral.findMany({
      where: { ...scope, stage: { not: 'AWAITING_NCI_DECISION' }, updatedAt: { gte: new Date(now - 14 * DAY) } },
      orderBy: { updatedAt: 'desc' },
      take: 100,
    }),
  ]);
  return { awaiting, decidedLately };
}

/** The stuck reasons the supervisors' list shows, each its own list (the protocol's Decisions). */
export const STUCK_LISTS = [
  'SCREENING_OVERDUE',
  'APPROVAL_OVERDUE',
  'MISSED_NOTICE_UNCONFIRMED',
  'REASSESSMENT_DUE',
  'NCI_DECISION_OVERDUE',
  'OVERRIDE_OVERDUE',
  'VICTIM_FILING_DECISION_OVERDUE',
] as const;

/**
 * The rows each stuck list carries, nearest deadline first; its count is the whole list's. Without a
 * page a list grows with the caseload (the `scale` bench: the intakes due within 72 hours were 689 rows
 * at 10,000 open cases); the Temporal Web UI's saved query lists every stuck case.
 */
export const STUCK_LIST_PAGE = 200;

/** A list's first `page` rows in its order, and how many it holds. */
async function pageOf(
  db: Database,
  where: Prisma.ReferralWhereInput,
  orderBy: Prisma.ReferralOrderByWithRelationInput | Prisma.ReferralOrderByWithRelationInput[],
  page: number,
) {
  const [cases, total] = await Promise.all([
    db.referral.findMany({ where, orderBy, take: page }),
    db.referral.count({ where }),
  ]);
  return { cases, total };
}

/** Stuck cases by reason, the intakes due within 72 hours and the capacity queue (R-SC-CAPACITY), each a page. */
export async function stuckCasesOf(db: Database, reader: ReaderIdentity, now = Date.now(), page = STUCK_LIST_PAGE) {
  const scope = readableCasesWhere(reader);
  const soon = new Date(now + 72 * HOUR);
  const [stuck, intakeDueSoon, capacityQueue] = await Promise.all([
    Promise.all(
      STUCK_LISTS.map((reason) =>
        pageOf(db, { ...scope, stage: OPEN, stuckReasons: { has: reason } }, BY_DEADLINE, page),
      ),
    ),
    pageOf(
      db,
      {
        ...scope,
        stage: { in: ['AWAITING_SCREENING', 'AWAITING_INTAKE'] },
        deadlines: { some: { ruleId: 'R-INTAKE', status: 'OPEN', dueAt: { lte: soon } } },
      },
      BY_DEADLINE,
      page,
    ),
    pageOf(db, { ...scope, stage: 'WAITING_FOR_CAPACITY' }, { updatedAt: 'asc' }, page),
  ]);
  const byReason = Object.fromEntries(STUCK_LISTS.map((reason, i) => [reason, stuck[i]])) as Record<
    (typeof STUCK_LISTS)[number],
    (typeof stuck)[number]
  >;
  return { byReason, intakeDueSoon, capacityQueue };
}

/**
 * Finding a case again (issue 23 item 2): the cases a search may match for this reader (`searchScopeOf`:
 * by identity only the referral records they may read), newest first, at most `limit` + 1.
 */
export async function searchCases(
  db: Database,
  reader: ReaderIdentity,
  criteria: CaseSearch,
  limit: number,
  now = Date.now(),
) {
  const scope = searchScopeOf(reader, criteria, now);
  if (scope.searched === 'NOTHING') return { searched: scope.searched, found: [] };
  const found = await db.referral.findMany({
    where: scope.where,
    include: LISTED_REFERRAL_INCLUDE,
    orderBy: [
      { referredAt: { sort: 'desc' as const, nulls: 'last' as const } },
      { createdAt: 'desc' as const },
      { id: 'asc' as const },
    ],
    take: limit + 1,
  });
  return { searched: scope.searched, found };
}

/** The referrals this reader submitted, newest first, at most `limit` + 1. */
export function referralsSubmittedBy(db: Database, reader: ReaderIdentity, limit: number) {
  return db.referral.findMany({
    where: { AND: [readableCasesWhere(reader), { submittedById: reader.id }] },
    include: LISTED_REFERRAL_INCLUDE,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: limit + 1,
  });
}

/**
 * A case's history as the projection recorded it, by id — for rebuilding a case already read through
 * its reader's scope (`readableCase`), and for the worker: its events (CaseEvent rows) and its notices.
 */
export async function recordedRowsOf(db: Database, caseId: string) {
  const [events, notifications] = await Promise.all([
    db.caseEvent.findMany({ where: { referralId: caseId }, orderBy: { seq: 'asc' } }),
    db.notification.findMany({ where: { referralId: caseId }, orderBy: { createdAt: 'asc' } }),
  ]);
  return { events, notifications };
}

/** A closed case's row and the time of its first event, to rebuild it from its recorded start. */
export async function recordedStartOf(db: Database, caseId: string) {
  const referral = await db.referral.findUniqueOrThrow({ where: { id: caseId } });
  const firstEvent = await db.caseEvent.findFirst({ where: { referralId: caseId }, orderBy: { seq: 'asc' } });
  return { referral, firstEventAt: firstEvent?.occurredAt };
}

/** Whose each case is: the person id of each of these cases (no name). */
export function personIdsOfCases(db: Database, caseIds: string[]) {
  return readByIds(caseIds, (ids) =>
    db.referral.findMany({ where: { id: { in: ids } }, select: { id: true, personId: true } }),
  );
}
