import { z } from 'zod';
import type { LeadConfig } from '../../config/config-schema';
import { situationOfStage } from '../../case/filing';
import type { Database } from '../../db/queries/database';
import {
  caseloadOf,
  nciQueueOf,
  prosecutorQueueOf,
  sergeantQueueOf,
  STUCK_LIST_PAGE,
  stuckCasesOf,
} from '../../db/queries/cases';
import { unconfirmedFollowUpsFor } from '../../db/queries/evaluation';
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
import { accessFor } from '../../disclosure';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
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

export function queueRoutes(deps: { db: Database; config: LeadConfig; links: CaseLinks }) {
  const { db, links } = deps;
  const rows = (list: Parameters<typeof caseRow>[0][]) => list.map((r) => caseRow(r, links));
  /** A list's first page of rows, and how many it holds (answered in `counts`, once). */
  const page = (list: { cases: Parameters<typeof caseRow>[0][]; total: number }) => ({
    cases: rows(list.cases),
    total: list.total,
  });

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
      const { cases, alertedAt, exitedAt } = await caseloadOf(db, actor, {
        exitedSince: exitedView ? new Date(now - EXITED_WITHIN_DAYS * DAY) : undefined,
        stage: query.stage,
        deadlineBefore:
          query.deadlineWithinDays === undefined ? undefined : new Date(now + Number(query.deadlineWithinDays) * DAY),
        stuck: query.stuck === undefined ? undefined : query.stuck === 'true',
      });
      // Whom to meet is part of a case manager's work: the caseload names the person (R-ROI: case
      // management reads the referral record of every case).
      const named = accessFor(actor.role, 'PROGRAM', 'NONE').referralRecord;
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
      const { approvals, overrides, extensions, reassessments, returns } = await sergeantQueueOf(db, actor);
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
      // Who each notice is about — name, offenses, referral date — where the office reads its referral
      // record (R-PACKET), through the disclosure policy, each case so shown a disclosure (R-DISCLOSE).
      const { notices, noticed, awaitingDecision, objectionWindows, decisions } = await prosecutorQueueOf(db, actor);
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
          awaitingDecision: stillOwedBy(office, awaitingDecision, decisions).map((r) =>
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
      const { awaiting, decidedLately: decided } = await nciQueueOf(db, actor);
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
      summary: `Stuck cases by reason (the protocol's Decisions), each linked to its workflow: each list's ${STUCK_LIST_PAGE} nearest deadlines, and its count`,
      access: { permission: 'stuck.read' },
      responses: { 200: { description: 'The lists', schema: stuckSchema } },
    },
    async ({ actor }) => {
      const { byReason, intakeDueSoon, capacityQueue } = await stuckCasesOf(db, actor);
      const {
        SCREENING_OVERDUE: screeningOverdue,
        APPROVAL_OVERDUE: approvalOverdue,
        MISSED_NOTICE_UNCONFIRMED: missedNoticeUnconfirmed,
        REASSESSMENT_DUE: reassessmentDue,
        NCI_DECISION_OVERDUE: nciDecisionOverdue,
        OVERRIDE_OVERDUE: overrideOverdue,
        VICTIM_FILING_DECISION_OVERDUE: victimFilingDecisionOverdue,
      } = byReason;
      const lists = {
        screeningOverdue: {
          ruleId: 'R-SCREEN',
          label: 'Screening not recorded 4 h after the call',
          ...page(screeningOverdue),
        },
        approvalOverdue: {
          ruleId: 'R-SC-APPROVAL',
          label: 'Social contact unreviewed for 7 days',
          ...page(approvalOverdue),
        },
        intakeDueSoon: { ruleId: 'R-INTAKE', label: 'Intake deadline within 72 hours', ...page(intakeDueSoon) },
        missedNoticeUnconfirmed: {
          ruleId: 'R-MISSED',
          label: 'Missed-intake notice not confirmed sent',
          ...page(missedNoticeUnconfirmed),
        },
        reassessmentDue: {
          ruleId: 'R-SC-REASSESS',
          label: 'Social-contact approval due for re-assessment',
          ...page(reassessmentDue),
        },
        nciDecisionOverdue: {
          ruleId: 'R-EL-WARRANT',
          label: 'DOC NCI decision not recorded 24 h after the referral',
          ...page(nciDecisionOverdue),
        },
        overrideOverdue: {
          ruleId: 'R-EL-OVERRIDE',
          label: 'Override request unreviewed for 24 h',
          ...page(overrideOverdue),
        },
        victimFilingDecisionOverdue: {
          ruleId: 'R-VICTIM',
          label: "Prosecutor's filing decision after a victim objection overdue",
          ...page(victimFilingDecisionOverdue),
        },
        capacityQueue: {
          ruleId: 'R-SC-CAPACITY',
          label: 'Approved social contacts waiting for a place',
          ...page(capacityQueue),
        },
      };
      // R-EVAL: follow-ups whose reminder went unconfirmed (cases and bookings of the reader's agency or all).
      const followUps = await unconfirmedFollowUpsFor(db, actor);
      return {
        status: 200,
        body: {
          counts: {
            ...Object.fromEntries(Object.entries(lists).map(([k, { total }]) => [k, total])),
            followUpsUnconfirmed: followUps.length,
          },
          lists: Object.fromEntries(Object.entries(lists).map(([k, { total: _total, ...list }]) => [k, list])),
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

/**
 * R-JURISDICTION (Decision 2026-12-02): the cases on which this office still owes its own decision —
 * those where it has not recorded one in the situation the case is in.
 */
function stillOwedBy<R extends { id: string; stage: string }>(
  office: string,
  cases: R[],
  decisions: Array<{ referralId: string; ruleId: string | null; data: unknown }>,
): R[] {
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
