import {
  ApplicationFailure,
  Client,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import { evaluationWorkflowId } from './evaluation-schedule';
import type { LeadWorkflows, MonthlyReportSummary } from '../contract/workflow-contract';
import {
  CASE_ACTION_REJECTED,
  type CaseActionArgs,
  type CaseActionName,
  type CaseActionRejection,
} from '../case/actions';
import type { CapacityView, CaseView } from '../case/query-views';
import { capacityOfPrefix } from '../case/capacity-of-program';
import { caseIdPrefixOf } from '../shared/record-ids';
import type { ArrestDiversionInput, SocialContactInput } from '../case/start-inputs';
import type { CoordinationAlert } from '../shared/case-vocabulary';
import {
  type ActionAccepted,
  capacityWorkflowId,
  SINGLE_PROGRAM_CAPACITY_WORKFLOW_ID,
  capacityQuery,
  capacitySignals,
  caseActionUpdate,
  caseStateQuery,
  confirmFollowUpUpdate,
  coordinationAlertSignal,
  followUpWorkflowId,
  TASK_QUEUE,
  type FollowUpConfirmation,
  type FollowUpInput,
  type CapacitySignalArgs,
  type CapacitySignalName,
} from '../contract/definitions';

/** Why Temporal refused: the API turns each into its HTTP status. */
export class CaseNotRunningError extends Error {}
export class CaseActionRejectedError extends Error {
  constructor(readonly rejection: CaseActionRejection) {
    super(rejection.message);
  }
}
export class TemporalUnavailableError extends Error {}
/** R-EVAL: a follow-up confirmation the follow-up's workflow refused (not due, or already confirmed). */
export class FollowUpRefusedError extends Error {}

function translate(err: unknown): never {
  if (err instanceof WorkflowNotFoundError) throw new CaseNotRunningError(err.message);
  if (
    err instanceof WorkflowUpdateFailedError &&
    err.cause instanceof ApplicationFailure &&
    err.cause.type === CASE_ACTION_REJECTED
  ) {
    throw new CaseActionRejectedError(
      (err.cause.details?.[0] as CaseActionRejection | undefined) ?? {
        code: 'STAGE_CONFLICT',
        message: err.cause.message,
      },
    );
  }
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    throw new TemporalUnavailableError(`The case did not answer in time: ${err.message}`);
  }
  if (err instanceof ServiceError) {
    if (/not ?found|already completed/i.test(err.message)) throw new CaseNotRunningError(err.message);
    throw new TemporalUnavailableError(err.message);
  }
  throw err;
}

