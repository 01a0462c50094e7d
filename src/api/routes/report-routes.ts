import type { Request } from 'express';
import {
  clientReportEntry,
  clientReportLevel,
  clientRowOf,
  disclosedNominations,
  fromStored,
  staffingNameFor,
  staffingRowOf,
  type ReleaseRecord,
} from '../../disclosure';
import type { LeadConfig } from '../../config/config-schema';
import type { Database } from '../../db/queries/database';
import { personIdsOfCases } from '../../db/queries/cases';
import { releasesOfCases, reportedMonths, staffingListRecords, storedReport } from '../../db/queries/reports';
import { computeMonthlyReport } from '../../reports/compute-monthly-report';
import type { MonthlyReportData } from '../../reports/monthly-report';
import { clientReportCsv, staffingListCsv } from '../report-csv';
import { monthOf } from '../../reports/report-month';
import type { CaseWorkflows } from '../../temporal/case-workflows';
import { allows } from '../../contract/permissions';
import type { RequestActor } from '../authentication';
import { errorBodySchema } from '../schemas/error-answer';
import { route } from '../contract/route';
import { monthlyReportSchema, monthParams, reportListSchema, reportRunSchema } from '../schemas/report-answers';
import { recordDisclosure } from '../case-reads';
import { csvFile } from '../csv-download';
import { HttpError } from '../http-error';
import { groupedBy } from '../../shared/grouped-by';

/**
 * R-STAFFING: the monthly reports, as figures, lists and CSV downloads: the one the schedule stored for
 * a month, or — for the month under way and any month not produced yet — computed when asked. Names
 * and case-management details are decided per reader when a report is read, against the releases and
 * nominations of that moment (R-ROI) — a case manager's nomination reason is case-management record —
 * and every one shown is a recorded disclosure (R-DISCLOSE).
 */
const REPORT_TAG = 'Reports';

