import { Router } from 'express';
import type { LeadConfig } from '../../config/config-schema';
import type { PrismaClient } from '../../generated/prisma/client';
import { arrestDiversionSchema } from '../../referrals/referral-schema';
import { submitArrestDiversion } from '../../referrals/submit-arrest-diversion';
import type { CaseView } from '../../shared/case-model';
import type { CaseWorkflows } from '../../temporal/case-workflows';
import { validationError } from '../http-error';
import { requirePermission } from '../identity';

/** What the officer is told after submitting (the form shows it). */
function nextSteps(view: CaseView | undefined): string[] {
  if (!view) return ['The case is starting; open it in a moment to see its deadlines.'];
  const intake = view.deadlines.find((d) => d.ruleId === 'R-INTAKE');
  return [
    'The on-call case management team has been called to screen the person now (R-CALL, R-SCREEN).',
    `The prosecutor's office ${view.prosecutorOffice} receives the diversion packet (R-PACKET, R-JURISDICTION).`,
    `The person must not return to the scene before ${view.deadlines.find((d) => d.ruleId === 'R-SCENE')?.dueAt} (R-SCENE).`,
    ...(intake ? [`Intake and consent must be complete by ${intake.dueAt} (R-INTAKE, R-CONSENT).`] : []),
    ...(view.victimCrime ? ['The victim may object to the prosecutor within one week (R-VICTIM).'] : []),
  ];
}

export function referralRoutes(deps: { db: PrismaClient; cases: CaseWorkflows; config: LeadConfig }): Router {
  const router = Router();
  const schema = arrestDiversionSchema(deps.config);

  router.post('/referrals/arrest-diversions', async (req, res) => {
    const actor = requirePermission(req, 'referral.create');
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const result = await submitArrestDiversion(deps, parsed.data, actor);
    res.status(result.created ? 201 : 200).json({
      caseId: result.caseId,
      created: result.created,
      case: result.view ?? null,
      nextSteps: nextSteps(result.view),
    });
  });

  return router;
}
