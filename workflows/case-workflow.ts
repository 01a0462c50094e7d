import type { UpdateDefinition } from '@temporalio/common';
import { allHandlersFinished, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ZodType } from 'zod';
import type { CaseActionArgs, CaseActionName } from '../src/case/actions';
// Preloaded with zod once per worker and shared by every cached workflow (PRELOADED_MODULES in
// src/temporal/module-paths.ts): this import costs no memory per case.
import { actorInput, inputOf } from '../src/case/actions/inputs';
import type { CaseState } from '../src/case/case-state';
import { isTerminal } from '../src/shared/case-vocabulary';
import type { CaseResult } from '../src/contract/workflow-contract';
import {
  caseActionUpdate,
  caseStateQuery,
  coordinationAlertSignal,
  type ActionAccepted,
} from '../src/contract/definitions';
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextAt } from '../src/shared/storable-text';
import type { NewCaseEvent } from '../src/case/case-events';
import { viewOf } from '../src/case/case-view';
import { decide, deciders } from '../src/case/decisions';
import { fieldRefusal, type Refusal } from '../src/case/rejections';
import { acceptedOrFail } from './case-action-failure';
import { CaseRuntime, systemEvent } from './case-runtime';

export type CaseRule = (runtime: CaseRuntime) => Promise<void>;

/**
 * What every referral workflow does: answer the state query, accept or refuse case actions (updates
 * with validators), run its rules' clocks, and end when the case is closed — after every notice is
 * delivered and every event projected — or hand a long-lived case on to a fresh run.
 */
export async function runCase(
  opened: { state: CaseState; first?: NewCaseEvent },
  rules: CaseRule[],
  setup?: (runtime: CaseRuntime) => void,
): Promise<{ result: CaseResult } | { continueWith: CaseState }> {
  const { state } = opened;
  const runtime = new CaseRuntime(state);
  const seqAtRunStart = state.seq;

  setHandler(caseStateQuery, () => viewOf(state));
  // R-COORD: only a current participant's case manager is alerted, once per arrest, booking or referral.
  setHandler(coordinationAlertSignal, (alert) => {
    if (state.stage !== 'ENROLLED' || state.coordinationAlerts?.includes(alert.sourceId)) return;
    runtime.commit([systemEvent('COORDINATION_ALERT', 'R-COORD', { source: alert.source, sourceId: alert.sourceId })]);
  });
  // Every declared action has its decider (the compiler holds them to the same names): register by them.
  for (const action of Object.keys(deciders) as CaseActionName[]) registerAction(runtime, action);
  setup?.(runtime);

  // The referral's answer never waits on this task (the API builds the new case's view itself), so
  // its notices are sent inside it, as a clock's are: a new case costs the server one workflow task.
  if (opened.first) runtime.commit([opened.first], 'opening');
  else {
    runtime.syncSearchAttributes();
    runtime.redeliverPending();
  }
  runtime.start();
  for (const rule of rules) runtime.own(rule(runtime));

  const wantsNewRun = () =>
    state.seq - seqAtRunStart >= state.policy.continueAsNewAfterEvents || workflowInfo().continueAsNewSuggested;
  const ended = async () => {
    await condition(() => isTerminal(state.stage) || wantsNewRun());
    await condition(() => runtime.settled() && allHandlersFinished());
  };
  await Promise.race([ended(), runtime.failure]);
  if (!isTerminal(state.stage)) return { continueWith: state };
  return { result: { referralId: state.referralId, stage: state.stage, outcome: state.outcome } };
}

/** The action's arguments, checked; a refusal names the field. */
function parseArgs<A extends CaseActionName>(action: A, raw: unknown): { ok: true; args: CaseActionArgs<A> } | Refusal {
  const args = (raw ?? {}) as { actor?: unknown; input?: unknown; requestId?: unknown; bodyHash?: unknown };
  const unstorable = unstorableTextAt(args.input);
  if (unstorable !== undefined) return fieldRefusal(unstorable, UNSTORABLE_TEXT_MESSAGE);
  const actor = actorInput().safeParse(args.actor);
  if (!actor.success) return fieldRefusal('actor', actor.error.issues.map((i) => i.message).join('; '));
  const input = (inputOf(action) as ZodType).safeParse(args.input ?? {});
  if (!input.success) {
    const issue = input.error.issues[0];
    return fieldRefusal(issue.path.join('.') || 'body', issue.message);
  }
  const requestId = typeof args.requestId === 'string' && args.requestId.length <= 100 ? args.requestId : undefined;
  const bodyHash = typeof args.bodyHash === 'string' && args.bodyHash.length <= 100 ? args.bodyHash : undefined;
  return { ok: true, args: { actor: actor.data, input: input.data, requestId, bodyHash } as CaseActionArgs<A> };
}

function registerAction<A extends CaseActionName>(runtime: CaseRuntime, action: A): void {
  // Arguments arrive unchecked from any client: the handler parses them with the action's schema.
  const update = caseActionUpdate(action) as unknown as UpdateDefinition<ActionAccepted, [unknown]>;
  setHandler(
    update,
    (raw: unknown) => {
      const { args } = acceptedOrFail(parseArgs(action, raw));
      runtime.commit(acceptedOrFail(decide(action, runtime.state, args, Date.now())).events);
      return {
        seq: runtime.state.seq,
        stage: runtime.state.stage,
        ...(args.bodyHash ? { bodyHash: args.bodyHash } : {}),
      };
    },
    {
      validator: (raw: unknown) =>
        void acceptedOrFail(decide(action, runtime.state, acceptedOrFail(parseArgs(action, raw)).args, Date.now())),
    },
  );
}