/** The API's view of the referral workflows: start, read and act on cases by referral id. */
export class CaseWorkflows {
  /** `taskQueue`: the product's queue unless a test isolates its workers on one of their own. */
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string = TASK_QUEUE,
  ) {}

  /**
   * Starts the case's workflow, or finds the one already started for this referral id: a running
   * one is reused (USE_EXISTING), a closed one is never started again (REJECT_DUPLICATE).
   */
  async startArrestDiversion(input: ArrestDiversionInput): Promise<void> {
    await this.startOnce<LeadWorkflows['arrestDiversion']>('arrestDiversion', input.referralId, [input]);
  }

  async startSocialContact(input: SocialContactInput): Promise<void> {
    await this.startOnce<LeadWorkflows['socialContact']>('socialContact', input.referralId, [input]);
  }

  /** Starts a workflow once per id: a running one is reused, a closed one never started again. */
  private async startOnce<W extends Workflow>(type: string, workflowId: string, args: Parameters<W>): Promise<void> {
    try {
      await this.client.workflow.start(type, {
        workflowId,
        taskQueue: this.taskQueue,
        args: args as unknown[],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return;
      translate(err);
    }
  }

  /** Runs a workflow now and waits for its result; a run under way with the same id is joined. */
  private async runNow<W extends Workflow>(
    type: string,
    workflowId: string,
    args: Parameters<W>,
  ): Promise<Awaited<ReturnType<W>>> {
    try {
      const handle = await this.client.workflow.start(type, {
        workflowId,
        taskQueue: this.taskQueue,
        args: args as unknown[],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      });
      return (await handle.result()) as Awaited<ReturnType<W>>;
    } catch (err) {
      translate(err);
    }
  }

  /**
   * R-EVAL: computes and stores a program's evaluation figures now, with its schedule's workflow (a run
   * under way is joined).
   */
  async produceEvaluation(caseIdPrefix: string): Promise<{ computedAt: string }> {
    return this.runNow<LeadWorkflows['evaluationRun']>('evaluationRun', evaluationWorkflowId(caseIdPrefix), [
      { caseIdPrefix },
    ]);
  }

  /** R-EVAL: starts the follow-ups of a case or booking, or finds them started. */
  async startFollowUp(input: FollowUpInput): Promise<void> {
    await this.startOnce<LeadWorkflows['outcomeFollowUp']>('outcomeFollowUp', followUpWorkflowId(input.recordId), [
      input,
    ]);
  }

  /** R-EVAL: the responsible partner confirms a follow-up's outcomes are recorded. */
  async confirmFollowUp(recordId: string, confirmation: FollowUpConfirmation): Promise<void> {
    try {
      await this.client.workflow.getHandle(followUpWorkflowId(recordId)).executeUpdate(confirmFollowUpUpdate, {
        args: [confirmation],
      });
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure)
        throw new FollowUpRefusedError(err.cause.message);
      translate(err);
    }
  }

  /**
   * Tells the capacity coordinator of the case's program what happened to the case, starting the
   * coordinator if needed.
   */
  async signalCapacity(signal: CapacitySignalName, args: CapacitySignalArgs): Promise<void> {
    const caseIdPrefix = caseIdPrefixOf(args.caseId);
    try {
      await this.client.workflow.signalWithStart<LeadWorkflows['capacityCoordinator'], [CapacitySignalArgs]>(
        'capacityCoordinator',
        {
          workflowId: capacityWorkflowId(caseIdPrefix),
          taskQueue: this.taskQueue,
          args: [null, { caseIdPrefix }],
          signal: capacitySignals[signal],
          signalArgs: [args],
        },
      );
    } catch (err) {
      translate(err);
    }
  }

  /**
   * R-SC-CAPACITY of the program whose case ids carry `caseIdPrefix`. Until its own coordinator first
   * starts, the cases of its prefix that the deployment's one coordinator from before programs holds.
   */
  async capacity(caseIdPrefix: string): Promise<CapacityView | undefined> {
    return (await this.queryCapacity(capacityWorkflowId(caseIdPrefix))) ?? this.capacityBeforePrograms(caseIdPrefix);
  }

  /** The cases of a program's prefix in the deployment's one coordinator from before programs, if it runs. */
  async capacityBeforePrograms(caseIdPrefix: string): Promise<CapacityView | undefined> {
    return capacityOfPrefix(await this.queryCapacity(SINGLE_PROGRAM_CAPACITY_WORKFLOW_ID), caseIdPrefix);
  }

  private async queryCapacity(workflowId: string): Promise<CapacityView | undefined> {
    try {
      return await this.client.workflow.getHandle(workflowId).query(capacityQuery);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      translate(err);
    }
  }

  /**
   * R-STAFFING: produces a month's report again, now, with the same workflow the schedule runs. A run
   * already producing that month is joined rather than doubled.
   */
  async produceMonthlyReport(
    month: string,
    program: { caseIdPrefix: string; timezone: string },
  ): Promise<MonthlyReportSummary> {
    const { caseIdPrefix, timezone } = program;
    return this.runNow<LeadWorkflows['monthlyReport']>(
      'monthlyReport',
      `lead-monthly-report-${caseIdPrefix}-${month}`,
      [{ timezone, month, caseIdPrefix }],
    );
  }

  /** R-COORD: tells a participant's case of a new arrest, booking, charge or referral (it alerts once per source). */
  async alertCoordination(caseId: string, alert: CoordinationAlert): Promise<void> {
    try {
      await this.client.workflow.getHandle(caseId).signal(coordinationAlertSignal, alert);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return; // closed meanwhile: no longer a participant
      throw err;
    }
  }

  async view(caseId: string): Promise<CaseView> {
    try {
      return await this.client.workflow.getHandle(caseId).query(caseStateQuery);
    } catch (err) {
      translate(err);
    }
  }

  async act<A extends CaseActionName>(
    caseId: string,
    action: A,
    args: CaseActionArgs<A>,
    updateId?: string,
  ): Promise<ActionAccepted> {
    try {
      return await this.client.workflow
        .getHandle(caseId)
        .executeUpdate(caseActionUpdate(action), { args: [args], updateId });
    } catch (err) {
      translate(err);
    }
  }
}
