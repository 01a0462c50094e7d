import { Router, type Request } from 'express';
import type { PrismaClient } from '../../generated/prisma/client';
import type { MonthlyReportData } from '../../reports/monthly-report';
import { clientReportCsv, staffingListCsv } from '../../reports/report-csv';
import { REPORT_MONTH } from '../../reports/report-month';
import { allows } from '../../shared/permissions';
import { requirePermission } from '../authentication';
import { HttpError } from '../http-error';

/** R-STAFFING: the monthly reports the schedule produced, as figures, lists and CSV downloads. */
export function reportRoutes(deps: { db: PrismaClient }): Router {
  const router = Router();

  const load = async (req: Request) => {
    const month = String(req.params.month);
    if (!REPORT_MONTH.test(month)) {
      throw new HttpError(400, 'VALIDATION_FAILED', `month: expected YYYY-MM, got "${month.slice(0, 20)}" (R-STAFFING)`, { fields: [{ field: 'month', message: 'expected YYYY-MM' }] });
    }
    const row = await deps.db.monthlyReport.findUnique({ where: { month } });
    if (!row) throw new HttpError(404, 'NOT_FOUND', `No report for ${month} yet: the schedule produces it on the first of the next month (R-STAFFING)`);
    return { month, generatedAt: row.generatedAt.toISOString(), data: row.data as unknown as MonthlyReportData };
  };

  router.get('/reports', async (req, res) => {
    requirePermission(req, 'report.staffing');
    const rows = await deps.db.monthlyReport.findMany({ select: { month: true, generatedAt: true }, orderBy: { month: 'desc' }, take: 120 });
    res.json({ reports: rows.map((r) => ({ month: r.month, generatedAt: r.generatedAt.toISOString() })) });
  });

  router.get('/reports/:month', async (req, res) => {
    const actor = requirePermission(req, 'report.staffing');
    const { month, generatedAt, data } = await load(req);
    res.json({
      month,
      generatedAt,
      program: data.program,
      figures: data.figures,
      staffingList: data.staffingList,
      ...(allows(actor.role, 'report.clients') ? { clientRows: data.clientRows } : {}),
    });
  });

  const download = (res: import('express').Response, file: string, body: string) =>
    res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${file}"`).send(body);

  router.get('/reports/:month/staffing-list.csv', async (req, res) => {
    requirePermission(req, 'report.staffing');
    const { month, data } = await load(req);
    download(res, `lead-staffing-list-${month}.csv`, staffingListCsv(data.staffingList));
  });

  router.get('/reports/:month/client-report.csv', async (req, res) => {
    requirePermission(req, 'report.clients');
    const { month, data } = await load(req);
    download(res, `lead-client-report-${month}.csv`, clientReportCsv(data.clientRows));
  });

  return router;
}
