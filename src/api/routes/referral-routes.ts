import { Router, type Request } from 'express';
import type { LeadConfig } from '../../config/config-schema';
import { placesOf } from '../../config/load-config';
import type { PrismaClient } from '../../generated/prisma/client';
import { arrestDiversionSchema } from '../../referrals/referral-schema';
import { socialContactSchema } from '../../referrals/social-contact-schema';
import { assessArrestDiversion, submitArrestDiversion } from '../../referrals/submit-arrest-diversion';
import { submitSocialContact } from '../../referrals/submit-social-contact';
import type { CaseWorkflows } from '../../temporal/case-workflows';
import { capacityFor, mayLookUpPriorReferrals, priorReferralEntry, type CaseStatus } from '../../disclosure';
import { findPriorReferrals, type PriorReferral } from '../../referrals/prior-referrals';
import { validationError } from '../http-error';
import { requirePermission, type RequestActor } from '../authentication';
import { recordDisclosure, submittedCaseStatus } from '../case-reads';

const dueOf = (view: CaseStatus, ruleId: string) => view.deadlines.find((d) => d.ruleId === ruleId)?.dueAt;

/** What the referrer is told after submitting (the form shows it). */
export function nextSteps(view: CaseStatus | null): string[] {
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

  /**
   * R-EL-PRIOR: the person's earlier referrals, for the submitting agency's officers and sergeants only
   * (null for anyone else); each one shown is recorded as a disclosure of its referral record.
   */
  async function priorReferralsShown(
    req: Request,
    actor: RequestActor,
    body: { agency: string; submissionId: string; person: Parameters<typeof findPriorReferrals>[1] },
  ): Promise<PriorReferral[] | null> {
    if (!mayLookUpPriorReferrals(actor, body.agency)) return null;
    const found = await findPriorReferrals(deps.db, body.person, body.submissionId);
    for (const prior of found) recordDisclosure(req, priorReferralEntry(prior));
    return found.map(({ caseId, type, stage, referredAt }) => ({ caseId, type, stage, referredAt }));
  }

  router.post('/referrals/arrest-diversions/eligibility', async (req, res) => {
    const actor = requirePermission(req, 'referral.create');
    const parsed = arrest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const { eligibility } = await assessArrestDiversion(deps, parsed.data);
    res.json({ eligibility, priorReferrals: await priorReferralsShown(req, actor, parsed.data) });
  });

  router.post('/referrals/arrest-diversions', async (req, res) => {
    const actor = requirePermission(req, 'referral.create');
    const parsed = arrest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const priorReferrals = await priorReferralsShown(req, actor, parsed.data);
    const result = await submitArrestDiversion(deps, parsed.data, actor, { priorReferrals });
    req.audit = { ...req.audit, caseId: result.caseId };
    const status = await submittedCaseStatus(deps.db, actor, result.caseId, result.view);
    res.status(result.created ? 201 : 200).json({
      caseId: result.caseId,
      created: result.created,
      case: status,
      eligibility: result.eligibility,
      priorReferrals,
      nextSteps: nextSteps(status),
    });
  });

  router.post('/referrals/social-contacts', async (req, res) => {
    const actor = requirePermission(req, 'referral.create');
    const parsed = social.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const priorReferrals = await priorReferralsShown(req, actor, parsed.data);
    const result = await submitSocialContact(deps, parsed.data, actor, { priorReferrals });
    req.audit = { ...req.audit, caseId: result.caseId };
    const status = await submittedCaseStatus(deps.db, actor, result.caseId, result.view);
    res.status(result.created ? 201 : 200).json({
      caseId: result.caseId,
      created: result.created,
      case: status,
      prerequisites: result.prerequisites,
      priorReferrals,
      nextSteps: nextSteps(status),
    });
  });

  /** R-SC-CAPACITY: places, used and free — which cases hold them only for the program's own readers. */
  router.get('/capacity', async (req, res) => {
    const actor = requirePermission(req, 'capacity.read');
    const view = await deps.cases.capacity();
    const places = placesOf(deps.config);
    res.json(capacityFor(actor.role, view ?? { places, participants: [], reserved: [], waiting: [], free: places }));
  });

  return router;
}
