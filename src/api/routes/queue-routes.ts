import { z } from 'zod';
import type { LeadConfig } from '../../config/config-schema';
import { situationOfStage } from '../../case/filing';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { TERMINAL_STAGES } from '../../shared/case-vocabulary';
import { caseRow, type CaseLinks } from '../case-rows';
import { listedCaseRow } from '../listed-cases';
import { stageSchema } from '../schemas/common';
import { HttpError } from '../http-error';
import { route } from '../contract/route';
import {
  caseloadSchema,
  nciQueueSchema,
  prosecutorQueueSchema,
  sergeantQueueSchema,
  stuckSchema,
} from '../schemas/queue-answers';
import { accessFor, LISTED_REFERRAL_INCLUDE, readableCasesWhere as scopeWhere } from '../../disclosure';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const OPEN = { notIn: [...TERMINAL_STAGES] };
/** R-EXIT: how long people who left the program stay findable on the caseload (behind its filter). */
export const EXITED_WITHIN_DAYS = 90;

/** The caseload's filters (issue 23 item 2): all of those given together. */
export const caseloadQuerySchema = z.strictObject({
  status: z
    .enum(['open', 'exited'])
    .optional()
    .describe(
      `open (default): the open cases; exited: the people who left the program (R-EXIT) in the last ${EXITED_WITHIN_DAYS} days`,
    ),
  stage: stageSchema.optional(),
  deadlineWithinDays: z
    .string()
    // One pattern, so that the document states the bound too (issue 24 item 8): 0 to 365, as digits.
    .regex(/^(?:[0-2]?\d{1,2}|3[0-5]\d|36[0-5])$/, 'a whole number of days, at most 365')
    .optional()
    .describe('Only cases whose next deadline falls within this many days (or has passed)'),
  stuck: z
    .enum(['true', 'false'])
    .optional()
    .describe('Only the cases flagged stuck (true), or only those not (false)'),
});

/** The lists people work from: caseload, sergeant queue, prosecutor inbox, stuck cases. */
const QUEUE_TAG = 'Lists';

