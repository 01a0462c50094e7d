import { condition } from '@temporalio/workflow';
import { isTerminal } from '../src/shared/case-vocabulary';
import { missedIntakeNoticesSent } from '../src/case/effects';
import { officesOwingVictimDecision } from '../src/case/filing';
import { systemEvent, type CaseRuntime } from './case-runtime';

/**
 * The protocol's clocks, one coroutine per rule. Each works from the case state alone, so a run that
 * continued as new (or a replay) resumes every clock where it stands.
 */

/** Milliseconds until an instant, at least 1 (a zero timeout would mean "no timeout"). */
const msUntil = (instant: string | number) =>
  Math.max(1, (typeof instant === 'number' ? instant : Date.parse(instant)) - Date.now());

/** R-SCREEN (Decision): no screening recorded 4 h after case management was called → stuck. */
export async function screeningOverdueRule(runtime: CaseRuntime): Promise<void> {
  const s = runtime.state;
  await condition(() => s.stage === 'AWAITING_SCREENING' || isTerminal(s.stage));
  if (s.stage !== 'AWAITING_SCREENING' || s.stuck.some((f) => f.reason === 'SCREENING_OVERDUE')) return;
  const moved = await condition(() => s.stage !== 'AWAITING_SCREENING', msUntil(s.screeningDueAt!));
  if (!moved) runtime.commit([systemEvent('SCREENING_OVERDUE', 'R-SCREEN')], 'clock');
}

/**
 * R-SCENE: the scene exclusion window closes (a return is judged by when it was observed). A case
 * waiting for the DOC NCI team has no window until they refer (R-EL-WARRANT); a booked one never has one.
 */
export async function sceneWindowRule(runtime: CaseRuntime): Promise<void> {
  const s = runtime.state;
  // Only a case whose window is not set yet waits for it: the others start their timer at once, as they always did.
  if (s.sceneWindowEndsAt === undefined)
    await condition(() => s.sceneWindowEndsAt !== undefined || isTerminal(s.stage));
  if (!s.sceneWindowEndsAt || s.sceneWindowEnded) return;
  if (await condition(() => isTerminal(s.stage), msUntil(s.sceneWindowEndsAt))) return;
  runtime.commit([systemEvent('SCENE_WINDOW_ENDED', 'R-SCENE')], 'clock');
}

/** R-VICTIM: the victim's one-week objection window closes (for a DOC NCI referral, from the referral to LEAD). */
export async function victimObjectionWindowRule(runtime: CaseRuntime): Promise<void> {
  const s = runtime.state;
  if (s.victimObjectionDueAt === undefined)
    await condition(() => s.victimObjectionDueAt !== undefined || isTerminal(s.stage));
  if (!s.victimObjectionDueAt || s.victimObjectionWindowEnded) return;
  if (await condition(() => isTerminal(s.stage), msUntil(s.victimObjectionDueAt))) return;
  runtime.commit([systemEvent('VICTIM_OBJECTION_WINDOW_ENDED', 'R-VICTIM')], 'clock');
}

/**
 * R-INTAKE / R-MISSED: intake and consent complete by the deadline (which an extension moves), or the
 * prosecutor with jurisdiction and the sergeant are told at the deadline. The deadline of an accepted
 * override counts from the acceptance (R-EL-OVERRIDE), of a DOC NCI referral from the referral
 * (R-EL-WARRANT): until then there is none to wait for.
 */
export async function intakeDeadlineRule(runtime: CaseRuntime): Promise<void> {
  const s = runtime.state;
  if (s.intakeDueAt === undefined) await condition(() => s.intakeDueAt !== undefined || isTerminal(s.stage));
  if (!s.intakeDueAt) return;
  await condition(() => s.stage !== 'OVERRIDE_REQUESTED');
  const open = () => s.stage === 'AWAITING_SCREENING' || s.stage === 'AWAITING_INTAKE';
  while (open()) {
    const dueAt: string = s.intakeDueAt;
    await condition(() => !open() || s.intakeDueAt !== dueAt, msUntil(dueAt));
    if (open() && s.intakeDueAt === dueAt) {
      runtime.commit([systemEvent('INTAKE_DEADLINE_MISSED', 'R-MISSED', { dueAt })], 'clock');
    }
  }
  if (s.intakeMissedAt) await missedNoticeConfirmationRule(runtime);
}

