import type { CaseEvent, DeadlineView, NoticeKind, Recipient, Stage, StuckReason } from './case-model';
import type { RuleId } from './rules';

/** What a workflow hands its activities. Kept free of personal data (R-ROI). */

export interface NoticeRequest {
  noticeId: string;
  referralId: string;
  kind: NoticeKind;
  ruleId: RuleId;
  recipient: Recipient;
  /** R-ROI: the only facts a notice may carry before consent. */
  facts: { stage: Stage; office: string; deadline?: { ruleId: RuleId; dueAt: string } };
}

export interface NoticeReceipt {
  messageId: string;
  sentAt: string;
}

export interface CaseProgress {
  referralId: string;
  seq: number;
  referredAt: string;
  stage: Stage;
  outcome?: string;
  stuckReason?: StuckReason;
  nextDeadline?: DeadlineView;
  deadlines: DeadlineView[];
  events: CaseEvent[];
}
