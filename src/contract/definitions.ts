import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CaseActionArgs, CaseActionName } from '../case/actions';
import type { CapacityView, CaseView } from '../case/query-views';
import type { CoordinationAlert, Stage } from '../shared/case-vocabulary';

/**
 * The contract between the API, the worker and the workflows: task queue, updates and queries.
 * Case actions are Updates (the caller must know the action was accepted; a validator refuses it
 * otherwise without touching history); reads are Queries.
 */
export const TASK_QUEUE = 'lead-referrals';

export const caseStateQuery = defineQuery<CaseView>('caseState');

/** R-COORD: a participant's new arrest, booking, charge or referral; the case alerts its case manager once per source. */
export const coordinationAlertSignal = defineSignal<[CoordinationAlert]>('coordinationAlert');

/**
 * What an accepted case action answers: compact, because every update's result is kept in the case's
 * history (the whole view would make history grow with the square of the events). The caller reads
 * the case with the query, which history does not keep.
 */
export interface ActionAccepted {
  /** The case's last event once the action's events were applied. */
  seq: number;
  stage: Stage;
  /**
   * The `bodyHash` of the update that was applied. Temporal answers an update resent with the same id
   * (Idempotency-Key) with the first one's result: a different hash there means the key was reused
   * with another input, which was not applied.
   */
  bodyHash?: string;
}

/**
 * The update of each case action, named as the action (the names are in every case's history: they
 * never change). Made on demand, not kept in a table: the workflows take the names from their deciders
 * and never load the declarations (src/case/actions/).
 */
export const caseActionUpdate = <A extends CaseActionName>(action: A) =>
  defineUpdate<ActionAccepted, [CaseActionArgs<A>]>(action);

/** R-SC-CAPACITY: the coordinator grants a waiting social contact its place. */
export const placeGrantedSignal = defineSignal('placeGranted');

/**
 * The capacity coordinator: one workflow per program that counts participants and reserved places and
 * queues approved social contacts, oldest approval first. Cases tell it what happens through signals.
 * Its id carries the program's case id prefix (issue 26), the one a case's own id starts with.
 */
export const capacityWorkflowId = (caseIdPrefix: string) => `lead-capacity-${caseIdPrefix}`;
/**
 * The one coordinator of a deployment from before programs (issue 26): a program's coordinator, at its
 * first start, adopts the cases of its own prefix from it.
 */
export const SINGLE_PROGRAM_CAPACITY_WORKFLOW_ID = 'lead-capacity';
/** How a program's coordinator starts the first time (a run continued as new carries its state instead). */
export interface CapacityStart {
  caseIdPrefix: string;
}
export interface CapacitySignalArgs {
  caseId: string;
  /** Configured places (case-manager FTE × participants per FTE); the latest value wins. */
  places: number;
  approvedAt?: string;
  /** participantTransferred: the case that now holds the participant's place (R-VICTIM hand-off). */
  toCaseId?: string;
}
export const capacitySignals = {
  placeRequested: defineSignal<[CapacitySignalArgs]>('placeRequested'),
  participantEnrolled: defineSignal<[CapacitySignalArgs]>('participantEnrolled'),
  participantExited: defineSignal<[CapacitySignalArgs]>('participantExited'),
  placeReleased: defineSignal<[CapacitySignalArgs]>('placeReleased'),
  participantTransferred: defineSignal<[CapacitySignalArgs]>('participantTransferred'),
};
export type CapacitySignalName = keyof typeof capacitySignals;
export const capacityQuery = defineQuery<CapacityView>('capacity');

/** R-EVAL: the follow-ups of a person's outcomes after a diversion or a booking, in months. */
export const FOLLOW_UP_MONTHS = [6, 12, 24] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];
/** One follow-up workflow per case or booking (ids carry no personal data). */
export const followUpWorkflowId = (recordId: string) => `lead-follow-up-${recordId}`;
export interface FollowUpInput {
  /** The case (participant) or the booking (comparison pool). */
  recordId: string;
  agency: string;
  /** The diversion's or the booking's instant: the follow-ups fall due 6, 12 and 24 months after it. */
  startedAt: string;
  confirmWithinMs: number;
}
export interface FollowUpConfirmation {
  months: number;
  actor: { id: string; role: string };
}
/** The responsible partner confirms that the outcomes of one follow-up are recorded. */
export const confirmFollowUpUpdate = defineUpdate<{ months: number }, [FollowUpConfirmation]>('confirmFollowUp');
