import type { CaseEvent } from '../case/case-event-types';
import type { StuckReason } from '../case/case-state';
import type { NoticeKind, Recipient } from '../case/notices';
import type { DeadlineView } from '../case/query-views';
import type { Stage } from '../shared/case-vocabulary';
import type { RuleId } from '../shared/rules';

/** What a workflow hands its activities. Kept free of personal data (R-ROI). */

export interface NoticeRequest {
  noticeId: string;
  referralId: string;
  kind: NoticeKind;
  ruleId: RuleId;
  recipient: Recipient;
  /** R-ROI: the only facts a notice may carry before consent. */
  facts: {
    stage: Stage;
    outcome?: string;
    type: 'ARREST_DIVERSION' | 'SOCIAL_CONTACT';
    office?: string;
    deadline?: { ruleId: RuleId; dueAt: string };
  };
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
  stuckReasons: StuckReason[];
  nextDeadline?: DeadlineView;
  /** The deadlines that changed since the run's last projection (every one, in its first). */
  deadlinesChanged: DeadlineView[];
  events: CaseEvent[];
}
