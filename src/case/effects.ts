import type { CaseEvent, CaseEventOf } from './case-event-types';
import type { CaseState } from './case-state';
import type { NoticeKind, NoticeRecord, Recipient } from './notices';
import type { RuleId } from '../shared/rules';
import { officesOf, officesOwingVictimDecision } from './filing';

/** Steps a case owes, in order, besides its notices (R-SC-CAPACITY signals, the R-VICTIM hand-off). */
export type OrderedEffect =
  | {
      kind: 'capacity';
      signal:
        'placeRequested' | 'participantEnrolled' | 'participantExited' | 'placeReleased' | 'participantTransferred';
      approvedAt?: string;
    }
  | { kind: 'openLinkedSocialContact' };

/**
 * What each event makes owed: notices (R-CALL, R-PACKET, R-SCREEN, R-SCENE, R-MISSED, R-EXIT,
 * R-EL-OVERRIDE, R-SC-APPROVAL, R-SC-PDA, R-SC-REASSESS) and ordered steps (R-SC-CAPACITY signals,
 * the R-VICTIM hand-off).
 */

type Owed = { kind: NoticeKind; ruleId: RuleId; recipient: Recipient };

const CASE_MANAGEMENT: Recipient = { role: 'case_manager' };
const PROJECT_MANAGER: Recipient = { role: 'project_manager' };
const DOC_NCI: Recipient = { role: 'doc_nci' };

/** R-JURISDICTION: every office with jurisdiction over any of the offenses (or the one named). */
export function prosecutorsOf(state: CaseState): Recipient[] {
  return officesOf(state).map((office) => ({ role: 'prosecutor', office }));
}

