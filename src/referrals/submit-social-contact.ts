import { recordAndStart } from './record-and-start';
import { alertCaseManagersOf } from './coordination';
import { requireOwnIdentity } from './submitter-identity';
import { initialViewOf } from './initial-view';
import type { LeadConfig } from '../config/config-schema';
import { casePolicyOf } from '../config/load-config';
import { localDate } from '../eligibility/calendar-dates';
import { assessSocialContactPrerequisites } from '../eligibility/social-contact-prerequisites';
import type { Database } from '../db/queries/database';
import { storedJson } from '../db/queries/referrals';
import { ReferralRefused } from './referral-refused';
import type { CaseView } from '../case/query-views';
import type { SocialContactInput } from '../case/start-inputs';
import type { Submitter } from '../shared/roles';
import type { CaseWorkflows } from '../temporal/case-workflows';
import { caseIdFor } from './case-id';
import type { PriorReferral } from './prior-referrals';
import { checkProtectiveOrders, recordedOrders, type DiscloseParticipant } from './protective-orders';
import { existingSubmission, submissionHashOf, type NewReferral } from './record-referral';
import type { SocialContactSubmission } from './social-contact-schema';
import { checkReferredAt } from './referred-at';
import { stage } from '../process/stage-clock';

interface Deps {
  db: Database;
  cases: CaseWorkflows;
  config: LeadConfig;
}

export interface SocialContactResult {
  caseId: string;
  created: boolean;
  view?: CaseView;
  prerequisites: ReturnType<typeof assessSocialContactPrerequisites>;
}

type Prerequisites = ReturnType<typeof assessSocialContactPrerequisites>;
type RecordedOrder = ReturnType<typeof recordedOrders>[number];

/**
 * A new submission: the officer's own (Identity) before its orders are checked against today's
 * participants (R-EX-ORDER) — a social contact is recorded even when refused, so every answer that
 * reveals a participant comes with a recorded referral (R-SC-PDA).
 */
async function assessNewSubmission(
  deps: Deps,
  body: SocialContactSubmission,
  actor: Submitter,
  at: { now: Date; disclose: DiscloseParticipant },
) {
  const { db, config } = deps;
  requireOwnIdentity(actor, {
    agency: body.agency,
    ...(body.source.type === 'OFFICER' ? { officerField: 'source.referrerId', officerId: body.source.referrerId } : {}),
  });
  checkReferredAt(config, body.referredAt, at.now.getTime());
  const findings = await stage('protective_orders', () =>
    checkProtectiveOrders(db, body.protectiveOrders, at.disclose),
  );
  return prerequisitesOf(config, body, recordedOrders(body.protectiveOrders, findings), at.now);
}

function prerequisitesOf(
  config: LeadConfig,
  body: SocialContactSubmission,
  protectiveOrders: RecordedOrder[],
  now: Date,
): { protectiveOrders: RecordedOrder[]; prerequisites: Prerequisites } {
  const prerequisites = assessSocialContactPrerequisites({
    referralDate: localDate(body.referredAt ? new Date(body.referredAt) : now, config.program.timezone),
    violations: body.violations,
    catchmentAreas: Object.keys(config.socialContact.catchmentAreas),
    windowMonths: config.socialContact.violationWindowMonths,
    protectiveOrders,
  });
  return { protectiveOrders, prerequisites };
}

/** A repeated submission is answered with what it was recorded with: its orders are not checked again. */
function recordedPrerequisites(config: LeadConfig, body: SocialContactSubmission, existing: { details: unknown }) {
  const details = existing.details as { protectiveOrders?: RecordedOrder[]; prerequisites?: Prerequisites };
  if (details.protectiveOrders && details.prerequisites)
    return { protectiveOrders: details.protectiveOrders, prerequisites: details.prerequisites };
  return prerequisitesOf(config, body, recordedOrders(body.protectiveOrders, []), new Date());
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
  shown: { priorReferrals: PriorReferral[] | null; acceptedAt?: Date; discloseParticipant: DiscloseParticipant },
): Promise<SocialContactResult> {
  const { db, config } = deps;
  const submissionHash = submissionHashOf(body);
  const caseId = caseIdFor(config.program.caseIdPrefix, body.submissionId);
  const now = new Date();
  const existing = await stage('existing_submission', () => existingSubmission(db, body.submissionId, submissionHash));
  const { protectiveOrders, prerequisites } = existing
    ? recordedPrerequisites(config, body, existing)
    : await stage('eligibility', () =>
        assessNewSubmission(deps, body, actor, { now, disclose: shown.discloseParticipant }),
      );
  const refused = existing
    ? existing.stage === 'REFUSED' || (existing.details as { refused?: boolean }).refused === true
    : !prerequisites.eligible;
  const input: SocialContactInput = {
    referralId: caseId,
    agency: body.agency,
    source: body.source.type,
    // R-INTAKE: the zone's offsets from the earliest moment a clock counts from.
    policy: casePolicyOf(config, body.referredAt ? new Date(body.referredAt) : (shown.acceptedAt ?? now)),
    referredAt: body.referredAt ? new Date(body.referredAt).toISOString() : undefined,
    // Every clock counts from this moment, not from when a worker first runs the workflow.
    acceptedAt: (shown.acceptedAt ?? now).toISOString(),
    ...(refused ? { refusedAtSubmission: { ruleIds: prerequisites.reasons.map((r) => r.ruleId) } } : {}),
  };
  const referral: NewReferral = {
    caseId,
    type: 'SOCIAL_CONTACT',
    submissionId: body.submissionId,
    submissionHash,
    person: body.person,
    agency: body.agency,
    officerId: body.vouchedBy?.id ?? body.source.referrerId,
    submittedById: actor.id,
    details: storedJson({
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
  };
  const { created, personId } = await recordAndStart(deps, referral, existing);
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
  await stage('coordination_alert', () => alertCaseManagersOf(deps, caseId, personId));
  const view = created
    ? stage('initial_view', () => initialViewOf({ type: 'socialContact', input }, Date.now()))
    : undefined;
  return { caseId, created, view, prerequisites };
}
