import type { ReferralOpenedData } from './case-event-data';
import type { CasePolicy } from './case-policy';
import type { CaseState } from './case-state';
import type { ArrestDiversionInput, SocialContactInput } from './start-inputs';
import { SYSTEM_ACTOR } from '../shared/roles';
import { addCalendarMonths } from './decision-helpers';
import type { NewCaseEvent } from './case-events';
import { intakeDeadlineFrom } from './intake-deadline';

const at = (ms: number) => new Date(ms).toISOString();

function blankCase(
  fields: Pick<CaseState, 'referralId' | 'type' | 'agency' | 'stage' | 'referredAt'> & { policy: CasePolicy },
): CaseState {
  return {
    ...fields,
    victimCrime: false,
    consent: { status: 'NONE' },
    intakeExtensions: [],
    sceneWindowEnded: false,
    victimObjectionWindowEnded: false,
    reassessmentDue: false,
    renewals: [],
    capacity: 'NONE',
    contactAttempts: 0,
    servicesWithdrawn: [],
    stuck: [],
    notices: [],
    events: [],
    seq: 0,
    projectedSeq: 0,
  };
}

/**
 * A new arrest diversion: every clock set from its policy and the referral time. An ineligible,
 * booked person (R-EL-OVERRIDE) waits for the sergeant; nobody is released at a scene, so there is no
 * scene window, and case management is called only if the override is approved. A person arrested
 * on a DOC warrant or violation (R-EL-WARRANT) waits for the DOC NCI team, and no clock runs until
 * they refer. An override's intake deadline runs from its acceptance (R-EL-OVERRIDE, Decision).
 */
export function openArrestDiversion(
  input: ArrestDiversionInput,
  startedAt: number,
): { state: CaseState; first: NewCaseEvent } {
  // Every clock counts from when the service accepted the referral (recorded by the API), never from
  // when a worker first ran it; a workflow started without it (the workflow tests) counts from the start.
  const accepted = input.acceptedAt ? Date.parse(input.acceptedAt) : startedAt;
  const referred = input.referredAt ? Date.parse(input.referredAt) : accepted;
  const { policy } = input;
  const override = input.overrideRequest;
  // R-EL-WARRANT (Decision 2026-12-02): NCI first, an override request included.
  const nci = input.docNciReview === true;
  const waiting = Boolean(override) || nci;

  const state: CaseState = {
    ...blankCase({
      referralId: input.referralId,
      type: 'ARREST_DIVERSION',
      agency: input.agency,
      policy,
      referredAt: at(referred),
      stage: nci ? 'AWAITING_NCI_DECISION' : override ? 'OVERRIDE_REQUESTED' : 'AWAITING_SCREENING',
    }),
    prosecutorOffice: input.prosecutorOffice,
    ...(input.prosecutorOffices ? { prosecutorOffices: input.prosecutorOffices } : {}),
    offenseLevel: input.offenseLevel,
    victimCrime: input.victimCrime,
    screeningDueAt: waiting ? undefined : at(referred + policy.screeningOverdueAfterMs),
    intakeDueAt: waiting ? undefined : intakeDeadlineFrom(referred, policy),
    sceneWindowEndsAt: waiting ? undefined : at(referred + policy.sceneWindowMs),
    victimObjectionDueAt: input.victimCrime && !nci ? at(referred + policy.victimObjectionWindowMs) : undefined,
    override: override ? { reason: override.reason, ruleIds: override.ruleIds } : undefined,
    ...(override && !nci ? { overrideDueAt: at(accepted + policy.overrideOverdueAfterMs) } : {}),
    ...(nci ? { nci: { dueAt: at(accepted + policy.nciDecisionOverdueAfterMs) } } : {}),
    ...(input.nciDecidedBy
      ? { nci: { dueAt: at(accepted), decision: 'REFERRED', decidedAt: at(accepted), by: input.nciDecidedBy } }
      : {}),
  };
  const data: ReferralOpenedData = {
    referredAt: state.referredAt,
    ...(state.intakeDueAt ? { intakeDueAt: state.intakeDueAt } : {}),
    prosecutorOffice: state.prosecutorOffice,
    ...(input.prosecutorOffices && input.prosecutorOffices.length > 1
      ? { prosecutorOffices: input.prosecutorOffices }
      : {}),
    ...(override ? { ruleIds: override.ruleIds, reason: override.reason } : {}),
    ...(input.nciDecidedBy ? { nciDecidedBy: input.nciDecidedBy.id } : {}),
    ...(input.decision
      ? {
          eligible: input.decision.eligible,
          eligibilityRuleIds: input.decision.ruleIds,
          officerDecision: input.decision.officerDecision,
        }
      : {}),
  };
  const opened = { at: at(startedAt), actor: SYSTEM_ACTOR, data };
  const first: NewCaseEvent = nci
    ? { type: 'NCI_REVIEW_REQUESTED', ruleId: 'R-EL-WARRANT', ...opened }
    : override
      ? { type: 'OVERRIDE_REQUESTED', ruleId: 'R-EL-OVERRIDE', ...opened }
      : { type: 'REFERRAL_RECEIVED', ruleId: 'R-CALL', ...opened };
  return { state, first };
}

