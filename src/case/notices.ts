import type { RuleId } from '../shared/rules';

export type NoticeKind =
  | 'CASE_MANAGEMENT_CALLED'
  | 'DIVERSION_PACKET'
  | 'LEFT_BEFORE_SCREENING'
  | 'RETURN_TO_SCENE'
  | 'INTAKE_MISSED'
  | 'PARTICIPANT_EXITED'
  | 'OVERRIDE_REQUESTED'
  | 'APPROVAL_REQUESTED'
  | 'APPROVAL_REMINDER'
  | 'SOCIAL_CONTACT_REFERRED'
  | 'SOCIAL_CONTACT_APPROVED'
  | 'SOCIAL_CONTACT_DENIED'
  | 'SOCIAL_CONTACT_ENROLLED'
  | 'SOCIAL_CONTACT_CLOSED'
  | 'REASSESSMENT_DUE'
  | 'SCREENING_REMINDER'
  | 'CLOSED_BY_FILING_DECISION'
  | 'NCI_REVIEW_REQUESTED'
  | 'NCI_REVIEW_REMINDER'
  | 'NCI_DECLINED'
  | 'OVERRIDE_REMINDER'
  | 'SOCIAL_CONTACT_REFUSED'
  | 'SOCIAL_CONTACT_HANDED_OFF'
  | 'SCREENED_OUT'
  | 'FILING_DECISION_DUE'
  | 'FILING_DECISION_REMINDER'
  | 'FILED_OUTSIDE_PROTOCOL'
  | 'PACKET_DOES_NOT_MEET_CRITERIA'
  | 'PARTICIPANT_ARRESTED';

export type Recipient =
  | { role: 'case_manager' }
  | { role: 'project_manager' }
  | { role: 'doc_nci' }
  | { role: 'sergeant'; agency: string }
  | { role: 'prosecutor'; office: string };

export interface NoticeRecord {
  id: string;
  kind: NoticeKind;
  ruleId: RuleId;
  recipient: Recipient;
  /** Sequence number of the case event that made the notice owed. */
  eventSeq: number;
  status: 'PENDING' | 'SENT';
  sentAt?: string;
}
