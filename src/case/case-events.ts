import type { CaseEvent } from './case-event-types';
import type { CaseState, StuckReason } from './case-state';
import { isTerminal, NO_COVERAGE } from '../shared/case-vocabulary';
import { isMissedIntakeNoticeToProsecutor } from './effects';
import { officesOwingVictimDecision } from './filing';
import { sameService, withdrawalOf } from './services-record';

type WithoutSeq<E> = E extends unknown ? Omit<E, 'seq'> : never;
/** A case event before it is numbered by the runtime (one member per kind of event). */
export type NewCaseEvent = WithoutSeq<CaseEvent>;

function clearStuck(state: CaseState, reason: StuckReason): void {
  state.stuck = state.stuck.filter((flag) => flag.reason !== reason);
}

/**
 * Numbers events after the case's last and applies each in order; `then` sees each numbered event as
 * soon as it is applied (its notices and steps are owed from the state it leaves). The workflow's
 * runtime, the submission's initial view and the tests all commit events through here.
 */
export function applyEvents(state: CaseState, events: NewCaseEvent[], then?: (event: CaseEvent) => void): void {
  for (const fresh of events) {
    const event = { ...fresh, seq: state.seq + 1 }; // a NewCaseEvent numbered is its CaseEvent
    state.seq = event.seq;
    state.events.push(event);
    evolve(state, event);
    then?.(event);
  }
}

