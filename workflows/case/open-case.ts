import type { ArrestDiversionInput, CasePolicy, CaseState, SocialContactInput } from '../../src/shared/case-model';
import { SYSTEM_ACTOR } from '../../src/shared/roles';
import type { NewCaseEvent } from './case-events';

const at = (ms: number) => new Date(ms).toISOString();

function blankCase(fields: Pick<CaseState, 'referralId' | 'type' | 'agency' | 'stage' | 'referredAt'> & { policy: CasePolicy }): CaseState {
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
    servicesDelivered: [],
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
 * scene window, and case management is called only if the override is approved.
 */
export function openArrestDiversion(input: ArrestDiversionInput, startedAt: number): { state: CaseState; first: NewCaseEvent } {
  const referred = input.referredAt ? Date.parse(input.referredAt) : startedAt;
  const { policy } = input;
  const override = input.overrideRequest;
  const state: CaseState = {
    ...blankCase({ referralId: input.referralId, type: 'ARREST_DIVERSION', agency: input.agency, policy, referredAt: at(referred), stage: override ? 'OVERRIDE_REQUESTED' : 'AWAITING_SCREENING' }),
    prosecutorOffice: input.prosecutorOffice,
    offenseLevel: input.offenseLevel,
    victimCrime: input.victimCrime,
    screeningDueAt: override ? undefined : at(referred + policy.screeningOverdueAfterMs),
    intakeDueAt: at(referred + policy.intakeDeadlineMs),
    sceneWindowEndsAt: override ? undefined : at(referred + policy.sceneWindowMs),
    victimObjectionDueAt: input.victimCrime ? at(referred + policy.victimObjectionWindowMs) : undefined,
    override: override ? { reason: override.reason, ruleIds: override.ruleIds } : undefined,
  };
  const first: NewCaseEvent = {
    type: override ? 'OVERRIDE_REQUESTED' : 'REFERRAL_RECEIVED',
    ruleId: override ? 'R-EL-OVERRIDE' : 'R-CALL',
    at: at(startedAt),
    actor: SYSTEM_ACTOR,
    data: { referredAt: state.referredAt, intakeDueAt: state.intakeDueAt, prosecutorOffice: state.prosecutorOffice, ...(override ? { ruleIds: override.ruleIds, reason: override.reason } : {}) },
  };
  return { state, first };
}

/** A new social contact awaiting a sergeant's approval (R-SC-APPROVAL); the PDA is told (R-SC-PDA). */
export function openSocialContact(input: SocialContactInput, startedAt: number): { state: CaseState; first: NewCaseEvent } {
  const referred = input.referredAt ? Date.parse(input.referredAt) : startedAt;
  const state: CaseState = {
    ...blankCase({ referralId: input.referralId, type: 'SOCIAL_CONTACT', agency: input.agency, policy: input.policy, referredAt: at(referred), stage: 'AWAITING_APPROVAL' }),
    source: input.source,
    linkedFrom: input.linkedFrom,
    approvalDueAt: at(referred + input.policy.approvalOverdueAfterMs),
  };
  const first: NewCaseEvent = {
    type: 'SOCIAL_CONTACT_REFERRED',
    ruleId: 'R-SC-SOURCE',
    at: at(startedAt),
    actor: SYSTEM_ACTOR,
    data: { source: input.source, ...(input.linkedFrom ? { linkedFrom: input.linkedFrom } : {}) },
  };
  return { state, first };
}
