import { Router, type Request } from 'express';
import type { PrismaClient } from '../../generated/prisma/client';
import { CASE_ACTION_NAMES, caseActionSchemas, type CaseActionName } from '../../shared/case-actions';
import { CASE_ID_PATTERN } from '../../referrals/case-id';
import { CaseActionRejectedError, CaseNotRunningError, type CaseWorkflows } from '../../temporal/case-workflows';
import { CASE_ACTION_PATHS } from '../case-action-routes';
import { HttpError, validationError } from '../http-error';
import { requirePermission, type RequestActor } from '../authentication';
import { inScope } from '../case-scope';
import { caseFromDatabase } from '../case-from-database';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;
const PERSON_READERS: readonly string[] = ['officer', 'sergeant', 'case_manager', 'supervisor'];

export function caseRoutes(deps: { db: PrismaClient; cases: CaseWorkflows }): Router {
  const router = Router();
  const { db, cases } = deps;
  router.param('caseId', (req, _res, next, id: string) => {
    req.audit = { ...req.audit, caseId: id };
    next();
  });

  /** The case, if it exists and is in the person's scope; otherwise 404 either way (no probing). */
  async function referralOr404(caseId: string, actor: RequestActor) {
    const referral = CASE_ID_PATTERN.test(caseId) ? await db.referral.findUnique({ where: { id: caseId }, include: { person: true } }) : null;
    if (!referral || !inScope(actor, referral)) throw new HttpError(404, 'CASE_NOT_FOUND', `No case ${caseId}`);
    return referral;
  }

  router.get('/cases/:caseId', async (req, res) => {
    const actor = requirePermission(req, 'case.read');
    const referral = await referralOr404(req.params.caseId, actor);
    const view = await cases.view(referral.id).catch(async (err) => {
      if (err instanceof CaseNotRunningError) return caseFromDatabase(db, referral.id);
      throw err;
    });
    const { person, details } = referral;
    // R-ROI: prosecutors and the project manager work from the referral id, status, deadline and office.
    const seesPerson = PERSON_READERS.includes(actor.role);
    res.json({
      case: view,
      person: seesPerson ? { givenName: person.givenName, familyName: person.familyName, dateOfBirth: person.dateOfBirth.toISOString().slice(0, 10), stateId: person.stateId } : null,
      referral: { agency: referral.agency, officerId: referral.officerId, prosecutorOffice: referral.prosecutorOffice, linkedFromId: referral.linkedFromId, details: seesPerson ? details : null },
    });
  });

  /** The case's audit trail (supervisors only): every request that touched it, oldest first. */
  router.get('/cases/:caseId/audit', async (req, res) => {
    const actor = requirePermission(req, 'audit.read');
    const referral = await referralOr404(req.params.caseId, actor);
    const entries = await db.auditEntry.findMany({ where: { caseId: referral.id }, orderBy: { id: 'asc' }, take: 5000 });
    res.json({
      caseId: referral.id,
      entries: entries.map((e) => ({ at: e.at.toISOString(), requestId: e.requestId, actorId: e.actorId, actorRole: e.actorRole, action: e.action, method: e.method, path: e.path, status: e.status, outcome: e.outcome })),
    });
  });

  for (const action of CASE_ACTION_NAMES) {
    router.post(`/cases/:caseId/${CASE_ACTION_PATHS[action]}`, async (req, res) => {
      res.json({ case: await act(req, action) });
    });
  }

  async function act(req: Request, action: CaseActionName) {
    const actor = requirePermission(req, `case.${action}`);
    const parsed = caseActionSchemas[action].safeParse(req.body ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    const key = req.get('Idempotency-Key');
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new HttpError(400, 'VALIDATION_FAILED', 'Idempotency-Key: 1–100 letters, digits, or . _ : -', { fields: [{ field: 'Idempotency-Key', message: 'invalid' }] });
    }
    const referral = await referralOr404(req.params.caseId as string, actor);
    try {
      return await cases.act(referral.id, action, { actor: { id: actor.id, role: actor.role }, input: parsed.data as never, requestId: req.requestId }, key ? `${action}:${key}` : undefined);
    } catch (err) {
      if (err instanceof CaseActionRejectedError) {
        const { code, message, ruleId, stage, field } = err.rejection;
        if (code === 'INVALID_FIELD') throw new HttpError(400, 'VALIDATION_FAILED', message, { ruleId, fields: [{ field: field ?? '(body)', message }] });
        throw new HttpError(409, code, message, { ruleId, stage });
      }
      if (err instanceof CaseNotRunningError) {
        const closed = await db.referral.findUnique({ where: { id: referral.id } });
        throw new HttpError(409, 'STAGE_CONFLICT', `Case ${referral.id} is closed (${closed?.stage ?? 'unknown stage'}): no further actions are possible`, { stage: closed?.stage });
      }
      throw err;
    }
  }

  return router;
}
