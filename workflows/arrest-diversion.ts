import type { UpdateDefinition } from '@temporalio/common';
import { allHandlersFinished, condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { actorSchema, CASE_ACTION_NAMES, caseActionSchemas, type CaseActionArgs, type CaseActionName } from '../src/shared/case-actions';
import { isTerminal, type ArrestDiversionInput, type CaseState, type CaseView, type Outcome, type Stage } from '../src/shared/case-model';
import { caseActionUpdates, caseStateQuery } from '../src/shared/definitions';
import { viewOf } from './case/case-view';
import { decide } from './case/decisions';
import { isMissedIntakeNoticeToProsecutor } from './case/notices';
import { openArrestDiversion } from './case/open-case';
import { rejectField } from './case/rejections';
import { CaseRuntime, systemEvent } from './case-runtime';

export interface CaseResult {
  referralId: string;
  stage: Stage;
  outcome?: Outcome;
}

/** Milliseconds until an instant, at least 1 (a zero timeout would mean "no timeout"). */
const msUntil = (instant: string | number) => Math.max(1, (typeof instant === 'number' ? instant : Date.parse(instant)) - Date.now());

/**
 * One arrest diversion (PROTOCOL.md "Arrest diversion: the process"), from the officer's referral
 * to enrollment, exit or the prosecutor's decision. The workflow id is the referral id.
 */
export async function arrestDiversion(input: ArrestDiversionInput): Promise<CaseResult> {
  const opened = input.resume ? undefined : openArrestDiversion(input, Date.now());
  const state: CaseState = input.resume ?? opened!.state;
  const runtime = new CaseRuntime(state);
  const seqAtRunStart = state.seq;

  setHandler(caseStateQuery, () => viewOf(state));
  for (const action of CASE_ACTION_NAMES) registerAction(runtime, action);

  if (opened) runtime.commit([opened.first]);
  else runtime.redeliverPending();
  void runtime.projectForever();
  void screeningOverdueRule(runtime);
  void sceneWindowRule(runtime);
  void victimObjectionWindowRule(runtime);
  void intakeDeadlineRule(runtime);

  const wantsNewRun = () =>
    state.seq - seqAtRunStart >= state.policy.continueAsNewAfterEvents || workflowInfo().continueAsNewSuggested;
  await condition(() => isTerminal(state.stage) || wantsNewRun());
  await condition(() => runtime.settled() && allHandlersFinished());
  if (!isTerminal(state.stage)) {
    return continueAsNew<typeof arrestDiversion>({ ...input, resume: state });
  }
  return { referralId: state.referralId, stage: state.stage, outcome: state.outcome };
}

function parseArgs<A extends CaseActionName>(action: A, raw: unknown): CaseActionArgs<A> {
  const args = (raw ?? {}) as { actor?: unknown; input?: unknown };
  const actor = actorSchema.safeParse(args.actor);
  if (!actor.success) rejectField('actor', actor.error.issues.map((i) => i.message).join('; '));
  const input = caseActionSchemas[action].safeParse(args.input ?? {});
  if (!input.success) {
    const issue = input.error.issues[0];
    rejectField(issue.path.join('.') || 'body', issue.message);
  }
  return { actor: actor.data, input: input.data } as CaseActionArgs<A>;
}

function registerAction<A extends CaseActionName>(runtime: CaseRuntime, action: A): void {
  // Arguments arrive unchecked from any client: the handler parses them with the action's schema.
  const update = caseActionUpdates[action] as unknown as UpdateDefinition<CaseView, [unknown]>;
  setHandler(
    update,
    (raw: unknown) => {
      runtime.commit(decide(action, runtime.state, parseArgs(action, raw), Date.now()));
      return viewOf(runtime.state);
    },
    { validator: (raw: unknown) => void decide(action, runtime.state, parseArgs(action, raw), Date.now()) },
  );
}

/** R-SCREEN (Decision): no screening recorded 4 h after the call → the case is stuck. */
async function screeningOverdueRule(runtime: CaseRuntime): Promise<void> {
  const s = runtime.state;
  if (s.stage !== 'AWAITING_SCREENING' || s.stuck.some((f) => f.reason === 'SCREENING_OVERDUE')) return;
  const moved = await condition(() => s.stage !== 'AWAITING_SCREENING', msUntil(s.screeningDueAt));
  if (!moved) runtime.commit([systemEvent('SCREENING_OVERDUE', 'R-SCREEN')]);
}

/** R-SCENE: the scene exclusion window closes (a return is judged by when it was observed). */
async function sceneWindowRule(runtime: CaseRuntime): Promise<void> {
  const s = runtime.state;
  if (s.sceneWindowEnded) return;
  if (await condition(() => isTerminal(s.stage), msUntil(s.sceneWindowEndsAt))) return;
  runtime.commit([systemEvent('SCENE_WINDOW_ENDED', 'R-SCENE')]);
}

/** R-VICTIM: the victim's one-week objection window closes. */
async function victimObjectionWindowRule(runtime: CaseRuntime): Promise<void> {
  const s = runtime.state;
  if (!s.victimObjectionDueAt || s.victimObjectionWindowEnded) return;
  if (await condition(() => isTerminal(s.stage), msUntil(s.victimObjectionDueAt))) return;
  runtime.commit([systemEvent('VICTIM_OBJECTION_WINDOW_ENDED', 'R-VICTIM')]);
}

/**
 * R-INTAKE / R-MISSED: intake and consent complete by the deadline (which an extension moves), or the
 * prosecutor with jurisdiction and the sergeant are told at the deadline.
 */
async function intakeDeadlineRule(runtime: CaseRuntime): Promise<void> {
  const s = runtime.state;
  const open = () => s.stage === 'AWAITING_SCREENING' || s.stage === 'AWAITING_INTAKE';
  while (open()) {
    const dueAt = s.intakeDueAt;
    await condition(() => !open() || s.intakeDueAt !== dueAt, msUntil(dueAt));
    if (open() && s.intakeDueAt === dueAt) {
      runtime.commit([systemEvent('INTAKE_DEADLINE_MISSED', 'R-MISSED', { dueAt })]);
    }
  }
  if (s.intakeMissedAt) await missedNoticeConfirmationRule(runtime);
}

/** R-MISSED (Decision): the prosecutor's notice not confirmed sent within 7 days → the case is stuck. */
async function missedNoticeConfirmationRule(runtime: CaseRuntime): Promise<void> {
  const s = runtime.state;
  const sent = () => s.notices.find(isMissedIntakeNoticeToProsecutor)?.status === 'SENT';
  if (sent() || s.stuck.some((f) => f.reason === 'MISSED_NOTICE_UNCONFIRMED')) return;
  const confirmBy = Date.parse(s.intakeMissedAt!) + s.policy.missedNoticeConfirmWithinMs;
  if (!(await condition(sent, msUntil(confirmBy)))) {
    runtime.commit([systemEvent('MISSED_NOTICE_UNCONFIRMED', 'R-MISSED')]);
  }
}
