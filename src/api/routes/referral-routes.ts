import type { Request, RequestHandler } from 'express';
import type { LeadConfig } from '../../config/config-schema';
import { placesOf } from '../../config/load-config';
import type { Database } from '../../db/queries/database';
import { arrestDiversionSchema } from '../../referrals/referral-schema';
import { socialContactSchema } from '../../referrals/social-contact-schema';
import { assessBeforeSubmission } from '../../referrals/arrest-assessment';
import { submitArrestDiversion } from '../../referrals/submit-arrest-diversion';
import { submitSocialContact } from '../../referrals/submit-social-contact';
import type { CaseWorkflows } from '../../temporal/case-workflows';
import {
  capacityFor,
  mayLookUpPriorReferrals,
  priorReferralEntry,
  protectiveOrderEntry,
  type CaseStatus,
} from '../../disclosure';
import { findPriorReferrals, type PriorReferral } from '../../referrals/prior-referrals';
import type { RequestActor } from '../authentication';
import { errorBodySchema } from '../schemas/error-answer';
import { createdOrFound, route } from '../contract/route';
import {
  arrestDiversionAnswerSchema,
  capacitySchema,
  eligibilityAnswerSchema,
  socialContactAnswerSchema,
} from '../schemas/referral-answers';
import { recordDisclosure, submittedCaseStatus, viewOfCase } from '../case-reads';
import type { CaseView } from '../../case/query-views';
import { referralNextSteps } from '../../contract/plain-language';
import { stage } from '../../process/stage-clock';

/**
 * What the referrer is told after submitting (the form shows it), in words: times in the program's zone,
 * offices by name; a DOC warrant or violation tells them the NCI team was called, not case management.
 */
export function nextSteps(view: CaseStatus | null, config: LeadConfig, now = new Date()): string[] {
  return referralNextSteps(view, { timeZone: config.program.timezone, now, offices: config.offices });
}

const REFERRAL_TAG = 'Referrals';
const submissionErrors = {
  409: { description: 'submissionId reused with different content', schema: errorBodySchema },
  422: { description: 'Refused by the protocol; every rule is named (R-EL, R-EX, R-SC-…)', schema: errorBodySchema },
  429: {
    description:
      'Too many referrals (or referrals with protective orders, R-EX-ORDER) from this person in a short time',
    schema: errorBodySchema,
  },
};

/**
 * `submissionLimit`: the per-person rate limit on referrals; `orderCheckLimit`: on referrals whose
 * protective orders are checked against today's participants (R-EX-ORDER). Both run after the permission check.
 */
export function referralRoutes(
  deps: { db: Database; cases: CaseWorkflows; config: LeadConfig; clock?: () => Promise<number> },
  submissionLimit: RequestHandler,
  orderCheckLimit: RequestHandler,
) {
  const acceptedNow = async () => new Date(deps.clock ? await deps.clock() : Date.now());
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

  /**
   * The program status a submission answers with, of the case as just opened (built from its start
   * input: no query waits on the new workflow's first task) or — for a repeat — as it is now.
   */
  const statusAfter = (actor: RequestActor, result: { caseId: string; view?: CaseView }) =>
    stage('case_status', async () =>
      submittedCaseStatus(
        deps.db,
        actor,
        result.caseId,
        result.view ? { opened: result.view } : { view: await viewOfCase(deps, result.caseId).catch(() => undefined) },
      ),
    );

  return [
    route(
      {
        method: 'post',
        path: '/referrals/arrest-diversions/eligibility',
        operationId: 'checkArrestDiversion',
        tag: REFERRAL_TAG,
        summary:
          'Check eligibility (every reason, R-EL/R-EX; protective orders only once a referral is recorded, R-EX-ORDER) and prior referrals (R-EL-PRIOR); records nothing',
        access: { permission: 'referral.create' },
        body: arrest,
        responses: {
          200: { description: 'The eligibility and prior referrals', schema: eligibilityAnswerSchema },
          429: submissionErrors[429],
        },
      },
      async ({ req, actor, body }) => {
        const eligibility = assessBeforeSubmission(deps.config, body);
        return { status: 200, body: { eligibility, priorReferrals: await priorReferralsShown(req, actor, body) } };
      },
      [submissionLimit],
    ),
    route(
      {
        method: 'post',
        path: '/referrals/arrest-diversions',
        operationId: 'divertAtArrest',
        tag: REFERRAL_TAG,
        summary: 'Divert a person at arrest (idempotent on submissionId); the case workflow starts',
        access: { permission: 'referral.create' },
        reportsStages: true,
        body: arrest,
        responses: {
          201: { description: 'Recorded; the case workflow is running', schema: arrestDiversionAnswerSchema },
          200: {
            description: 'The same submission was already recorded: its case',
            schema: arrestDiversionAnswerSchema,
          },
          ...submissionErrors,
        },
      },
      async ({ req, actor, body }) => {
        const priorReferrals = await stage('prior_referrals', () => priorReferralsShown(req, actor, body));
        const result = await submitArrestDiversion(deps, body, actor, {
          priorReferrals,
          acceptedAt: await acceptedNow(),
          discloseParticipant: (p) => recordDisclosure(req, protectiveOrderEntry(p)),
        });
        req.audit = { ...req.audit, caseId: result.caseId };
        const status = await statusAfter(actor, result);
        return createdOrFound(result.created, {
          caseId: result.caseId,
          created: result.created,
          case: status,
          eligibility: result.eligibility,
          priorReferrals,
          nextSteps: stage('answer', () => nextSteps(status, deps.config)),
        });
      },
      [submissionLimit],
      [orderCheckLimit],
    ),
    route(
      {
        method: 'post',
        path: '/referrals/social-contacts',
        operationId: 'referSocialContact',
        tag: REFERRAL_TAG,
        summary: 'Refer a social contact before any arrest (idempotent on submissionId); the case workflow starts',
        access: { permission: 'referral.create' },
        reportsStages: true,
        body: social,
        responses: {
          201: { description: 'Recorded; the case workflow is running', schema: socialContactAnswerSchema },
          200: { description: 'The same submission was already recorded: its case', schema: socialContactAnswerSchema },
          ...submissionErrors,
        },
      },
      async ({ req, actor, body }) => {
        const priorReferrals = await stage('prior_referrals', () => priorReferralsShown(req, actor, body));
        const result = await submitSocialContact(deps, body, actor, {
          priorReferrals,
          acceptedAt: await acceptedNow(),
          discloseParticipant: (p) => recordDisclosure(req, protectiveOrderEntry(p)),
        });
        req.audit = { ...req.audit, caseId: result.caseId };
        const status = await statusAfter(actor, result);
        return createdOrFound(result.created, {
          caseId: result.caseId,
          created: result.created,
          case: status,
          prerequisites: result.prerequisites,
          priorReferrals,
          nextSteps: stage('answer', () => nextSteps(status, deps.config)),
        });
      },
      [submissionLimit],
      [orderCheckLimit],
    ),
    route(
      {
        method: 'get',
        path: '/capacity',
        operationId: 'getCapacity',
        tag: REFERRAL_TAG,
        summary: "R-SC-CAPACITY: places, used and free; which cases hold them only for the program's own readers",
        access: { permission: 'capacity.read' },
        responses: { 200: { description: 'The capacity', schema: capacitySchema } },
      },
      async ({ actor }) => {
        const view = await deps.cases.capacity(deps.config.program.caseIdPrefix);
        const places = placesOf(deps.config);
        return {
          status: 200,
          body: capacityFor(actor.role, view ?? { places, participants: [], reserved: [], waiting: [], free: places }),
        };
      },
    ),
  ];
}