function noticesFor(state: CaseState, event: CaseEvent): Owed[] {
  const prosecutors = prosecutorsOf(state);
  const sergeant: Recipient = { role: 'sergeant', agency: state.agency };
  const toProsecutors = (kind: NoticeKind, ruleId: RuleId): Owed[] =>
    prosecutors.map((recipient) => ({ kind, ruleId, recipient }));
  const arrestCall = (): Owed[] => [
    { kind: 'CASE_MANAGEMENT_CALLED', ruleId: 'R-CALL', recipient: CASE_MANAGEMENT },
    ...toProsecutors('DIVERSION_PACKET', 'R-PACKET'),
  ];
  const social = state.type === 'SOCIAL_CONTACT';
  switch (event.type) {
    case 'REFERRAL_RECEIVED':
      return arrestCall();
    case 'OVERRIDE_REQUESTED':
      return [{ kind: 'OVERRIDE_REQUESTED', ruleId: 'R-EL-OVERRIDE', recipient: sergeant }];
    case 'OVERRIDE_OVERDUE':
      return [{ kind: 'OVERRIDE_REMINDER', ruleId: 'R-EL-OVERRIDE', recipient: sergeant }];
    case 'OVERRIDE_APPROVED':
      return arrestCall();
    case 'NCI_REFERRED':
      // R-EL-WARRANT (Decision 2026-12-02): NCI first; a waiting override request goes to the sergeant now.
      return state.stage === 'OVERRIDE_REQUESTED'
        ? [{ kind: 'OVERRIDE_REQUESTED', ruleId: 'R-EL-OVERRIDE', recipient: sergeant }]
        : arrestCall();
    case 'NCI_REVIEW_REQUESTED':
      return [{ kind: 'NCI_REVIEW_REQUESTED', ruleId: 'R-EL-WARRANT', recipient: DOC_NCI }];
    case 'NCI_DECISION_OVERDUE':
      return [{ kind: 'NCI_REVIEW_REMINDER', ruleId: 'R-EL-WARRANT', recipient: DOC_NCI }];
    case 'NCI_DECLINED':
      return [{ kind: 'NCI_DECLINED', ruleId: 'R-EL-WARRANT', recipient: sergeant }];
    case 'SOCIAL_CONTACT_REFUSED':
      return [{ kind: 'SOCIAL_CONTACT_REFUSED', ruleId: 'R-SC-PDA', recipient: PROJECT_MANAGER }];
    case 'LEFT_BEFORE_SCREENING':
      return [
        { kind: 'LEFT_BEFORE_SCREENING', ruleId: 'R-SCREEN', recipient: sergeant },
        ...toProsecutors('LEFT_BEFORE_SCREENING', 'R-SCREEN'),
      ];
    case 'SCREENED_OUT':
      // R-SCREEN (Decision 2026-12-02): told exactly as for a person who left before screening.
      return [
        { kind: 'SCREENED_OUT', ruleId: 'R-SCREEN', recipient: sergeant },
        ...toProsecutors('SCREENED_OUT', 'R-SCREEN'),
      ];
    case 'PACKET_REVIEWED':
      return event.data.outcome === 'DOES_NOT_MEET_CRITERIA'
        ? [{ kind: 'PACKET_DOES_NOT_MEET_CRITERIA', ruleId: 'R-PACKET', recipient: sergeant }]
        : [];
    case 'VICTIM_OBJECTION_RECORDED':
      // R-VICTIM (Decision 2026-12-02): a decision on each office's list.
      return toProsecutors('FILING_DECISION_DUE', 'R-VICTIM');
    case 'VICTIM_FILING_DECISION_OVERDUE':
      return officesOwingVictimDecision(state).map((office) => ({
        kind: 'FILING_DECISION_REMINDER',
        ruleId: 'R-VICTIM',
        recipient: { role: 'prosecutor', office },
      }));
    case 'FILING_DECISION_RECORDED':
      // R-PACKET (Decision 2026-12-02): a decision outside R-SCREEN, R-MISSED and R-VICTIM tells case management and the sergeant.
      return event.ruleId === 'R-PACKET'
        ? [
            { kind: 'FILED_OUTSIDE_PROTOCOL', ruleId: 'R-PACKET', recipient: CASE_MANAGEMENT },
            { kind: 'FILED_OUTSIDE_PROTOCOL', ruleId: 'R-PACKET', recipient: sergeant },
          ]
        : [];
    case 'RETURN_TO_SCENE_REPORTED':
      return event.data?.withinWindow ? [{ kind: 'RETURN_TO_SCENE', ruleId: 'R-SCENE', recipient: sergeant }] : [];
    case 'INTAKE_DEADLINE_MISSED':
      return [
        ...toProsecutors('INTAKE_MISSED', 'R-MISSED'),
        { kind: 'INTAKE_MISSED', ruleId: 'R-MISSED', recipient: sergeant },
      ];
    case 'SOCIAL_CONTACT_REFERRED':
      // A social contact continuing a handed-off arrest diversion opens approved: the PDA is told, nobody is asked to approve.
      if (state.approval?.decision === 'APPROVED')
        return [{ kind: 'SOCIAL_CONTACT_HANDED_OFF', ruleId: 'R-SC-PDA', recipient: PROJECT_MANAGER }];
      return [
        { kind: 'SOCIAL_CONTACT_REFERRED', ruleId: 'R-SC-PDA', recipient: PROJECT_MANAGER },
        { kind: 'APPROVAL_REQUESTED', ruleId: 'R-SC-APPROVAL', recipient: sergeant },
      ];
    case 'APPROVAL_OVERDUE':
      return [{ kind: 'APPROVAL_REMINDER', ruleId: 'R-SC-APPROVAL', recipient: sergeant }];
    case 'SOCIAL_CONTACT_APPROVED':
      return [{ kind: 'SOCIAL_CONTACT_APPROVED', ruleId: 'R-SC-PDA', recipient: PROJECT_MANAGER }];
    case 'SOCIAL_CONTACT_DENIED':
      return [{ kind: 'SOCIAL_CONTACT_DENIED', ruleId: 'R-SC-PDA', recipient: PROJECT_MANAGER }];
    case 'CONTACT_MADE':
      return [{ kind: 'CASE_MANAGEMENT_CALLED', ruleId: 'R-CALL', recipient: CASE_MANAGEMENT }];
    case 'ENROLLED':
      return social ? [{ kind: 'SOCIAL_CONTACT_ENROLLED', ruleId: 'R-SC-PDA', recipient: PROJECT_MANAGER }] : [];
    case 'REASSESSMENT_DUE':
      return [
        { kind: 'REASSESSMENT_DUE', ruleId: 'R-SC-REASSESS', recipient: sergeant },
        { kind: 'REASSESSMENT_DUE', ruleId: 'R-SC-REASSESS', recipient: PROJECT_MANAGER },
      ];
    case 'CASE_CLOSED':
      return social
        ? [{ kind: 'SOCIAL_CONTACT_CLOSED', ruleId: 'R-SC-PDA', recipient: PROJECT_MANAGER }]
        : closedByFilingDecision(event, sergeant);
    case 'SCREENING_OVERDUE':
      // R-SCREEN (Decision): a screening still not recorded 4 h after the call reminds the on-call team.
      return [{ kind: 'SCREENING_REMINDER', ruleId: 'R-SCREEN', recipient: CASE_MANAGEMENT }];
    case 'EXITED':
      return [{ kind: 'PARTICIPANT_EXITED', ruleId: 'R-EXIT', recipient: PROJECT_MANAGER }];
    case 'COORDINATION_ALERT':
      return [{ kind: 'PARTICIPANT_ARRESTED', ruleId: 'R-COORD', recipient: CASE_MANAGEMENT }];
    // Owe no notice. Every kind of event is named (no default): a new kind must be placed.
    case 'OVERRIDE_DENIED':
    case 'PLACE_GRANTED':
    case 'CONTACT_ATTEMPTED':
    case 'APPROVAL_RENEWED':
    case 'LINKED_SOCIAL_CONTACT_OPENED':
    case 'IIP_RECORDED':
    case 'SERVICE_WITHDRAWN':
    case 'SERVICE_REINSTATED':
    case 'SERVICE_RECORDED':
    case 'CASE_NOTE_RECORDED':
    case 'SCREENING_RECORDED':
    case 'CONSENT_GIVEN':
    case 'CONSENT_RESCINDED':
    case 'RELEASE_AMENDED':
    case 'INTAKE_SCHEDULED':
    case 'INTAKE_COMPLETED':
    case 'INTAKE_DEADLINE_EXTENDED':
    case 'MISSED_NOTICE_UNCONFIRMED':
    case 'SCENE_WINDOW_ENDED':
    case 'VICTIM_OBJECTION_WINDOW_ENDED':
    case 'HANDED_OFF_TO_SOCIAL_CONTACT':
    case 'NOTICE_SENT':
      return [];
  }
}

