import { recordAndStart } from './record-and-start';
import { alertCaseManagersOf } from './coordination';
import { initialViewOf } from './initial-view';
import type { LeadConfig } from '../config/config-schema';
import { casePolicyOf } from '../config/load-config';
import type { EligibilityResult } from '../eligibility/eligibility';
import type { Database } from '../db/queries/database';
import { storedJson } from '../db/queries/referrals';
import { ReferralRefused } from './referral-refused';
import { requireOwnIdentity } from './submitter-identity';
import type { CaseView } from '../case/query-views';
import type { ArrestDiversionInput } from '../case/start-inputs';
import type { Actor, Submitter } from '../shared/roles';
import type { CaseWorkflows } from '../temporal/case-workflows';
import { caseIdFor } from './case-id';
import type { PriorReferral } from './prior-referrals';
import type { DiscloseParticipant } from './protective-orders';
import { arrestSubmittedRow, recordedArrestFacts } from './recorded-facts';
import { existingSubmission, submissionHashOf, type NewReferral } from './record-referral';
import { refuseIfBooked } from './booked-submission';
import { assessBeforeSubmission, assessWithOrders, jurisdictionOf } from './arrest-assessment';
import { checkReferredAt } from './referred-at';
import type { ArrestDiversionSubmission } from './referral-schema';
import { stage } from '../process/stage-clock';

export interface SubmissionResult {
  caseId: string;
  created: boolean;
  view?: CaseView;
  eligibility: EligibilityResult;
}

interface Deps {
  db: Database;
  cases: CaseWorkflows;
  config: LeadConfig;
}

const ineligible = (eligibility: EligibilityResult, priorReferrals: PriorReferral[] | null) =>
  new ReferralRefused(
    'INELIGIBLE',
    `Not eligible for diversion on this charge: ${eligibility.reasons.map((r) => r.message).join('; ')}. If the person is booked, you may ask the sergeant for an override (R-EL-OVERRIDE).`,
    { reasons: eligibility.reasons, eligibility, priorReferrals },
  );

/**
 * A new submission: the officer's own (Identity), then every check that needs nothing of today's
 * participants. The orders are checked only when their answer decides what happens to this submission:
 * a person already refused on other grounds is refused on those (R-EX-ORDER is checked once the referral
 * is recorded, after booking, with an override request); otherwise the referral is recorded, or refused
 * on R-EX-ORDER alone.
 */
async function assessNewSubmission(
  deps: Deps,
  body: ArrestDiversionSubmission,
  actor: Submitter,
  shown: { priorReferrals: PriorReferral[] | null; discloseParticipant: DiscloseParticipant },
) {
  requireOwnIdentity(actor, { agency: body.agency, officerField: 'officer.id', officerId: body.officer.id });
  await refuseIfBooked(deps.db, body.submissionId);
  checkReferredAt(deps.config, body.referredAt, Date.now());
  const before = assessBeforeSubmission(deps.config, body);
  if (!before.eligible && !body.overrideRequest) throw ineligible(before, shown.priorReferrals);
  // A submission that cannot be routed is refused before its orders reveal anything.
  jurisdictionOf(deps.config, body);
  const assessed = await assessWithOrders(deps, body, shown.discloseParticipant);
  if (!assessed.eligibility.eligible && !body.overrideRequest)
    throw ineligible(assessed.eligibility, shown.priorReferrals);
  if (assessed.eligibility.eligible && body.overrideRequest) {
    throw new ReferralRefused(
      'VALIDATION_FAILED',
      'overrideRequest: the person is eligible; no override is needed (R-EL-OVERRIDE)',
      { fields: [{ field: 'overrideRequest', message: 'not needed: the person is eligible' }] },
    );
  }
  return assessed;
}

/** A repeated submission is answered with the eligibility it was recorded with: nothing is checked again. */
function recordedAssessment(config: LeadConfig, body: ArrestDiversionSubmission, existing: { details: unknown }) {
  const recorded = (existing.details as { eligibility?: EligibilityResult }).eligibility;
  return { eligibility: recorded ?? assessBeforeSubmission(config, body), orderFindings: [] };
}

/**
 * Records an arrest-diversion referral and starts its workflow — idempotently: the submission id is
 * the business key, so resubmitting (or twenty concurrent copies) yields one referral row and one
 * workflow. An ineligible person is refused (422, every reason named) unless the officer booked them
 * and asks the sergeant for an override (R-EL-OVERRIDE); the case then waits for the sergeant.
 */