/**
 * A new social contact awaiting a sergeant's approval (R-SC-APPROVAL); the PDA is told (R-SC-PDA).
 * Two other starts: one refused at submission (R-SC-PREREQ, R-EX-ORDER) is recorded closed so the PDA
 * knows every candidate; one continuing an arrest diversion handed off after a victim's objection
 * (R-VICTIM) opens approved where the person had got to — enrolled stays enrolled, with the same
 * consent, IIP and services, and no new screening, consent or intake.
 */
export function openSocialContact(
  input: SocialContactInput,
  startedAt: number,
): { state: CaseState; first: NewCaseEvent } {
  const accepted = input.acceptedAt ? Date.parse(input.acceptedAt) : startedAt;
  const referred = input.referredAt ? Date.parse(input.referredAt) : accepted;
  const base = blankCase({
    referralId: input.referralId,
    type: 'SOCIAL_CONTACT',
    agency: input.agency,
    policy: input.policy,
    referredAt: at(referred),
    stage: 'AWAITING_APPROVAL',
  });
  if (input.refusedAtSubmission) {
    const state: CaseState = { ...base, source: input.source, stage: 'REFUSED', outcome: 'REFUSED_AT_SUBMISSION' };
    return {
      state,
      first: {
        type: 'SOCIAL_CONTACT_REFUSED',
        ruleId: 'R-SC-PDA',
        at: at(startedAt),
        actor: SYSTEM_ACTOR,
        data: { source: input.source, ruleIds: input.refusedAtSubmission.ruleIds },
      },
    };
  }
  const carried = input.carriedOver;
  const state: CaseState = carried
    ? {
        ...base,
        source: input.source,
        linkedFrom: input.linkedFrom,
        stage: carried.stage,
        approval: {
          decision: 'APPROVED',
          at: at(startedAt),
          by: SYSTEM_ACTOR,
          reason: 'continues an arrest diversion handed off after a victim objection (R-VICTIM)',
        },
        ...(carried.stage === 'ENROLLED'
          ? {}
          : { approvalValidUntil: addCalendarMonths(at(startedAt), input.policy.approvalValidMonths) }),
        capacity: carried.stage === 'ENROLLED' ? 'PARTICIPANT' : 'GRANTED',
        screeningDueAt: carried.screeningDueAt,
        screenedAt: carried.screenedAt,
        intakeScheduledFor: carried.intakeScheduledFor,
        consent: carried.consent,
        intakeCompletedAt: carried.intakeCompletedAt,
        enrolledAt: carried.enrolledAt,
        iip: carried.iip,
        servicesWithdrawn: carried.servicesWithdrawn,
      }
    : {
        ...base,
        source: input.source,
        linkedFrom: input.linkedFrom,
        approvalDueAt: at(referred + input.policy.approvalOverdueAfterMs),
      };
  const first: NewCaseEvent = {
    type: 'SOCIAL_CONTACT_REFERRED',
    ruleId: 'R-SC-SOURCE',
    at: at(startedAt),
    actor: SYSTEM_ACTOR,
    data: {
      source: input.source,
      ...(input.linkedFrom ? { linkedFrom: input.linkedFrom } : {}),
      ...(carried ? { continuedAt: carried.stage } : {}),
    },
  };
  return { state, first };
}
