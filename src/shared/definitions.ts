import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseActionArgs, CaseActionName } from './case-actions';
import type { CaseView } from './case-model';

/**
 * The contract between the API, the worker and the workflows: task queue, updates and queries.
 * Case actions are Updates (the caller must know the action was accepted; a validator refuses it
 * otherwise without touching history); reads are Queries.
 */
export const TASK_QUEUE = 'lead-referrals';

export const caseStateQuery = defineQuery<CaseView>('caseState');

type ActionUpdates = { [A in CaseActionName]: ReturnType<typeof defineUpdate<CaseView, [CaseActionArgs<A>]>> };

export const caseActionUpdates: ActionUpdates = {
  recordScreening: defineUpdate('recordScreening'),
  recordLeftBeforeScreening: defineUpdate('recordLeftBeforeScreening'),
  recordConsent: defineUpdate('recordConsent'),
  rescindConsent: defineUpdate('rescindConsent'),
  recordIntake: defineUpdate('recordIntake'),
  extendIntakeDeadline: defineUpdate('extendIntakeDeadline'),
  reportReturnToScene: defineUpdate('reportReturnToScene'),
  recordVictimObjection: defineUpdate('recordVictimObjection'),
  recordFilingDecision: defineUpdate('recordFilingDecision'),
  recordExit: defineUpdate('recordExit'),
};
