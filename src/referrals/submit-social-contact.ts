import { startRecordedWorkflow } from './reconcile-unstarted';
import { alertCaseManagersOf } from './coordination';
import { requireOwnIdentity } from './submitter-identity';
import { initialViewOf } from './initial-view';
import type { LeadConfig } from '../config/config-schema';
import { casePolicyOf } from '../config/load-config';
import { localDate } from '../eligibility/calendar-dates';
import { assessSocialContactPrerequisites } from '../eligibility/social-contact-prerequisites';
import type { PrismaClient } from '../generated/prisma/client';
import { ReferralRefused } from './referral-refused';
import type { CaseView, SocialContactInput } from '../shared/case-model';
import type { Submitter } from '../shared/roles';
import type { CaseWorkflows } from '../temporal/case-workflows';
import { caseIdFor } from './case-id';
import type { PriorReferral } from './prior-referrals';
import { ordersProtectingParticipants, recordedOrders } from './protective-orders';
import { existingSubmission, markWorkflowStarted, recordReferral, submissionHashOf } from './record-referral';
import type { SocialContactSubmission } from './social-contact-schema';
import { checkReferredAt } from './submit-arrest-diversion';

interface Deps {
  db: PrismaClient;
  cases: CaseWorkflows;
  config: LeadConfig;
}

export interface SocialContactResult {
  caseId: string;
  created: boolean;
  view?: CaseView;
  prerequisites: ReturnType<typeof assessSocialContactPrerequisites>;
}

/**
 * Records a social-contact referral and starts its workflow, idempotently on the submission id; the
 * case then waits for a sergeant's approval and the PDA is told (R-SC-PDA). R-SC-SOURCE is checked by
 * the form's schema. One refused by R-SC-PREREQ or R-EX-ORDER is answered 422 with every reason — and
 * still recorded, closed, with the PDA told, so that every candidate is known (R-SC-PDA, Decision).
 */
export async function submitSocialContact(
  deps: Deps,
  body: SocialContactSubmission,
  actor: Submitter,
  shown: { priorReferrals: PriorReferral[] | null; acceptedAt?: Date },
): Promise<SocialContactResult> {
  const { db, cases, config } = deps;
  const submissionHash = submissionHashOf(body);
  const caseId = caseIdFor(config.program.caseIdPrefix, body.submissionId);
  const now = new Date();
  const orderFindings = await ordersProtectingParticipants(db, body.protectiveOrders);
  const protectiveOrders = recordedOrders(body.protectiveOrders, orderFindings);
  const prerequisites = assessSocialContactPrerequisites({
    referralDate: localDate(body.referredAt ? new Date(body.referredAt) : now, config.program.timezone),
    violations: body.violations,
    catchmentAreas: Object.keys(config.socialContact.catchmentAreas),
    windowMonths: config.socialContact.violationWindowMonths,
    protectiveOrders,
  });
  const existing = await existingSubmission(db, body.submissionId, submissionHash);
  if (!existing) {
    requireOwnIdentity(actor, {
      agency: body.agency,
      ...(body.source.type === 'OFFICER'
        ? { officerField: 'source.referrerId', officerId: body.source.referrerId }
        : {}),
    });
    checkReferredAt(config, body.referredAt, now.getTime());
  }
  const refused = existing
    ? existing.stage === 'REFUSED' || (existing.details as { refused?: boolean }).refused === true
    : !prerequisites.eligible;
  const input: SocialContactInput = {
    referralId: caseId,
    agency: body.agency,
    source: body.source.type,
    policy: casePolicyOf(config),
    referredAt: body.referredAt ? new Date(body.referredAt).toISOString() : undefined,
    // Every clock counts from this moment, not from when a worker first runs the workflow.
    acceptedAt: (shown.acceptedAt ?? now).toISOString(),
    ...(refused ? { refusedAtSubmission: { ruleIds: prerequisites.reasons.map((r) => r.ruleId) } } : {}),
  };
  const created = await recordReferral(db, {
    caseId,
    type: 'SOCIAL_CONTACT',
    submissionId: body.submissionId,
    submissionHash,
    person: body.person,
    agency: body.agency,
    officerId: body.vouchedBy?.id ?? body.source.referrerId,
    submittedById: actor.id,
    details: JSON.parse(
      JSON.stringify({
        source: body.source,
        vouchedBy: body.vouchedBy ?? null,
        fromArrest: body.fromArrest ?? null,
        verification: body.verification,
        drivers: body.drivers,
        narrative: body.narrative ?? null,
        violations: body.violations,
        // R-EX-ORDER: the orders' types and findings — never whom they protect.
        protectiveOrders,
        prerequisites,
        refused,
        priorReferrals: shown.priorReferrals ?? [],
        submittedBy: { id: actor.id, role: actor.role },
        workflow: { type: 'socialContact', input },
      }),
    ),
  });
  if (created) {
    await cases.startSocialContact(input);
    await markWorkflowStarted(db, caseId);
  } else if (!existing?.workflowStartedAt) {
    // A resubmission of a referral whose start failed: start it as first recorded, clocks included.
    await startRecordedWorkflow(
      db,
      cases,
      await db.referral.findUniqueOrThrow({ where: { id: caseId }, select: { id: true, details: true } }),
    );
  }
  if (refused) {
    throw new ReferralRefused(
      'PREREQUISITES_NOT_MET',
      `Not a social-contact referral: ${prerequisites.reasons.map((r) => r.message).join('; ')}. Recorded as ${caseId}, closed: the project manager has been told (R-SC-PDA).`,
      {
        caseId,
        reasons: prerequisites.reasons,
        notes: prerequisites.notes,
        priorReferrals: shown.priorReferrals,
      },
    );
  }
  // A repeated submission is answered with the case as it is now, read by the caller.
  await alertCaseManagersOf(deps, caseId);
  const view = created ? initialViewOf({ type: 'socialContact', input }, Date.now()) : undefined;
  return { caseId, created, view, prerequisites };
}