export async function submitArrestDiversion(
  deps: Deps,
  body: ArrestDiversionSubmission,
  actor: Submitter,
  shown: { priorReferrals: PriorReferral[] | null; acceptedAt?: Date; discloseParticipant: DiscloseParticipant },
): Promise<SubmissionResult> {
  const { db, config } = deps;
  const submissionHash = submissionHashOf(body);
  const caseId = caseIdFor(config.program.caseIdPrefix, body.submissionId);
  const existing = await stage('existing_submission', () => existingSubmission(db, body.submissionId, submissionHash));
  const { eligibility, orderFindings } = existing
    ? recordedAssessment(config, body, existing)
    : await stage('eligibility', () => assessNewSubmission(deps, body, actor, shown));

  const { input, offices } = workflowInputOf(config, caseId, body, eligibility, shown.acceptedAt ?? new Date(), actor);
  const routedToDocNci = input.docNciReview === true;
  const referral: NewReferral = {
    caseId,
    type: 'ARREST_DIVERSION',
    ...arrestSubmittedRow(body, submissionHash, actor),
    prosecutorOffice: input.prosecutorOffice,
    prosecutorOffices: offices,
    routedToDocNci,
    details: storedJson({
      ...recordedArrestFacts(body, { orderFindings, eligibility, offenseLevel: input.offenseLevel }, actor),
      victimCrime: input.victimCrime,
      // R-EL-NORIGHT: eligibility advised; the officer decided.
      decision: input.decision,
      routedToDocNci,
      overrideRequest: body.overrideRequest ?? null,
      // R-EL-PRIOR: the earlier referrals the officer was shown, linked from the referral record.
      priorReferrals: shown.priorReferrals ?? [],
      workflow: { type: 'arrestDiversion', input },
    }),
  };
  const { created, personId } = await recordAndStart(deps, referral, existing);
  // A repeated submission is answered with the case as it is now, read by the caller.
  await stage('coordination_alert', () => alertCaseManagersOf(deps, caseId, personId));
  const view = created
    ? stage('initial_view', () => initialViewOf({ type: 'arrestDiversion', input }, Date.now()))
    : undefined;
  return { caseId, created, view, eligibility };
}

/**
 * The workflow's start (its notices go to the office of the most serious offense) and every office
 * with jurisdiction over any of the offenses, each of which reads the case (R-JURISDICTION).
 */
function workflowInputOf(
  config: LeadConfig,
  caseId: string,
  body: ArrestDiversionSubmission,
  eligibility: EligibilityResult,
  acceptedAt: Date,
  actor: Actor,
): { input: ArrestDiversionInput; offices: string[] } {
  const { offenseLevel, office, offices } = jurisdictionOf(config, body);
  const nciOfficerSpecialist = actor.role === 'officer' && config.agencies[actor.agency ?? '']?.docNciTeam === true;
  const overrideRequest =
    body.overrideRequest && !eligibility.eligible
      ? { reason: body.overrideRequest.reason, ruleIds: eligibility.reasons.map((r) => r.ruleId) }
      : undefined;
  const input: ArrestDiversionInput = {
    referralId: caseId,
    agency: body.agency,
    prosecutorOffice: office,
    prosecutorOffices: offices,
    offenseLevel,
    victimCrime: eligibility.paths.victimConsultation,
    // R-INTAKE: the zone's offsets from the earliest moment a clock counts from.
    policy: casePolicyOf(config, body.referredAt ? new Date(body.referredAt) : acceptedAt),
    referredAt: body.referredAt ? new Date(body.referredAt).toISOString() : undefined,
    // Every clock counts from this moment, not from when a worker first runs the workflow.
    acceptedAt: acceptedAt.toISOString(),
    overrideRequest,
    // R-EL-WARRANT (Decision 2026-12-02): a DOC warrant or violation goes to the DOC NCI team first,
    // whatever else the referral carries (an override request waits for their referral) — unless a DOC
    // officer specialist referred the person: that is the NCI team's own decision.
    ...(eligibility.paths.docNciRouting
      ? nciOfficerSpecialist
        ? { nciDecidedBy: { id: actor.id, role: actor.role } }
        : { docNciReview: true }
      : {}),
    decision: {
      eligible: eligibility.eligible,
      ruleIds: eligibility.reasons.map((r) => r.ruleId),
      officerDecision: overrideRequest ? 'BOOK_AND_REQUEST_OVERRIDE' : 'DIVERT',
    },
  };
  return { input, offices };
}