export function queueRoutes(deps: { db: PrismaClient; config: LeadConfig; links: CaseLinks }) {
  const { db, links } = deps;
  const rows = (list: Parameters<typeof caseRow>[0][]) => list.map((r) => caseRow(r, links));
  const byDeadline = [
    { nextDeadlineAt: { sort: 'asc' as const, nulls: 'last' as const } },
    { createdAt: 'asc' as const },
  ];

  /**
   * A case manager's open cases, nearest deadline first: theirs, and new ones nobody has taken yet —
   * or, behind the `exited` filter, the people who left the program lately.
   */
  const getCaseload = route(
    {
      method: 'get',
      path: '/caseload',
      operationId: 'getCaseload',
      tag: QUEUE_TAG,
      summary: `A case manager's open cases, nearest deadline first: theirs, and new ones nobody has taken yet; filtered by stage, deadline, stuck, or the people who exited in the last ${EXITED_WITHIN_DAYS} days`,
      access: { permission: 'caseload.read' },
      query: caseloadQuerySchema,
      responses: { 200: { description: 'The lists', schema: caseloadSchema } },
    },
    async ({ actor, query }) => {
      const now = Date.now();
      const exitedView = query.status === 'exited';
      const exitedSince = new Date(now - EXITED_WITHIN_DAYS * DAY);
      const filters: Prisma.ReferralWhereInput[] = [
        scopeWhere(actor),
        exitedView
          ? {
              stage: 'EXITED',
              caseManagerId: actor.id,
              events: { some: { type: 'EXITED', occurredAt: { gte: exitedSince } } },
            }
          : {
              stage: OPEN,
              OR: [{ caseManagerId: actor.id }, { caseManagerId: null, stage: 'AWAITING_SCREENING' }],
            },
      ];
      if (query.stage) filters.push({ stage: query.stage });
      if (query.deadlineWithinDays !== undefined)
        filters.push({ nextDeadlineAt: { lte: new Date(now + Number(query.deadlineWithinDays) * DAY) } });
      if (query.stuck) filters.push({ stuckReasons: { isEmpty: query.stuck === 'false' } });
      const cases = await db.referral.findMany({
        where: { AND: filters },
        orderBy: byDeadline,
        include: { person: { select: { givenName: true, familyName: true } } },
        take: 500,
      });
      // Whom to meet is part of a case manager's work: the caseload names the person (R-ROI: case
      // management reads the referral record of every case).
      const named = accessFor(actor.role, 'PROGRAM', 'NONE').referralRecord;
      const ids = cases.map((c) => c.id);
      // R-COORD: a participant's latest new arrest, booking, charge or referral, to coordinate with the plan.
      const [alerts, exits] = await Promise.all([
        db.caseEvent.groupBy({
          by: ['referralId'],
          where: { referralId: { in: ids }, type: 'COORDINATION_ALERT' },
          _max: { occurredAt: true },
        }),
        db.caseEvent.groupBy({
          by: ['referralId'],
          where: { referralId: { in: ids }, type: 'EXITED' },
          _max: { occurredAt: true },
        }),
      ]);
      const alertedAt = new Map(alerts.map((a) => [a.referralId, a._max.occurredAt?.toISOString() ?? null]));
      const exitedAt = new Map(exits.map((a) => [a.referralId, a._max.occurredAt?.toISOString() ?? null]));
      const rows = cases.map((c) => ({
        ...caseRow(c, links),
        person: named ? { givenName: c.person.givenName, familyName: c.person.familyName } : null,
        mine: c.caseManagerId === actor.id,
        newArrestAlertAt: alertedAt.get(c.id) ?? null,
        exitedAt: exitedAt.get(c.id) ?? null,
      }));
      // The people who left: the latest exit first.
      if (exitedView) rows.sort((a, b) => (b.exitedAt ?? '').localeCompare(a.exitedAt ?? ''));
      return { status: 200, body: { cases: rows } };
    },
  );

  const getSergeantQueue = route(
    {
      method: 'get',
      path: '/queues/sergeant',
      operationId: 'getSergeantQueue',
      tag: QUEUE_TAG,
      summary: "The sergeant's queue: approvals, overrides, intake extensions, re-assessments, returns to the scene",
      access: { permission: 'queue.sergeant' },
      responses: { 200: { description: 'The lists', schema: sergeantQueueSchema } },
    },
    async ({ actor }) => {
      const scope = scopeWhere(actor);
      const now = new Date();
      const [approvals, overrides, extensions, reassessments, returns] = await Promise.all([
        db.referral.findMany({ where: { ...scope, stage: 'AWAITING_APPROVAL' }, orderBy: { createdAt: 'asc' } }),
        db.referral.findMany({ where: { ...scope, stage: 'OVERRIDE_REQUESTED' }, orderBy: { createdAt: 'asc' } }),
        db.referral.findMany({
          where: {
            ...scope,
            type: 'ARREST_DIVERSION',
            stage: { in: ['AWAITING_SCREENING', 'AWAITING_INTAKE'] },
            deadlines: {
              some: { ruleId: 'R-INTAKE', status: 'OPEN', dueAt: { lte: new Date(now.getTime() + 7 * 24 * HOUR) } },
            },
          },
          orderBy: byDeadline,
        }),
        db.referral.findMany({
          where: { ...scope, stage: OPEN, stuckReasons: { has: 'REASSESSMENT_DUE' } },
          orderBy: byDeadline,
        }),
        db.caseEvent.findMany({
          where: {
            referral: scope,
            type: 'RETURN_TO_SCENE_REPORTED',
            occurredAt: { gte: new Date(now.getTime() - 7 * 24 * HOUR) },
          },
          orderBy: { occurredAt: 'desc' },
          include: { referral: true },
        }),
      ]);
      return {
        status: 200,
        body: {
          approvals: rows(approvals),
          overrides: rows(overrides),
          extensions: rows(extensions),
          reassessments: rows(reassessments),
          returnsToScene: returns.map((e) => ({
            ...caseRow(e.referral, links),
            reportedAt: e.occurredAt.toISOString(),
            withinWindow: (e.data as { withinWindow?: boolean })?.withinWindow === true,
          })),
        },
      };
    },
  );

  /** R-JURISDICTION: a prosecutor sees the notices of their own office only. */
  const getProsecutorQueue = route(
    {
      method: 'get',
      path: '/queues/prosecutor',
      operationId: 'getProsecutorQueue',
      tag: QUEUE_TAG,
      summary: "R-JURISDICTION: the notices and decisions of the prosecutor's own office",
      access: { permission: 'queue.prosecutor' },
      responses: { 200: { description: 'The lists', schema: prosecutorQueueSchema } },
    },
    async ({ req, actor }) => {
      const office = actor.office;
      if (!office || !deps.config.offices[office]) {
        throw new HttpError(
          403,
          'OFFICE_REQUIRED',
          `Your sign-in names no prosecutor office (claim lead_office): one of ${Object.keys(deps.config.offices).join(', ')}`,
          { permission: 'queue.prosecutor' },
        );
      }
      const [notices, awaitingProsecutors, objectionWindows] = await Promise.all([
        db.notification.findMany({
          where: { office, recipientRole: 'prosecutor' },
          orderBy: { createdAt: 'desc' },
          take: 200,
        }),
        db.referral.findMany({
          where: {
            prosecutorOffices: { has: office },
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
            prosecutorOffices: { has: office },
            stage: OPEN,
            deadlines: { some: { ruleId: 'R-VICTIM', status: 'OPEN' } },
          },
          include: LISTED_REFERRAL_INCLUDE,
          orderBy: { createdAt: 'asc' },
        }),
      ]);
      // Who each notice is about — name, offenses, referral date — where the office reads its referral
      // record (R-PACKET), through the disclosure policy, each case so shown a disclosure (R-DISCLOSE).
      const noticed = await db.referral.findMany({
        where: { id: { in: [...new Set(notices.map((n) => n.referralId))] } },
        include: LISTED_REFERRAL_INCLUDE,
      });
      const listed = new Map(noticed.map((r) => [r.id, listedCaseRow(req, actor, r, deps)]));
      return {
        status: 200,
        body: {
          office: { code: office, name: deps.config.offices[office].name },
          notices: notices.map((n) => {
            const about = listed.get(n.referralId);
            return {
              id: n.id,
              caseId: n.referralId,
              kind: n.kind,
              ruleId: n.ruleId,
              subject: n.subject,
              status: n.status,
              sentAt: n.sentAt?.toISOString() ?? null,
              createdAt: n.createdAt.toISOString(),
              referredAt: about?.referredAt ?? null,
              person: about?.person ?? null,
              offenses: about?.offenses ?? null,
            };
          }),
          awaitingDecision: (await stillOwedBy(db, office, awaitingProsecutors)).map((r) =>
            listedCaseRow(req, actor, r, deps),
          ),
          objectionWindows: objectionWindows.map((r) => listedCaseRow(req, actor, r, deps)),
        },
      };
    },
  );

  /** R-EL-WARRANT: the referrals waiting for the DOC NCI team's decision, oldest first, and those decided lately. */
  const getNciQueue = route(
    {
      method: 'get',
      path: '/queues/nci',
      operationId: 'getNciQueue',
      tag: QUEUE_TAG,
      summary: "R-EL-WARRANT: referrals waiting for the DOC NCI team's decision, and those decided lately",
      access: { permission: 'queue.nci' },
      responses: { 200: { description: 'The lists', schema: nciQueueSchema } },
    },
    async ({ actor }) => {
      const scope = scopeWhere(actor);
      const [awaiting, decided] = await Promise.all([
        db.referral.findMany({ where: { ...scope, stage: 'AWAITING_NCI_DECISION' }, orderBy: { createdAt: 'asc' } }),
        db.referral.findMany({
          where: {
            ...scope,
            stage: { not: 'AWAITING_NCI_DECISION' },
            updatedAt: { gte: new Date(Date.now() - 14 * 24 * HOUR) },
          },
          orderBy: { updatedAt: 'desc' },
          take: 100,
        }),
      ]);
      return { status: 200, body: { awaiting: rows(awaiting), decidedLately: rows(decided) } };
    },
  );

  /** Stuck cases for supervisors, by reason (the protocol's Decisions), each linked to its workflow. */
  const getStuckCases = route(
    {
      method: 'get',
      path: '/stuck',
      operationId: 'getStuckCases',
      tag: QUEUE_TAG,
      summary: "Stuck cases by reason (the protocol's Decisions), each linked to its workflow",
      access: { permission: 'stuck.read' },
      responses: { 200: { description: 'The lists', schema: stuckSchema } },
    },
    async ({ actor }) => {
      const scope = scopeWhere(actor);
      const soon = new Date(Date.now() + 72 * HOUR);
      const stuckWith = (reason: string) =>
        db.referral.findMany({ where: { ...scope, stage: OPEN, stuckReasons: { has: reason } }, orderBy: byDeadline });
      const [
        screeningOverdue,
        approvalOverdue,
        intakeDueSoon,
        missedNoticeUnconfirmed,
        reassessmentDue,
        nciDecisionOverdue,
        overrideOverdue,
        victimFilingDecisionOverdue,
        capacityQueue,
      ] = await Promise.all([
        stuckWith('SCREENING_OVERDUE'),
        stuckWith('APPROVAL_OVERDUE'),
        db.referral.findMany({
          where: {
            ...scope,
            stage: { in: ['AWAITING_SCREENING', 'AWAITING_INTAKE'] },
            deadlines: { some: { ruleId: 'R-INTAKE', status: 'OPEN', dueAt: { lte: soon } } },
          },
          orderBy: byDeadline,
        }),
        stuckWith('MISSED_NOTICE_UNCONFIRMED'),
        stuckWith('REASSESSMENT_DUE'),
        stuckWith('NCI_DECISION_OVERDUE'),
        stuckWith('OVERRIDE_OVERDUE'),
        stuckWith('VICTIM_FILING_DECISION_OVERDUE'),
        db.referral.findMany({ where: { ...scope, stage: 'WAITING_FOR_CAPACITY' }, orderBy: { updatedAt: 'asc' } }),
      ]);
      const lists = {
        screeningOverdue: {
          ruleId: 'R-SCREEN',
          label: 'Screening not recorded 4 h after the call',
          cases: rows(screeningOverdue),
        },
        approvalOverdue: {
          ruleId: 'R-SC-APPROVAL',
          label: 'Social contact unreviewed for 7 days',
          cases: rows(approvalOverdue),
        },
        intakeDueSoon: { ruleId: 'R-INTAKE', label: 'Intake deadline within 72 hours', cases: rows(intakeDueSoon) },
        missedNoticeUnconfirmed: {
          ruleId: 'R-MISSED',
          label: 'Missed-intake notice not confirmed sent',
          cases: rows(missedNoticeUnconfirmed),
        },
        reassessmentDue: {
          ruleId: 'R-SC-REASSESS',
          label: 'Social-contact approval due for re-assessment',
          cases: rows(reassessmentDue),
        },
        nciDecisionOverdue: {
          ruleId: 'R-EL-WARRANT',
          label: 'DOC NCI decision not recorded 24 h after the referral',
          cases: rows(nciDecisionOverdue),
        },
        overrideOverdue: {
          ruleId: 'R-EL-OVERRIDE',
          label: 'Override request unreviewed for 24 h',
          cases: rows(overrideOverdue),
        },
        victimFilingDecisionOverdue: {
          ruleId: 'R-VICTIM',
          label: "Prosecutor's filing decision after a victim objection overdue",
          cases: rows(victimFilingDecisionOverdue),
        },
        capacityQueue: {
          ruleId: 'R-SC-CAPACITY',
          label: 'Approved social contacts waiting for a place',
          cases: rows(capacityQueue),
        },
      };
      // R-EVAL: follow-ups whose reminder went unconfirmed (cases and bookings of the reader's agency or all).
      const followUps = await db.followUp.findMany({
        where: {
          stuckSince: { not: null },
          ...(actor.role === 'sergeant' ? { agency: actor.agency ?? '' } : {}),
        },
        orderBy: { dueAt: 'asc' },
        take: 500,
      });
      return {
        status: 200,
        body: {
          counts: {
            ...Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.cases.length])),
            followUpsUnconfirmed: followUps.length,
          },
          lists,
          followUpsUnconfirmed: {
            ruleId: 'R-EVAL',
            label: 'Outcome follow-ups not confirmed',
            items: followUps.map((f) => ({
              recordId: f.recordId,
              months: f.months,
              agency: f.agency,
              dueAt: f.dueAt.toISOString(),
              stuckSince: f.stuckSince!.toISOString(),
            })),
          },
        },
      };
    },
  );

  return [getCaseload, getSergeantQueue, getProsecutorQueue, getNciQueue, getStuckCases];
}