export function recipientKey(recipient: Recipient): string {
  switch (recipient.role) {
    case 'prosecutor':
      return `prosecutor-${recipient.office}`;
    case 'sergeant':
      return `sergeant-${recipient.agency}`;
    case 'case_manager':
    case 'doc_nci':
    case 'project_manager':
      return recipient.role;
  }
}

/** Notice ids are derived from the case, the event and the recipient: a replay or retry reuses them. */
export function noticesOwed(state: CaseState, event: CaseEvent): NoticeRecord[] {
  return noticesFor(state, event).map((owed) => ({
    ...owed,
    id: `${state.referralId}.${event.seq}.${recipientKey(owed.recipient)}`,
    eventSeq: event.seq,
    status: 'PENDING',
  }));
}

/**
 * A diversion the prosecutor closed (charges filed, or declined after a failed diversion) is over for
 * everyone who works it: the referring agency's sergeants (the person may be re-arrested or summoned)
 * and case management (outreach stops).
 */
function closedByFilingDecision(event: CaseEventOf<'CASE_CLOSED'>, sergeant: Recipient): Owed[] {
  // A decision outside the protocol's situations already told them (FILED_OUTSIDE_PROTOCOL).
  if (event.ruleId === 'R-PACKET') return [];
  if (event.data?.outcome !== 'CHARGES_FILED' && event.data?.outcome !== 'CHARGES_DECLINED') return [];
  return [sergeant, CASE_MANAGEMENT].map((recipient) => ({
    kind: 'CLOSED_BY_FILING_DECISION',
    ruleId: event.ruleId,
    recipient,
  }));
}

