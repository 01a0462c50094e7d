import { startRecordedWorkflow } from './reconcile-unstarted';
import { alertCaseManagersOf } from './coordination';
import { initialViewOf } from './initial-view';
import type { LeadConfig } from '../config/config-schema';
import { casePolicyOf } from '../config/load-config';
import { assessEligibility, type EligibilityResult } from '../eligibility/eligibility';
import type { PrismaClient } from '../generated/prisma/client';
import { ReferralRefused } from './referral-refused';
import { requireOwnIdentity } from './submitter-identity';
import type { ArrestDiversionInput, CaseView, OffenseLevel } from '../shared/case-model';
import type { Actor, Submitter } from '../shared/roles';
import type { CaseWorkflows } from '../temporal/case-workflows';
import { caseIdFor } from './case-id';
import { eligibilityFactsOf } from './eligibility-facts';
import type { PriorReferral } from './prior-referrals';
import { checkProtectiveOrders, notingUncheckedOrders, type DiscloseParticipant } from './protective-orders';
import { recordedArrestFacts } from './recorded-facts';
import { mostSerious, routeToOffice } from './prosecutor-routing';
import { existingSubmission, markWorkflowStarted, recordReferral, submissionHashOf } from './record-referral';
import { refuseIfBooked } from '../evaluation/record-booking';
import type { ArrestDiversionSubmission } from './referral-schema';

export interface SubmissionResult {
  caseId: string;
  created: boolean;
  view?: CaseView;
  eligibility: EligibilityResult;
}

interface Deps {
  db: PrismaClient;
  cases: CaseWorkflows;
  config: LeadConfig;
}

const CLOCK_SKEW_MS = 5 * 60_000;

export function checkReferredAt(config: LeadConfig, referredAt: string | undefined, now: number): void {
  if (!referredAt) return;
  const at = Date.parse(referredAt);
  const field = (message: string) =>
    new ReferralRefused('VALIDATION_FAILED', `Invalid request body: referredAt: ${message}`, {
      fields: [{ field: 'referredAt', message }],
    });
  if (at > now + CLOCK_SKEW_MS) throw field('cannot be in the future');
  if (at < now - config.durations.maxReferralBackdate)
    throw field('is older than a referral may be sent late; give it to the sergeant instead (R-INTAKE)');
}

/**
 * What the officer sees before submitting: eligibility with every reason (R-EL-NORIGHT: advice). The
 * protective orders are not checked against the people enrolled today — only a referral being recorded
 * has them checked (R-EX-ORDER), so that no one can ask the service who is in LEAD.
 */
export function assessBeforeSubmission(
  config: LeadConfig,
  body: ArrestDiversionSubmission,
  now = new Date(),
): EligibilityResult {
  return notingUncheckedOrders(assessEligibility(eligibilityFactsOf(config, body, now)), body.protectiveOrders);
}

/** The eligibility of a submission being recorded, its orders checked against today's participants (R-EX-ORDER). */
export async function assessWithOrders(
  deps: Pick<Deps, 'db' | 'config'>,
  body: ArrestDiversionSubmission,
  disclose: DiscloseParticipant,
  now = new Date(),
): Promise<{ eligibility: EligibilityResult; orderFindings: boolean[] }> {
  const orderFindings = await checkProtectiveOrders(deps.db, body.protectiveOrders, disclose);
  return { eligibility: assessEligibility(eligibilityFactsOf(deps.config, body, now, orderFindings)), orderFindings };
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
  const { db, cases, config } = deps;
  const submissionHash = submissionHashOf(body);
  const caseId = caseIdFor(config.program.caseIdPrefix, body.submissionId);
  const existing = await existingSubmission(db, body.submissionId, submissionHash);
  const { eligibility, orderFindings } = existing
    ? recordedAssessment(config, body, existing)
    : await assessNewSubmission(deps, body, actor, shown);

  const { input, offices } = workflowInputOf(config, caseId, body, eligibility, shown.acceptedAt ?? new Date(), actor);
  const routedToDocNci = input.docNciReview === true;
  const created = await recordReferral(db, {
    caseId,
    type: 'ARREST_DIVERSION',
    submissionId: body.submissionId,
    submissionHash,
    person: body.person,
    agency: body.agency,
    officerId: body.officer.id,
    submittedById: actor.id,
    prosecutorOffice: input.prosecutorOffice,
    prosecutorOffices: offices,
    routedToDocNci,
    details: JSON.parse(
      JSON.stringify({
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
    ),
  });
  if (created) {
    await cases.startArrestDiversion(input);
    await markWorkflowStarted(db, caseId);
  } else if (!existing?.workflowStartedAt) {
    // A resubmission of a referral whose start failed: start it as first recorded, clocks included.
    await startRecordedWorkflow(
      db,
      cases,
      await db.referral.findUniqueOrThrow({ where: { id: caseId }, select: { id: true, details: true } }),
    );
  }
  // A repeated submission is answered with the case as it is now, read by the caller.
  await alertCaseManagersOf(deps, caseId);
  const view = created ? initialViewOf({ type: 'arrestDiversion', input }, Date.now()) : undefined;
  return { caseId, created, view, eligibility };
}

function officeFor(config: LeadConfig, body: ArrestDiversionSubmission, level: OffenseLevel): string {
  const office = routeToOffice(config, {
    level,
    agency: body.agency,
    withinCityLimits: body.incident.withinCityLimits,
  });
  if (!office) {
    throw new ReferralRefused(
      'NO_JURISDICTION',
      `No prosecutor office is configured for a ${level} referred by ${body.agency} ${body.incident.withinCityLimits ? 'inside' : 'outside'} city limits (R-JURISDICTION)`,
      {
        ruleId: 'R-JURISDICTION',
        fields: [{ field: 'incident.withinCityLimits', message: 'no routing rule matches' }],
      },
    );
  }
  return office;
}

/**
 * R-JURISDICTION: the most serious offense's level and office, and every office with jurisdiction over
 * any of the offenses.
 */
export function jurisdictionOf(config: LeadConfig, body: ArrestDiversionSubmission) {
  const levels: OffenseLevel[] = body.offenses.map((o) => o.level ?? config.offenses[o.code].defaultLevel);
  const offenseLevel = mostSerious(levels);
  const office = officeFor(config, body, offenseLevel);
  const offices = [...new Set([office, ...levels.map((level) => officeFor(config, body, level))])];
  return { offenseLevel, office, offices };
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
    policy: casePolicyOf(config),
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
