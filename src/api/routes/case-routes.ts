import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { LeadConfig } from '../../config/config-schema';
import { disclosePacket, discloseCase } from '../../disclosure';
import type { PrismaClient } from '../../generated/prisma/client';
import { rescindRelease } from '../../referrals/releases';
import { monthOf } from '../../reports/report-month';
import { disclosuresCsv } from '../../reports/report-csv';
import { CASE_ACTION_NAMES, caseActionSchemas, type CaseActionName } from '../../shared/case-actions';
import { isTerminal, type CaseView, type Stage } from '../../shared/case-model';
import { CaseActionRejectedError, CaseNotRunningError, type CaseWorkflows } from '../../temporal/case-workflows';
import { requirePermission, type RequestActor } from '../authentication';
import { CASE_ACTION_PATHS, STAFFING_NOMINATIONS_PATH } from '../case-action-routes';
import { offeredActions } from '../offered-actions';
import { disclosedOr404, factsOf, referralFor, viewOfCase, type ReadableReferral } from '../case-reads';
import { HttpError, validationError } from '../http-error';
import { csvDownload } from '../csv-download';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

const nominationSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(3)
    .max(500)
    .describe('Briefly, why the partners should discuss this person (R-STAFFING)'),
});

/**
 * An Idempotency-Key counts once per person who sent it: the update id is derived from the action, the
 * caller and the key, so another person reusing a key never receives the first person's result.
 */
const updateIdOf = (action: CaseActionName, actorId: string, key: string) =>
  `${action}:${createHash('sha256').update(`${actorId}\n${key}`).digest('base64url').slice(0, 32)}`;