/** R-MISSED (Decision): the prosecutor's notice not confirmed sent within 7 days → stuck. */
async function missedNoticeConfirmationRule(runtime: CaseRuntime): Promise<void> {
  const s = runtime.state;
  const sent = () => missedIntakeNoticesSent(s);
  if (sent() || s.stuck.some((f) => f.reason === 'MISSED_NOTICE_UNCONFIRMED')) return;
  const confirmBy = Date.parse(s.intakeMissedAt!) + s.policy.missedNoticeConfirmWithinMs;
  if (!(await condition(sent, msUntil(confirmBy)))) {
    runtime.commit([systemEvent('MISSED_NOTICE_UNCONFIRMED', 'R-MISSED')], 'clock');
  }
}

/** R-SC-APPROVAL (Decision): unreviewed after 7 days → stuck, and the sergeants are reminded. */
export async function approvalOverdueRule(runtime: CaseRuntime): Promise<void> {
  const s = runtime.state;
  if (!s.approvalDueAt || s.stage !== 'AWAITING_APPROVAL' || s.stuck.some((f) => f.reason === 'APPROVAL_OVERDUE'))
    return;
  const reviewed = await condition(() => s.stage !== 'AWAITING_APPROVAL', msUntil(s.approvalDueAt));
  if (!reviewed) runtime.commit([systemEvent('APPROVAL_OVERDUE', 'R-SC-APPROVAL')], 'clock');
}

/**
 * R-SC-REASSESS: an approval is good for six months; a person not enrolled by then is due for
 * re-assessment (sergeant and PDA told) until it is renewed — which starts the next period — or closed.
 */
export async function reassessmentRule(runtime: CaseRuntime): Promise<void> {
  const s = runtime.state;
  const settledForGood = () => isTerminal(s.stage) || s.enrolledAt !== undefined;
  for (;;) {
    await condition(() => settledForGood() || s.approvalValidUntil !== undefined);
    if (settledForGood()) return;
    if (s.reassessmentDue) {
      await condition(() => settledForGood() || !s.reassessmentDue);
      continue;
    }
    const validUntil = s.approvalValidUntil!;
    await condition(() => settledForGood() || s.approvalValidUntil !== validUntil, msUntil(validUntil));
    if (settledForGood()) return;
    if (s.approvalValidUntil === validUntil)
      runtime.commit([systemEvent('REASSESSMENT_DUE', 'R-SC-REASSESS', { validUntil })], 'clock');
  }
}

/**
 * R-EL-OVERRIDE (Decision): an override request unreviewed after 24 hours is stuck and the sergeants
 * are reminded.
 */
export async function overrideOverdueRule(runtime: CaseRuntime): Promise<void> {
  const s = runtime.state;
  // R-EL-WARRANT (Decision 2026-12-02): behind a DOC NCI review, the review's clock starts when NCI refers.
  if (s.override && !s.override.decision && s.stage === 'AWAITING_NCI_DECISION')
    await condition(() => s.stage !== 'AWAITING_NCI_DECISION');
  if (s.stage !== 'OVERRIDE_REQUESTED' || !s.overrideDueAt || s.stuck.some((f) => f.reason === 'OVERRIDE_OVERDUE'))
    return;
  const reviewed = await condition(() => s.stage !== 'OVERRIDE_REQUESTED', msUntil(s.overrideDueAt));
  if (!reviewed) runtime.commit([systemEvent('OVERRIDE_OVERDUE', 'R-EL-OVERRIDE')], 'clock');
}

/** R-EL-WARRANT (Decision): a DOC NCI referral undecided after 24 hours is stuck and the NCI team reminded. */
export async function nciDecisionOverdueRule(runtime: CaseRuntime): Promise<void> {
  const s = runtime.state;
  if (s.stage !== 'AWAITING_NCI_DECISION' || !s.nci || s.stuck.some((f) => f.reason === 'NCI_DECISION_OVERDUE')) return;
  const decided = await condition(() => s.stage !== 'AWAITING_NCI_DECISION', msUntil(s.nci.dueAt));
  if (!decided) runtime.commit([systemEvent('NCI_DECISION_OVERDUE', 'R-EL-WARRANT')], 'clock');
}

/**
 * R-VICTIM (Decision 2026-12-02): after an objection each office's filing decision is due in 14 days;
 * undecided by then, the case is stuck and the offices that still owe it are reminded.
 */
export async function victimFilingDecisionRule(runtime: CaseRuntime): Promise<void> {
  const s = runtime.state;
  await condition(() => s.victimFilingDueAt !== undefined || isTerminal(s.stage));
  const owed = () => officesOwingVictimDecision(s).length > 0;
  if (!s.victimFilingDueAt || !owed() || s.stuck.some((f) => f.reason === 'VICTIM_FILING_DECISION_OVERDUE')) return;
  if (await condition(() => !owed(), msUntil(s.victimFilingDueAt))) return;
  runtime.commit([systemEvent('VICTIM_FILING_DECISION_OVERDUE', 'R-VICTIM')], 'clock');
}