/** Issue 26: a program's months are its own cases', stored by its own schedule. */
export function reportRoutes(deps: { db: Database; cases: CaseWorkflows; config: LeadConfig }) {
  const { db, config } = deps;
  const { caseIdPrefix } = config.program;
  const currentMonth = () => monthOf(new Date(), config.program.timezone);

  const notBegun = (month: string) => {
    if (month > currentMonth())
      throw new HttpError(404, 'NOT_FOUND', `${month} has not begun: there is nothing to report yet (R-STAFFING)`);
    return month;
  };

  const load = async (requested: string) => {
    const month = notBegun(requested);
    const row = month === currentMonth() ? null : await storedReport(db, caseIdPrefix, month);
    if (row)
      return {
        month,
        generatedAt: row.generatedAt.toISOString(),
        stored: true,
        data: row.data as unknown as MonthlyReportData,
      };
    return {
      month,
      generatedAt: new Date().toISOString(),
      stored: false,
      data: await computeMonthlyReport(db, config, month),
    };
  };

  /** The latest release of each case, as stored (lists read the database only). */
  async function releasesOf(caseIds: string[]): Promise<Map<string, ReleaseRecord>> {
    const rows = await releasesOfCases(db, caseIds);
    const latest = new Map<string, ReleaseRecord>();
    for (const row of rows) if (!latest.has(row.referralId)) latest.set(row.referralId, fromStored(row));
    return latest;
  }

  async function staffingList(req: Request, actor: RequestActor, month: string, data: MonthlyReportData) {
    const ids = data.staffingList.map((r) => r.referralId);
    const [{ referrals, nominations }, releases] = await Promise.all([
      staffingListRecords(db, month, ids),
      releasesOf(ids),
    ]);
    const byId = new Map(referrals.map((r) => [r.id, r]));
    const nominationsOf = groupedBy(nominations, (n) => n.referralId);
    return data.staffingList.map((row) => {
      const referral = byId.get(row.referralId);
      const nominated = disclosedNominations(
        actor,
        { caseId: row.referralId, personId: referral?.personId },
        nominationsOf.get(row.referralId) ?? [],
      );
      const named = referral
        ? staffingNameFor(actor, {
            caseId: row.referralId,
            personId: referral.personId,
            person: referral.person,
            release: releases.get(row.referralId) ?? null,
            nominatedBy: nominated.nominations.map((n) => n.by),
          })
        : { name: null, namedBecause: null };
      recordDisclosure(req, 'entry' in named ? named.entry : undefined);
      recordDisclosure(req, nominated.entry);
      return staffingRowOf(row, named, nominated.nominations);
    });
  }

  async function clientRows(req: Request, actor: RequestActor, data: MonthlyReportData) {
    const ids = data.clientRows.map((r) => r.referralId);
    const [referrals, releases] = await Promise.all([personIdsOfCases(db, ids), releasesOf(ids)]);
    const personOf = new Map(referrals.map((r) => [r.id, r.personId]));
    return data.clientRows.map((row) => {
      const release = releases.get(row.referralId) ?? null;
      const level = clientReportLevel(actor.role, release);
      const personId = personOf.get(row.referralId);
      if (personId)
        recordDisclosure(req, clientReportEntry(actor.role, level, { caseId: row.referralId, personId, release }));
      return clientRowOf(row, level);
    });
  }

  const monthContract = { tag: REPORT_TAG, method: 'get', params: monthParams } as const;
  return [
    route(
      {
        method: 'get',
        path: '/reports',
        operationId: 'listReports',
        tag: REPORT_TAG,
        summary: 'R-STAFFING: the months reported (the month under way first), and the first month with a referral',
        access: { permission: 'report.staffing' },
        responses: { 200: { description: 'The months', schema: reportListSchema } },
      },
      async () => {
        const { rows, firstReferredAt, firstCreatedAt } = await reportedMonths(db, caseIdPrefix);
        const current = currentMonth();
        const earliest = [firstReferredAt, firstCreatedAt].filter((d): d is Date => d !== null);
        const firstMonth = earliest.length
          ? monthOf(new Date(Math.min(...earliest.map((d) => d.getTime()))), config.program.timezone)
          : null;
        return {
          status: 200,
          body: {
            current,
            firstMonth,
            reports: [
              { month: current, generatedAt: null, soFar: true },
              ...rows
                .filter((r) => r.month !== current)
                .map((r) => ({ month: r.month, generatedAt: r.generatedAt.toISOString(), soFar: false })),
            ],
          },
        };
      },
    ),
    route(
      {
        ...monthContract,
        path: '/reports/:month',
        operationId: 'getReport',
        summary: "R-STAFFING: a month's figures, staffing list and (for its readers) client rows",
        access: { permission: 'report.staffing' },
        responses: { 200: { description: 'The report', schema: monthlyReportSchema } },
      },
      async ({ req, actor, params }) => {
        const { month, generatedAt, stored, data } = await load(params.month);
        return {
          status: 200,
          body: {
            month,
            generatedAt,
            stored,
            soFar: month === currentMonth(),
            program: data.program,
            figures: data.figures,
            staffingList: await staffingList(req, actor, month, data),
            ...(allows(actor.role, 'report.clients') ? { clientRows: await clientRows(req, actor, data) } : {}),
          },
        };
      },
    ),
    route(
      {
        method: 'post',
        path: '/reports/:month/runs',
        operationId: 'produceReport',
        tag: REPORT_TAG,
        summary: "R-STAFFING: produce and store a past month's report again now, with the schedule's own workflow",
        access: { permission: 'report.produce' },
        params: monthParams,
        responses: {
          201: { description: 'Produced and stored', schema: reportRunSchema },
          409: { description: 'The month is still under way', schema: errorBodySchema },
        },
      },
      async ({ params }) => {
        const month = notBegun(params.month);
        if (month === currentMonth())
          throw new HttpError(
            409,
            'MONTH_UNDER_WAY',
            `${month} is still under way: its figures are computed whenever the report is read; it is stored once the month is over (R-STAFFING)`,
          );
        const summary = await deps.cases.produceMonthlyReport(month, config.program);
        return { status: 201, body: { month, produced: summary } };
      },
    ),
    route(
      {
        ...monthContract,
        path: '/reports/:month/staffing-list.csv',
        operationId: 'getStaffingListCsv',
        summary: "R-STAFFING: the month's staffing list as CSV",
        access: { permission: 'report.staffing' },
        responses: { 200: { description: 'One case per row', contentType: 'text/csv' } },
      },
      async ({ req, actor, params }) => {
        const { month, data } = await load(params.month);
        const file = csvFile(
          `lead-staffing-list-${month}.csv`,
          staffingListCsv(await staffingList(req, actor, month, data)),
        );
        return { status: 200, file };
      },
    ),
    route(
      {
        ...monthContract,
        path: '/reports/:month/client-report.csv',
        operationId: 'getClientReportCsv',
        summary: "R-STAFFING: the month's client-level report as CSV, with no names",
        access: { permission: 'report.clients' },
        responses: { 200: { description: 'One participant per row', contentType: 'text/csv' } },
      },
      async ({ req, actor, params }) => {
        const { month, data } = await load(params.month);
        const full = clientReportLevel(actor.role, null) === 'FULL';
        const file = csvFile(
          `lead-client-report-${month}.csv`,
          clientReportCsv(await clientRows(req, actor, data), full),
        );
        return { status: 200, file };
      },
    ),
  ];
}