/** Applies one event to the state: the only place a case's state changes. */
export function evolve(state: CaseState, event: CaseEvent): void {
  switch (event.type) {
    case 'REFERRAL_RECEIVED':
    case 'RETURN_TO_SCENE_REPORTED':
    case 'OVERRIDE_REQUESTED':
    case 'SOCIAL_CONTACT_REFERRED':
    case 'NCI_REVIEW_REQUESTED':
    case 'SOCIAL_CONTACT_REFUSED':
      break;
    case 'OVERRIDE_OVERDUE':
      state.stuck.push({ reason: 'OVERRIDE_OVERDUE', ruleId: 'R-EL-OVERRIDE', since: event.at });
      break;
    case 'OVERRIDE_APPROVED':
      state.override = {
        ...state.override!,
        decision: 'APPROVED',
        decidedAt: event.at,
        by: event.actor,
        decisionReason: event.data.reason,
      };
      // R-EL-OVERRIDE (Decision): an accepted override's intake deadline counts from the acceptance.
      state.intakeDueAt = event.data.intakeDueAt;
      callCaseManagement(state, event.at);
      clearStuck(state, 'OVERRIDE_OVERDUE');
      break;
    case 'OVERRIDE_DENIED':
      state.override = {
        ...state.override!,
        decision: 'DENIED',
        decidedAt: event.at,
        by: event.actor,
        decisionReason: event.data.reason,
      };
      state.stage = 'DENIED';
      state.outcome = 'OVERRIDE_DENIED';
      clearStuck(state, 'OVERRIDE_OVERDUE');
      break;
    case 'NCI_DECISION_OVERDUE':
      state.stuck.push({ reason: 'NCI_DECISION_OVERDUE', ruleId: 'R-EL-WARRANT', since: event.at });
      break;
    case 'NCI_REFERRED':
      state.nci = {
        ...state.nci!,
        decision: 'REFERRED',
        decidedAt: event.at,
        by: event.actor,
        ...(event.data.onWordOf ? { onWordOf: event.data.onWordOf } : {}),
      };
      clearStuck(state, 'NCI_DECISION_OVERDUE');
      // R-EL-WARRANT (Decision 2026-12-02): NCI first — an override request is reviewed only now.
      if (event.data.victimObjectionDueAt) state.victimObjectionDueAt = event.data.victimObjectionDueAt;
      if (event.data.overrideDueAt !== undefined) {
        state.stage = 'OVERRIDE_REQUESTED';
        state.overrideDueAt = event.data.overrideDueAt;
        break;
      }
      // R-EL-WARRANT (Decision): the diversion proceeds, and its clocks start now.
      state.stage = 'AWAITING_SCREENING';
      state.screeningDueAt = event.data.screeningDueAt;
      state.intakeDueAt = event.data.intakeDueAt;
      state.sceneWindowEndsAt = event.data.sceneWindowEndsAt;
      break;
    case 'NCI_DECLINED':
      state.nci = {
        ...state.nci!,
        decision: 'DECLINED',
        decidedAt: event.at,
        by: event.actor,
        ...(event.data.onWordOf ? { onWordOf: event.data.onWordOf } : {}),
      };
      state.stage = 'CLOSED';
      state.outcome = 'NCI_DECLINED';
      clearStuck(state, 'NCI_DECISION_OVERDUE');
      break;
    case 'APPROVAL_OVERDUE':
      state.stuck.push({ reason: 'APPROVAL_OVERDUE', ruleId: 'R-SC-APPROVAL', since: event.at });
      break;
    case 'SOCIAL_CONTACT_APPROVED':
      state.approval = {
        decision: 'APPROVED',
        at: event.at,
        by: event.actor,
        reason: event.data.reason,
      };
      state.approvalValidUntil = event.data.validUntil;
      state.stage = 'WAITING_FOR_CAPACITY';
      state.capacity = 'WAITING';
      clearStuck(state, 'APPROVAL_OVERDUE');
      break;
    case 'SOCIAL_CONTACT_DENIED':
      state.approval = { decision: 'DENIED', at: event.at, by: event.actor, reason: event.data.reason };
      state.stage = 'DENIED';
      state.outcome = 'APPROVAL_DENIED';
      clearStuck(state, 'APPROVAL_OVERDUE');
      break;
    case 'PLACE_GRANTED':
      state.capacity = 'GRANTED';
      if (state.stage === 'WAITING_FOR_CAPACITY') state.stage = 'AWAITING_CONTACT';
      break;
    case 'CONTACT_ATTEMPTED':
      state.contactAttempts += 1;
      break;
    case 'CONTACT_MADE':
      state.contactAttempts += 1;
      callCaseManagement(state, event.at);
      break;
    case 'REASSESSMENT_DUE':
      state.reassessmentDue = true;
      state.stuck.push({ reason: 'REASSESSMENT_DUE', ruleId: 'R-SC-REASSESS', since: event.at });
      break;
    case 'APPROVAL_RENEWED':
      state.reassessmentDue = false;
      state.approvalValidUntil = event.data.validUntil;
      state.renewals.push({
        at: event.at,
        by: event.actor,
        reason: event.data.reason,
        validUntil: event.data.validUntil,
      });
      clearStuck(state, 'REASSESSMENT_DUE');
      break;
    case 'IIP_RECORDED':
      state.iip = { goals: event.data.goals, at: event.at, by: event.actor };
      break;
    case 'SERVICE_WITHDRAWN':
      state.servicesWithdrawn.push(withdrawalOf(event));
      break;
    case 'SERVICE_REINSTATED': {
      // Offered again: no longer in force. The whole record is the events' (servicesRecord).
      const withdrawn = state.servicesWithdrawn.find(
        (w) => !w.reinstatedAt && sameService(w.service, event.data.service),
      );
      state.servicesWithdrawn = state.servicesWithdrawn.filter((w) => w !== withdrawn);
      break;
    }
    case 'LINKED_SOCIAL_CONTACT_OPENED':
      state.handOff = { ...state.handOff!, socialContactReferralId: event.data.socialContactReferralId };
      break;
    case 'SCREENING_RECORDED':
      state.stage = 'AWAITING_INTAKE';
      state.screenedAt = event.at;
      state.intakeScheduledFor = event.data?.intakeScheduledFor;
      clearStuck(state, 'SCREENING_OVERDUE');
      break;
    case 'SCREENED_OUT':
      state.stage = 'SCREENED_OUT';
      state.screenedAt = event.at;
      state.screenedOut = { reason: event.data.reason, at: event.at, by: event.actor };
      clearStuck(state, 'SCREENING_OVERDUE');
      break;
    case 'PACKET_REVIEWED':
      state.packetReviews = [
        ...(state.packetReviews ?? []),
        {
          office: event.data.office,
          outcome: event.data.outcome,
          ...(event.data.criterion ? { criterion: event.data.criterion } : {}),
          ...(event.data.note ? { note: event.data.note } : {}),
          at: event.at,
          by: event.actor,
        },
      ];
      break;
    case 'SCREENING_OVERDUE':
      state.stuck.push({ reason: 'SCREENING_OVERDUE', ruleId: 'R-SCREEN', since: event.at });
      break;
    case 'LEFT_BEFORE_SCREENING':
      state.stage = 'LEFT_BEFORE_SCREENING';
      clearStuck(state, 'SCREENING_OVERDUE');
      break;
    case 'CONSENT_GIVEN':
      state.consent = {
        status: 'GIVEN',
        method: event.data.method,
        ...(event.data.memorializedBy ? { memorializedBy: event.data.memorializedBy } : {}),
        covers: event.data.covers ?? NO_COVERAGE,
        at: event.at,
        by: event.actor,
        givenSeq: event.seq,
      };
      break;
    case 'RELEASE_AMENDED':
      state.consent = {
        ...state.consent,
        method: event.data.method,
        memorializedBy: event.data.memorializedBy,
        covers: event.data.covers,
        version: event.data.version,
        amendedAt: event.at,
        amendedBy: event.actor,
      };
      if (state.consent.memorializedBy === undefined) delete state.consent.memorializedBy;
      break;
    case 'CONSENT_RESCINDED':
      state.consent = { ...state.consent, status: 'RESCINDED', rescindedAt: event.at, rescindedBy: event.actor };
      break;
    case 'SERVICE_RECORDED':
      // The services delivered are the events' record (servicesRecord): no rule decides on them.
      break;
    case 'CASE_NOTE_RECORDED':
      break;
    case 'INTAKE_SCHEDULED':
      state.intakeScheduledFor = event.data.intakeScheduledFor;
      break;
    case 'INTAKE_COMPLETED':
      state.intakeCompletedAt = event.at;
      break;
    case 'ENROLLED':
      state.stage = 'ENROLLED';
      state.enrolledAt = event.at;
      state.capacity = 'PARTICIPANT';
      state.reassessmentDue = false;
      clearStuck(state, 'REASSESSMENT_DUE');
      break;
    case 'INTAKE_DEADLINE_EXTENDED':
      state.intakeExtensions.push({ ...event.data, by: event.actor, at: event.at });
      state.intakeDueAt = event.data.to;
      break;
    case 'INTAKE_DEADLINE_MISSED':
      state.stage = 'INTAKE_MISSED';
      state.intakeMissedAt = event.at;
      break;
    case 'MISSED_NOTICE_UNCONFIRMED':
      state.stuck.push({ reason: 'MISSED_NOTICE_UNCONFIRMED', ruleId: 'R-MISSED', since: event.at });
      break;
    case 'SCENE_WINDOW_ENDED':
      state.sceneWindowEnded = true;
      break;
    case 'VICTIM_OBJECTION_RECORDED':
      state.victimObjectionAt = event.at;
      state.victimFilingDueAt = event.data.decisionDueAt;
      break;
    case 'VICTIM_FILING_DECISION_OVERDUE':
      state.stuck.push({ reason: 'VICTIM_FILING_DECISION_OVERDUE', ruleId: 'R-VICTIM', since: event.at });
      break;
    case 'VICTIM_OBJECTION_WINDOW_ENDED':
      state.victimObjectionWindowEnded = true;
      break;
    case 'FILING_DECISION_RECORDED':
      state.filingDecision = { decision: event.data.decision, at: event.at, by: event.actor };
      if (event.data.office) {
        state.filingDecisions = [
          ...(state.filingDecisions ?? []),
          {
            office: event.data.office,
            decision: event.data.decision,
            at: event.at,
            by: event.actor,
            ruleId: event.ruleId,
            ...(event.data.reason ? { reason: event.data.reason } : {}),
          },
        ];
      }
      if (officesOwingVictimDecision(state).length === 0) clearStuck(state, 'VICTIM_FILING_DECISION_OVERDUE');
      break;
    case 'HANDED_OFF_TO_SOCIAL_CONTACT':
      state.stage = 'HANDED_OFF';
      state.outcome = 'HANDED_OFF_TO_SOCIAL_CONTACT';
      state.handOff = {
        to: 'SOCIAL_CONTACT',
        at: event.at,
        reason: event.data.reason,
        ...(event.data.continuesFrom ? { continuesFrom: event.data.continuesFrom } : {}),
      };
      break;
    case 'CASE_CLOSED':
      state.stage = 'CLOSED';
      state.outcome = event.data.outcome;
      clearStuck(state, 'REASSESSMENT_DUE');
      break;
    case 'EXITED':
      state.stage = 'EXITED';
      state.outcome = 'EXITED';
      state.exit = { reason: event.data.reason, at: event.at, by: event.actor };
      if (event.data.reason === 'CONSENT_RESCINDED' && state.consent.status !== 'RESCINDED') {
        state.consent = { ...state.consent, status: 'RESCINDED', rescindedAt: event.at, rescindedBy: event.actor };
      }
      break;
    case 'COORDINATION_ALERT':
      state.coordinationAlerts = [...(state.coordinationAlerts ?? []), event.data.sourceId];
      break;
    case 'NOTICE_SENT': {
      const { noticeId, sentAt } = event.data;
      const notice = state.notices.find((n) => n.id === noticeId);
      if (!notice) break;
      state.notices = state.notices.filter((n) => n !== notice);
      if (isMissedIntakeNoticeToProsecutor(notice) && !state.notices.some(isMissedIntakeNoticeToProsecutor)) {
        state.missedNoticeConfirmedAt = sentAt;
        clearStuck(state, 'MISSED_NOTICE_UNCONFIRMED');
      }
      break;
    }
    default:
      event satisfies never; // every kind of event is handled above (compile-time check)
  }
  if (isTerminal(state.stage)) {
    clearStuck(state, 'SCREENING_OVERDUE');
    clearStuck(state, 'APPROVAL_OVERDUE');
    clearStuck(state, 'OVERRIDE_OVERDUE');
    clearStuck(state, 'NCI_DECISION_OVERDUE');
    clearStuck(state, 'VICTIM_FILING_DECISION_OVERDUE');
    if (state.capacity !== 'NONE') state.capacity = 'RELEASED';
  }
}

/** R-CALL: the on-call case management team is called; the initial screening is due (R-SCREEN). */
function callCaseManagement(state: CaseState, at: string): void {
  state.stage = 'AWAITING_SCREENING';
  state.screeningDueAt = new Date(Date.parse(at) + state.policy.screeningOverdueAfterMs).toISOString();
}
