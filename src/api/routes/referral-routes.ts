import { Router } from 'express';
import type { LeadConfig } from '../../config/config-schema';
import type { PrismaClient } from '../../generated/prisma/client';
import { arrestDiversionSchema } from '../../referrals/referral-schema';
import { socialContactSchema } from '../../referrals/social-contact-schema';
import { assessArrestDiversion, submitArrestDiversion } from '../../referrals/submit-arrest-diversion';
import { submitSocialContact } from '../../referrals/submit-social-contact';
import type { CaseView } from '../../shared/case-model';
import type { CaseWorkflows } from '../../temporal/case-workflows';
import { validationError } from '../http-error';
import { requirePermission } from '../authentication';

const dueOf = (view: CaseView, ruleId: string) => view.deadlines.find((d) => d.ruleId === ruleId)?.dueAt;

/** What the referrer is told after submitting (the form shows it). */
export function nextSteps(view: CaseView | undefined): string[] {
  if (!view) return ['The case is starting; open it in a moment to see its deadlines.'];
  if (view.type === 'SOCIAL_CONTACT') {
    return [
      `A LEAD-trained sergeant approves or denies the referral; unreviewed by ${dueOf(view, 'R-SC-APPROVAL')} it is flagged (R-SC-APPROVAL).`,
      'The LEAD project manager has been told (R-SC-PDA).',
      'Once approved, the person is taken on as capacity allows and then found and offered case management (R-SC-CAPACITY, R-SC-CONTACT).',
    ];
  }
  if (view.stage === 'OVERRIDE_REQUESTED') {
    return [
      'The person was found ineligible and is booked; the sergeant has been asked to decide on an override (R-EL-OVERRIDE).',
      `If the sergeant approves, case management is called and intake is due by ${dueOf(view, 'R-INTAKE')} (R-INTAKE).`,
    ];
  }
  const intake = dueOf(view, 'R-INTAKE');
  return [
    'The on-call case management team has been called to screen the person now (R-CALL, R-SCREEN).',
    `The prosecutor's office ${view.prosecutorOffice} receives the diversion packet (R-PACKET, R-JURISDICTION).`,
    `The person must not return to the scene before ${dueOf(view, 'R-SCENE')} (R-SCENE).`,
    ...(intake ? [`Intake and consent must be complete by ${intake} (R-INTAKE, R-CONSENT).`] : []),
    ...(view.victimCrime ? ['The victim may object to the prosecutor within one week (R-VICTIM).'] : []),
  ];
}

export function referralRoutes(deps: { db: PrismaClient; cases: CaseWorkflows; config: LeadConfig }): Router {
  const router = Router();
  const arrest = arrestDiversionSchema(deps.config);
  const social = socialContactSchema(deps.config);

  router.post('/referrals/arrest-diversions/eligibility', async (req, res) => {
    requirePermission(req, 'referral.create');
    const parsed = arrest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    res.json(await assessArrestDiversion(deps, parsed.data));
  });

  router.post('/referrals/arrest-diversions', async (req, res) => {
    const actor = requirePermission(req, 'referral.create');
    const parsed = arrest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const result = await submitArrestDiversion(deps, parsed.data, actor);
    req.audit = { ...req.audit, caseId: result.caseId };
    res.status(result.created ? 201 : 200).json({
      caseId: result.caseId,
      created: result.created,
      case: result.view ?? null,
      eligibility: result.eligibility,
      priorReferrals: result.priorReferrals,
      nextSteps: nextSteps(result.view),
    });
  });

  router.post('/referrals/social-contacts', async (req, res) => {
    const actor = requirePermission(req, 'referral.create');
    const parsed = social.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const result = await submitSocialContact(deps, parsed.data, actor);
    req.audit = { ...req.audit, caseId: result.caseId };
    res.status(result.created ? 201 : 200).json({
      caseId: result.caseId,
      created: result.created,
      case: result.view ?? null,
      prerequisites: result.prerequisites,
      priorReferrals: result.priorReferrals,
      nextSteps: nextSteps(result.view),
    });
  });

  router.get('/capacity', async (req, res) => {
    requirePermission(req, 'capacity.read');
    const view = await deps.cases.capacity();
    res.json(view ?? { places: null, participants: [], reserved: [], waiting: [], free: null });
  });

  return router;
}
