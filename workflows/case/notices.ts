import type { CaseEvent, CaseState, NoticeKind, NoticeRecord, Recipient } from '../../src/shared/case-model';
import type { RuleId } from '../../src/shared/rules';

/** Which notices each event makes owed (R-CALL, R-PACKET, R-SCREEN, R-SCENE, R-MISSED, R-EXIT). */

type Owed = { kind: NoticeKind; ruleId: RuleId; recipient: Recipient };

function owedFor(state: CaseState, event: CaseEvent): Owed[] {
  const prosecutor: Recipient = { role: 'prosecutor', office: state.prosecutorOffice };
  const sergeant: Recipient = { role: 'sergeant', agency: state.agency };
  switch (event.type) {
    case 'REFERRAL_RECEIVED':
      return [
        { kind: 'CASE_MANAGEMENT_CALLED', ruleId: 'R-CALL', recipient: { role: 'case_manager' } },
        { kind: 'DIVERSION_PACKET', ruleId: 'R-PACKET', recipient: prosecutor },
      ];
    case 'LEFT_BEFORE_SCREENING':
      return [
        { kind: 'LEFT_BEFORE_SCREENING', ruleId: 'R-SCREEN', recipient: sergeant },
        { kind: 'LEFT_BEFORE_SCREENING', ruleId: 'R-SCREEN', recipient: prosecutor },
      ];
    case 'RETURN_TO_SCENE_REPORTED':
      return event.data?.withinWindow ? [{ kind: 'RETURN_TO_SCENE', ruleId: 'R-SCENE', recipient: sergeant }] : [];
    case 'INTAKE_DEADLINE_MISSED':
      return [
        { kind: 'INTAKE_MISSED', ruleId: 'R-MISSED', recipient: prosecutor },
        { kind: 'INTAKE_MISSED', ruleId: 'R-MISSED', recipient: sergeant },
      ];
    case 'EXITED':
      return [{ kind: 'PARTICIPANT_EXITED', ruleId: 'R-EXIT', recipient: { role: 'project_manager' } }];
    default:
      return [];
  }
}

export function recipientKey(recipient: Recipient): string {
  switch (recipient.role) {
    case 'prosecutor':
      return `prosecutor-${recipient.office}`;
    case 'sergeant':
      return `sergeant-${recipient.agency}`;
    default:
      return recipient.role;
  }
}

/** Notice ids are derived from the case, the event and the recipient: a replay or retry reuses them. */
export function noticesOwed(state: CaseState, event: CaseEvent): NoticeRecord[] {
  return owedFor(state, event).map((owed) => ({
    ...owed,
    id: `${state.referralId}.${event.seq}.${recipientKey(owed.recipient)}`,
    eventSeq: event.seq,
    status: 'PENDING',
  }));
}

export function isMissedIntakeNoticeToProsecutor(notice: NoticeRecord): boolean {
  return notice.kind === 'INTAKE_MISSED' && notice.recipient.role === 'prosecutor';
}