/** R-SCREEN, R-MISSED: the stages in which every office with jurisdiction decides whether to file (situationOfStage). */
const STAGES_AWAITING_PROSECUTORS = ['INTAKE_MISSED', 'LEFT_BEFORE_SCREENING', 'SCREENED_OUT'] as const;
/** The name of the R-VICTIM deadline of the offices' decision after an objection (src/case/case-view.ts). */
const VICTIM_DECISION = "prosecutors' filing decision after the objection";

/**
 * R-JURISDICTION (Decision 2026-12-02): the cases on which this office still owes its own decision —
 * those where it has not recorded one in the situation the case is in.
 */
async function stillOwedBy<R extends { id: string; stage: string }>(
  db: PrismaClient,
  office: string,
  cases: R[],
): Promise<R[]> {
  if (cases.length === 0) return cases;
  const decisions = await db.caseEvent.findMany({
    where: { referralId: { in: cases.map((c) => c.id) }, type: 'FILING_DECISION_RECORDED' },
    select: { referralId: true, ruleId: true, data: true },
  });
  return cases.filter(
    (c) =>
      !decisions.some(
        (d) =>
          d.referralId === c.id &&
          d.ruleId === (situationOfStage(c.stage) ?? 'R-VICTIM') &&
          (d.data as { office?: string } | null)?.office === office,
      ),
  );
}