export function caseRoutes(deps: { db: PrismaClient; cases: CaseWorkflows; config: LeadConfig }): Router {
  const router = Router();
  const { db, cases, config } = deps;
  router.param('caseId', (req, _res, next, id: string) => {
    req.audit = { ...req.audit, caseId: id };
    next();
  });

  /** Answers with the case as the policy lets this reader see it (R-ROI), recording the disclosure. */
  /** The case as this reader may see it (R-ROI), with the actions their role may take on it now. */
  async function answer(req: Request, actor: RequestActor, referral: ReadableReferral, view: CaseView) {
    const disclosed = disclosedOr404(req, referral.id, discloseCase(actor, await factsOf(db, referral, view)));
    return { ...disclosed, actions: offeredActions(actor.role, view) };
  }

  router.get('/cases/:caseId', async (req, res) => {
    const actor = requirePermission(req, 'case.read');
    const referral = await referralFor(db, actor, req.params.caseId);
    res.json(await answer(req, actor, referral, await viewOfCase(deps, referral.id)));
  });

  /** R-PACKET: the diversion packet — the referral record for the office(s) with jurisdiction and the other readers of it. */
  router.get('/cases/:caseId/packet', async (req, res) => {
    const actor = requirePermission(req, 'case.read');
    const referral = await referralFor(db, actor, req.params.caseId);
    const facts = await factsOf(db, referral, await viewOfCase(deps, referral.id));
    res.json(disclosedOr404(req, referral.id, disclosePacket(actor, facts)));
  });

  /** The case's audit trail (supervisors only): every request that touched it, oldest first. */
  router.get('/cases/:caseId/audit', async (req, res) => {
    const actor = requirePermission(req, 'audit.read');
    const referral = await referralFor(db, actor, req.params.caseId);
    const entries = await db.auditEntry.findMany({
      where: { caseId: referral.id },
      orderBy: { id: 'asc' },
      take: 5000,
    });
    res.json({
      caseId: referral.id,
      entries: entries.map((e) => ({
        at: e.at.toISOString(),
        requestId: e.requestId,
        clientRequestId: e.clientRequestId,
        actorId: e.actorId,
        actorRole: e.actorRole,
        action: e.action,
        method: e.method,
        path: e.path,
        status: e.status,
        outcome: e.outcome,
      })),
    });
  });

  /** R-DISCLOSE: the accounting of disclosures of the person of this case, over all their cases. */
  async function disclosuresOf(req: Request) {
    const actor = requirePermission(req, 'disclosures.read');
    const referral = await referralFor(db, actor, String(req.params.caseId));
    const rows = await db.disclosure.findMany({
      where: { personId: referral.personId },
      orderBy: { id: 'asc' },
      take: 10_000,
    });
    return {
      caseId: referral.id,
      disclosures: rows.map((d) => ({
        at: d.at.toISOString(),
        actorId: d.actorId,
        actorRole: d.actorRole,
        actorOffice: d.actorOffice,
        actorAgency: d.actorAgency,
        caseId: d.caseId,
        kinds: d.kinds,
        basis: d.basis,
        releaseId: d.releaseId,
        channel: d.channel,
        requestId: d.requestId,
      })),
    };
  }
  router.get('/cases/:caseId/disclosures', async (req, res) => {
    res.json(await disclosuresOf(req));
  });
  router.get('/cases/:caseId/disclosures.csv', async (req, res) => {
    const { caseId, disclosures } = await disclosuresOf(req);
    csvDownload(res, `lead-disclosures-${caseId}.csv`, disclosuresCsv(disclosures));
  });

  /** R-STAFFING: a partner nominates the person for this month's staffing meeting, saying why. */
  router.post(`/cases/:caseId/${STAFFING_NOMINATIONS_PATH}`, async (req, res) => {
    const actor = requirePermission(req, 'staffing.nominate');
    const parsed = nominationSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    const referral = await referralFor(db, actor, req.params.caseId);
    if (isTerminal(referral.stage as CaseView['stage'])) {
      throw new HttpError(
        409,
        'STAGE_CONFLICT',
        `Case ${referral.id} is closed (${referral.stage}): there is nothing left to staff (R-STAFFING)`,
        { ruleId: 'R-STAFFING', stage: referral.stage },
      );
    }
    const forMonth = monthOf(new Date(), config.program.timezone);
    const key = { referralId_forMonth_nominatedById: { referralId: referral.id, forMonth, nominatedById: actor.id } };
    const existing = await db.staffingNomination.findUnique({ where: key });
    const nomination =
      existing ??
      (await db.staffingNomination.upsert({
        where: key,
        create: {
          referralId: referral.id,
          forMonth,
          reason: parsed.data.reason,
          nominatedById: actor.id,
          nominatedByRole: actor.role,
          requestId: req.requestId!,
        },
        update: {},
      }));
    res.status(existing ? 200 : 201).json({
      caseId: referral.id,
      forMonth,
      nominatedBy: { id: nomination.nominatedById, role: nomination.nominatedByRole },
      reason: nomination.reason,
      at: nomination.at.toISOString(),
      created: !existing,
    });
  });

  for (const action of CASE_ACTION_NAMES) {
    router.post(`/cases/:caseId/${CASE_ACTION_PATHS[action]}`, async (req, res) => {
      const actor = requirePermission(req, `case.${action}`);
      const { referral, view } = await act(req, actor, action);
      res.json(await answer(req, actor, referral, view));
    });
  }

  async function act(
    req: Request,
    actor: RequestActor,
    action: CaseActionName,
  ): Promise<{ referral: ReadableReferral; view: CaseView }> {
    const parsed = caseActionSchemas[action].safeParse(req.body ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    const key = req.get('Idempotency-Key');
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new HttpError(400, 'VALIDATION_FAILED', 'Idempotency-Key: 1–100 letters, digits, or . _ : -', {
        fields: [{ field: 'Idempotency-Key', message: 'invalid' }],
      });
    }
    const referral = await referralFor(db, actor, req.params.caseId as string);
    try {
      await cases.act(
        referral.id,
        action,
        {
          caseId: referral.id,
          actor: { id: actor.id, role: actor.role },
          input: parsed.data as never,
          requestId: req.requestId,
        },
        key ? updateIdOf(action, actor.id, key) : undefined,
      );
      // R-CONSENT: a rescission ends what partners may read from the next read on, in lists too.
      if (action === 'rescindConsent')
        await rescindRelease(db, { referralId: referral.id, at: new Date(), byId: actor.id });
      // The case after the action, read with the query (an update's result stays compact in history).
      return { referral, view: await viewOfCase(deps, referral.id) };
    } catch (err) {
      if (err instanceof CaseActionRejectedError) {
        const { code, message, ruleId, stage, field } = err.rejection;
        if (code === 'INVALID_FIELD')
          throw new HttpError(400, 'VALIDATION_FAILED', message, {
            ruleId,
            fields: [{ field: field ?? '(body)', message }],
          });
        throw new HttpError(409, code, message, { ruleId, stage });
      }
      if (err instanceof CaseNotRunningError) {
        // Recorded but not closed: its workflow is not started yet (the reconciler starts it) or the
        // engine is still loading it after a restart. Nothing was applied; the same request may be resent.
        if (!isTerminal(referral.stage as Stage)) {
          throw new HttpError(
            503,
            'CASE_NOT_READY',
            `Case ${referral.id} cannot take actions at this moment; nothing was recorded — send the same request again shortly`,
            { stage: referral.stage },
          );
        }
        if (action === 'rescindConsent') return rescindAfterClosing(actor, referral);
        throw new HttpError(
          409,
          'STAGE_CONFLICT',
          `Case ${referral.id} is closed (${referral.stage}): no further actions are possible`,
          { stage: referral.stage },
        );
      }
      throw err;
    }
  }

  /** R-CONSENT: "consent may be rescinded at any time" — after the case closed too, ending what partners may read of it. */
  async function rescindAfterClosing(actor: RequestActor, referral: ReadableReferral) {
    if (!(await rescindRelease(db, { referralId: referral.id, at: new Date(), byId: actor.id }))) {
      throw new HttpError(
        409,
        'RULE_CONFLICT',
        `Case ${referral.id} is closed and has no release of information in force to rescind (R-CONSENT)`,
        { ruleId: 'R-CONSENT', stage: referral.stage },
      );
    }
    return { referral, view: await viewOfCase(deps, referral.id) };
  }

  return router;
}
