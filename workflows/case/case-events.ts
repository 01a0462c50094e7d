import type { CaseEvent, CaseState, StuckReason } from '../../src/shared/case-model';
import { isTerminal } from '../../src/shared/case-model';

/** A case event before it is numbered by the runtime. */
export type NewCaseEvent = Omit<CaseEvent, 'seq'>;

function clearStuck(state: CaseState, reason: StuckReason): void {
  state.stuck = state.stuck.filter((flag) => flag.reason !== reason);
}

/** Applies one event to the state: the only place a case's state changes. */
export function evolve(state: CaseState, event: CaseEvent): void {
  const data = event.data ?? {};
  switch (event.type) {
    case 'REFERRAL_RECEIVED':
    case 'RETURN_TO_SCENE_REPORTED':
      break;
    case 'SCREENING_RECORDED':
      state.stage = 'AWAITING_INTAKE';
      state.screenedAt = event.at;
      state.intakeScheduledFor = data.intakeScheduledFor as string | undefined;
      clearStuck(state, 'SCREENING_OVERDUE');
      break;
    case 'SCREENING_OVERDUE':
      state.stuck.push({ reason: 'SCREENING_OVERDUE', ruleId: 'R-SCREEN', since: event.at });
      break;
    case 'LEFT_BEFORE_SCREENING':
      state.stage = 'LEFT_BEFORE_SCREENING';
      clearStuck(state, 'SCREENING_OVERDUE');
      break;
    case 'CONSENT_GIVEN':
      state.consent = { status: 'GIVEN', method: data.method as CaseState['consent']['method'], at: event.at };
      break;
    case 'CONSENT_RESCINDED':
      state.consent = { ...state.consent, status: 'RESCINDED', at: event.at };
      break;
    case 'INTAKE_COMPLETED':
      state.intakeCompletedAt = event.at;
      break;
    case 'ENROLLED':
      state.stage = 'ENROLLED';
      state.enrolledAt = event.at;
      break;
    case 'INTAKE_DEADLINE_EXTENDED':
      state.intakeExtensions.push({
        from: data.from as string,
        to: data.to as string,
        reason: data.reason as string,
        by: event.actor,
        at: event.at,
      });
      state.intakeDueAt = data.to as string;
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
      break;
    case 'VICTIM_OBJECTION_WINDOW_ENDED':
      state.victimObjectionWindowEnded = true;
      break;
    case 'FILING_DECISION_RECORDED':
      state.filingDecision = { decision: data.decision as 'FILED' | 'DECLINED', at: event.at, by: event.actor };
      break;
    case 'HANDED_OFF_TO_SOCIAL_CONTACT':
      state.stage = 'HANDED_OFF';
      state.outcome = 'HANDED_OFF_TO_SOCIAL_CONTACT';
      state.handOff = { to: 'SOCIAL_CONTACT', at: event.at, reason: data.reason as string };
      break;
    case 'CASE_CLOSED':
      state.stage = 'CLOSED';
      state.outcome = data.outcome as CaseState['outcome'];
      break;
    case 'EXITED':
      state.stage = 'EXITED';
      state.outcome = 'EXITED';
      state.exit = { reason: data.reason as NonNullable<CaseState['exit']>['reason'], at: event.at, by: event.actor };
      if (data.reason === 'CONSENT_RESCINDED') state.consent = { ...state.consent, status: 'RESCINDED', at: event.at };
      break;
    case 'NOTICE_SENT': {
      const notice = state.notices.find((n) => n.id === data.noticeId);
      if (notice) {
        notice.status = 'SENT';
        notice.sentAt = data.sentAt as string;
      }
      if (notice?.kind === 'INTAKE_MISSED' && notice.recipient.role === 'prosecutor') {
        clearStuck(state, 'MISSED_NOTICE_UNCONFIRMED');
      }
      break;
    }
  }
  if (isTerminal(state.stage)) clearStuck(state, 'SCREENING_OVERDUE');
}
