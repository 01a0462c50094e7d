import type { Outcome, ReferralType, SocialContactSource, Stage } from '../shared/case-vocabulary';
import type { Actor } from '../shared/roles';
import type { RuleId } from '../shared/rules';
import type { CaseEvent } from './case-event-types';
import type { CaseState, IntakeDeadlineExtension, OfficeFilingDecision, PacketReview, StuckFlag } from './case-state';
import type { NoticeRecord } from './notices';

export type DeadlineStatus = 'OPEN' | 'MET' | 'MISSED' | 'ENDED' | 'OVERDUE' | 'CANCELLED';

export interface DeadlineView {
  ruleId: RuleId;
  name: string;
  dueAt: string;
  status: DeadlineStatus;
}

/** What a query (and every accepted case action) returns. */
export interface CaseView {
  referralId: string;
  type: ReferralType;
  stage: Stage;
  outcome?: Outcome;
  enrolled: boolean;
  referredAt: string;
  prosecutorOffice?: string;
  agency: string;
  victimCrime: boolean;
  victimObjectionAt?: string;
  nci?: CaseState['nci'];
  consent: CaseState['consent'];
  screenedAt?: string;
  intakeScheduledFor?: string;
  intakeCompletedAt?: string;
  enrolledAt?: string;
  intakeExtensions: IntakeDeadlineExtension[];
  filingDecision?: CaseState['filingDecision'];
  /** R-JURISDICTION: every office with jurisdiction, and what each decided and reviewed. */
  prosecutorOffices: string[];
  filingDecisions: OfficeFilingDecision[];
  /** R-JURISDICTION: the offices that still owe a filing decision now (none unless one is open). */
  filingDecisionsOwedBy: string[];
  /** The situation in which the protocol gives the prosecutors a filing decision now, if any. */
  filingDecisionOpenUnder?: 'R-SCREEN' | 'R-MISSED' | 'R-VICTIM';
  victimFilingDueAt?: string;
  screenedOut?: CaseState['screenedOut'];
  packetReviews: PacketReview[];
  handOff?: CaseState['handOff'];
  exit?: CaseState['exit'];
  override?: CaseState['override'];
  source?: SocialContactSource;
  linkedFrom?: string;
  approval?: CaseState['approval'];
  approvalValidUntil?: string;
  reassessmentDue: boolean;
  renewals: CaseState['renewals'];
  capacity: CaseState['capacity'];
  iip?: CaseState['iip'];
  servicesWithdrawn: CaseState['servicesWithdrawn'];
  /** R-IIP: the services delivered, read from the case's events (servicesRecord). */
  servicesDelivered: Array<{ service: string; provider?: string; at: string; by: Actor }>;
  deadlines: DeadlineView[];
  nextDeadline?: DeadlineView;
  stuck: StuckFlag[];
  notices: NoticeRecord[];
  events: CaseEvent[];
}

/** The capacity coordinator's view (R-SC-CAPACITY). */
export interface CapacityView {
  places: number;
  participants: string[];
  reserved: string[];
  waiting: Array<{ caseId: string; approvedAt: string }>;
  free: number;
}
