import type { ArrestDiversionInput, SocialContactInput } from '../case/start-inputs';
import type { Outcome, Stage } from '../shared/case-vocabulary';
import type { CapacityStart, FollowUpInput } from './definitions';

/**
 * Every workflow's name, input and result, as clients start them: declared here, below both the
 * workflows and their clients, so a client names a workflow without importing workflow code.
 * test/unit/workflow-contract.test.ts checks that the workflows match.
 */

export interface CaseResult {
  referralId: string;
  stage: Stage;
  outcome?: Outcome;
}

/** R-SC-CAPACITY: what the capacity coordinator carries from one run to the next. */
export interface CapacityState {
  places: number;
  participants: string[];
  reserved: string[];
  waiting: Array<{ caseId: string; approvedAt: string }>;
}

export interface MonthlyReportInput {
  timezone: string;
  /** A month (YYYY-MM) to (re)produce by hand; a scheduled run reports the month before its nominal time. */
  month?: string;
  /** Issue 26: the program reported, by its case id prefix (absent in a run started before: the served one). */
  caseIdPrefix?: string;
}

/** R-EVAL: the program evaluated, by its case id prefix (absent in a run started before: the served one). */
export interface EvaluationRunInput {
  caseIdPrefix?: string;
}

export interface MonthlyReportSummary {
  /** YYYY-MM, in the program's time zone. */
  month: string;
  participants: number;
  staffingListCases: number;
  referrals: number;
}

export interface LeadWorkflows {
  arrestDiversion(input: ArrestDiversionInput): Promise<CaseResult>;
  socialContact(input: SocialContactInput): Promise<CaseResult>;
  capacityCoordinator(carried?: CapacityState | null, start?: CapacityStart): Promise<void>;
  monthlyReport(input: MonthlyReportInput): Promise<MonthlyReportSummary>;
  outcomeFollowUp(input: FollowUpInput): Promise<{ confirmed: number[] }>;
  evaluationRun(input?: EvaluationRunInput): Promise<{ computedAt: string }>;
}