/**
 * R-SC-CAPACITY: the coordinator counts enrolled participants of both types and the places reserved
 * for approved social contacts; the R-VICTIM hand-off opens the linked social contact.
 */
export function orderedEffectsOwed(state: CaseState, event: CaseEvent): OrderedEffect[] {
  switch (event.type) {
    case 'SOCIAL_CONTACT_APPROVED':
      return [{ kind: 'capacity', signal: 'placeRequested', approvedAt: event.at }];
    case 'ENROLLED':
      return [{ kind: 'capacity', signal: 'participantEnrolled' }];
    case 'EXITED':
      return [{ kind: 'capacity', signal: 'participantExited' }];
    case 'CASE_CLOSED':
      if (state.type === 'SOCIAL_CONTACT') return [{ kind: 'capacity', signal: 'placeReleased' }];
      // R-JURISDICTION (Decision 2026-12-02): an office filing ends even a participant's diversion.
      return state.enrolledAt ? [{ kind: 'capacity', signal: 'participantExited' }] : [];
    case 'HANDED_OFF_TO_SOCIAL_CONTACT':
      // R-VICTIM (Decision): a participant's place moves to the social contact that continues them, counted once.
      return event.data?.keepsEnrollment
        ? [{ kind: 'openLinkedSocialContact' }, { kind: 'capacity', signal: 'participantTransferred' }]
        : [{ kind: 'openLinkedSocialContact' }];
    // Owe no ordered step. Every kind of event is named (no default): a new kind must be placed.
    case 'REFERRAL_RECEIVED':
    case 'OVERRIDE_REQUESTED':
    case 'NCI_REVIEW_REQUESTED':
    case 'OVERRIDE_OVERDUE':
    case 'OVERRIDE_APPROVED':
    case 'OVERRIDE_DENIED':
    case 'NCI_DECISION_OVERDUE':
    case 'NCI_REFERRED':
    case 'NCI_DECLINED':
    case 'SOCIAL_CONTACT_REFUSED':
    case 'SOCIAL_CONTACT_REFERRED':
    case 'APPROVAL_OVERDUE':
    case 'SOCIAL_CONTACT_DENIED':
    case 'PLACE_GRANTED':
    case 'CONTACT_ATTEMPTED':
    case 'CONTACT_MADE':
    case 'REASSESSMENT_DUE':
    case 'APPROVAL_RENEWED':
    case 'LINKED_SOCIAL_CONTACT_OPENED':
    case 'IIP_RECORDED':
    case 'SERVICE_WITHDRAWN':
    case 'SERVICE_REINSTATED':
    case 'SERVICE_RECORDED':
    case 'CASE_NOTE_RECORDED':
    case 'SCREENING_RECORDED':
    case 'SCREENING_OVERDUE':
    case 'LEFT_BEFORE_SCREENING':
    case 'SCREENED_OUT':
    case 'PACKET_REVIEWED':
    case 'CONSENT_GIVEN':
    case 'CONSENT_RESCINDED':
    case 'RELEASE_AMENDED':
    case 'INTAKE_SCHEDULED':
    case 'INTAKE_COMPLETED':
    case 'INTAKE_DEADLINE_EXTENDED':
    case 'INTAKE_DEADLINE_MISSED':
    case 'MISSED_NOTICE_UNCONFIRMED':
    case 'SCENE_WINDOW_ENDED':
    case 'RETURN_TO_SCENE_REPORTED':
    case 'VICTIM_OBJECTION_RECORDED':
    case 'VICTIM_FILING_DECISION_OVERDUE':
    case 'VICTIM_OBJECTION_WINDOW_ENDED':
    case 'FILING_DECISION_RECORDED':
    case 'NOTICE_SENT':
    case 'COORDINATION_ALERT':
      return [];
  }
}

export function isMissedIntakeNoticeToProsecutor(notice: NoticeRecord): boolean {
  return notice.kind === 'INTAKE_MISSED' && notice.recipient.role === 'prosecutor';
}

/** R-MISSED: the missed-intake notice is confirmed once every office with jurisdiction has been sent its own. */
export function missedIntakeNoticesSent(state: CaseState): boolean {
  return state.missedNoticeConfirmedAt !== undefined;
}
