import { CancellationScope, condition, isCancellation, patched, upsertSearchAttributes } from '@temporalio/workflow';
import { PATCHES } from './patches';
import type { OrderedEffect } from '../src/case/effects';
import type { CaseProgress, NoticeReceipt, NoticeRequest } from '../src/contract/activity-contract';
import type { CaseEventType } from '../src/case/case-event-types';
import type { CaseState } from '../src/case/case-state';
import type { NoticeRecord } from '../src/case/notices';
import type { CarriedParticipation } from '../src/case/start-inputs';
import type { CaseEventData } from '../src/case/case-event-data';
import type { DeadlineView } from '../src/case/query-views';
import { SYSTEM_ACTOR } from '../src/shared/roles';
import { searchAttributesOf } from '../src/contract/search-attributes';
import type { RuleId } from '../src/shared/rules';
import { applyEvents, type NewCaseEvent } from '../src/case/case-events';
import { deadlinesOf, nextDeadlineOf } from '../src/case/case-view';
import { noticesOwed, orderedEffectsOwed } from '../src/case/effects';
import {
  openLinkedSocialContact,
  recordCaseProgressLocally,
  sendNotices,
  sendNoticesInTask,
  sendNoticesOnceInTask,
  signalCapacity,
} from './activity-options';
import { OneLocalActivityAtATime } from './one-local-activity-at-a-time';

/**
 * What made an event: a person's action (or a step that follows one), one of the case's clocks, or the
 * case's opening. Only an action has someone waiting on its workflow task (the update's caller).
 */
export type Cause = 'action' | 'clock' | 'opening';

/**
 * R-VICTIM (Decision): what a social contact continuing this handed-off diversion keeps — the stage the
 * person had reached, their consent, IIP and services. A case handed off from any other stage (no
 * `continuesFrom` on its hand-off) opens the social contact anew, awaiting approval.
 */
function carriedParticipationOf(state: CaseState): { carriedOver?: CarriedParticipation } {
  const from = state.handOff?.continuesFrom as CarriedParticipation['stage'] | undefined;
  if (!from) return {};
  return {
    carriedOver: {
      stage: from,
      screeningDueAt: state.screeningDueAt,
      screenedAt: state.screenedAt,
      intakeScheduledFor: state.intakeScheduledFor,
      consent: state.consent,
      intakeCompletedAt: state.intakeCompletedAt,
      enrolledAt: state.enrolledAt,
      iip: state.iip,
      // In force only; the whole record is read from both cases' events (servicesRecord).
      servicesWithdrawn: state.servicesWithdrawn,
    },
  };
}

/**
 * The deadlines as the database keeps them, one row per rule: the last of a rule's deadlines wins (R-VICTIM's
 * filing decisions after its objection window).
 */
const deadlineRowsOf = (deadlines: DeadlineView[]) => new Map(deadlines.map((d) => [d.ruleId, d]));

/** An event the service itself makes (a clock, a delivery), with the data its kind carries. */
export function systemEvent<T extends CaseEventType>(
  type: T,
  ruleId: RuleId,
  ...[data]: undefined extends CaseEventData[T] ? [data?: CaseEventData[T]] : [data: CaseEventData[T]]
): NewCaseEvent {
  // TypeScript cannot relate a generic kind to its member of the union; the signature above does.
  return { type, ruleId, at: new Date(Date.now()).toISOString(), actor: SYSTEM_ACTOR, data } as NewCaseEvent;
}

/**
 * Runs one case inside its workflow: numbers and applies events, delivers the notices they make owed
 * (each independently), performs the ordered steps they owe (one after the other), and keeps the
 * database projection up to date.
 */
export class CaseRuntime {
  private deliveries = 0;
  private readonly ordered: OrderedEffect[] = [];
  /** The search attributes as last upserted: an upsert carries only those that changed. */
  private readonly upserted = new Map<string, string>();
  /** Each deadline as last projected: a projection carries only those that changed. */
  private readonly projectedDeadlines = new Map<string, string>();
  private fail!: (reason: unknown) => void;
  /**
   * Rejects with the first failure of a coroutine the case started without awaiting it where it
   * started (projection, ordered steps, deliveries, rule clocks): the case's main path races it, so no
   * failure goes unhandled and none leaves the case waiting forever.
   */
  readonly failure = new Promise<never>((_, reject) => (this.fail = reject));
  /** Unset for a case started before PATCHES.oneLocalActivity: it replays its local activities side by side. */
  private readonly localActivities = patched(PATCHES.oneLocalActivity) ? new OneLocalActivityAtATime() : undefined;

  constructor(readonly state: CaseState) {
    // Observed here so a failure after the main path has ended is not an unhandled rejection.
    this.failure.catch(() => undefined);
  }

  /**
   * Owns a coroutine: it runs on, and its failure is the case's (see `failure`). A step cancelled while
   * nobody cancelled the case — a local activity whose worker died mid-task, seen in the production-stack
   * kill test — must not end the case: it is raised as an ordinary error, which fails the workflow task
   * only, and the retried task runs the step again.
   */
  own(task: Promise<unknown>): void {
    task.catch((err: unknown) =>
      this.fail(
        isCancellation(err) && !CancellationScope.current().consideredCancelled
          ? new Error(`A step of case ${this.state.referralId} was cancelled; the workflow task is retried`)
          : err,
      ),
    );
  }

  commit(events: NewCaseEvent[], cause: Cause = 'action'): void {
    applyEvents(this.state, events, (event) => {
      const owed = noticesOwed(this.state, event);
      this.state.notices.push(...owed);
      this.deliver(owed, cause);
      this.ordered.push(...orderedEffectsOwed(this.state, event));
    });
    this.syncSearchAttributes();
  }

  /** Keeps the case's search attributes (stage, deadlines, stuck flags) current for the Web UI. */
  syncSearchAttributes(): void {
    const pairs = searchAttributesOf(this.state, nextDeadlineOf(deadlinesOf(this.state)), patched(PATCHES.leadProgram));
    const changed = pairs.filter((pair) => this.upserted.get(pair.key.name) !== JSON.stringify(pair.value));
    if (changed.length === 0) return;
    for (const pair of changed) this.upserted.set(pair.key.name, JSON.stringify(pair.value));
    // Only what changed: Core compares upserts on replay.
    upsertSearchAttributes(changed);
  }

  /** Notices still owed when this run started (a run continued as new carries none; kept for safety). */
  redeliverPending(): void {
    this.deliver(this.state.notices.filter((n) => n.status === 'PENDING'));
  }

  /** All notices delivered, every ordered step done and every event projected to the database. */
  settled(): boolean {
    return this.deliveries === 0 && this.ordered.length === 0 && this.state.projectedSeq === this.state.seq;
  }

  start(): void {
    this.own(this.projectForever());
    this.own(this.performOrderedForever());
  }

  private async projectForever(): Promise<never> {
    for (;;) {
      await condition(() => this.state.projectedSeq < this.state.seq);
      const progress = this.localActivities
        ? await this.localActivities.run(() => this.recordProgress())
        : await this.recordProgress();
      this.state.projectedSeq = progress.seq;
      for (const d of progress.deadlinesChanged) this.projectedDeadlines.set(d.ruleId, JSON.stringify(d));
      // Projected: the database keeps them (and serves the case's history); the state need not.
      this.state.events = this.state.events.filter((e) => e.seq > progress.seq);
    }
  }

  private async performOrderedForever(): Promise<never> {
    for (;;) {
      await condition(() => this.ordered.length > 0);
      const effect = this.ordered[0];
      if (effect.kind === 'capacity') {
        const toCaseId =
          effect.signal === 'participantTransferred' ? this.state.handOff?.socialContactReferralId : undefined;
        await signalCapacity({
          signal: effect.signal,
          caseId: this.state.referralId,
          approvedAt: effect.approvedAt,
          ...(toCaseId ? { toCaseId } : {}),
        });
      } else {
        const { socialContactReferralId } = await openLinkedSocialContact({
          fromReferralId: this.state.referralId,
          agency: this.state.agency,
          ...carriedParticipationOf(this.state),
        });
        this.commit([systemEvent('LINKED_SOCIAL_CONTACT_OPENED', 'R-VICTIM', { socialContactReferralId })]);
      }
      this.ordered.shift();
    }
  }

  /** The events not yet projected, written to the database (read when it starts, after any wait). */
  private async recordProgress(): Promise<CaseProgress> {
    const progress = this.progress();
    await recordCaseProgressLocally(progress);
    return progress;
  }

  private progress(): CaseProgress {
    const s = this.state;
    const deadlines = deadlinesOf(s);
    return {
      referralId: s.referralId,
      seq: s.seq,
      referredAt: s.referredAt,
      stage: s.stage,
      outcome: s.outcome,
      stuckReasons: s.stuck.map((f) => f.reason),
      nextDeadline: nextDeadlineOf(deadlines),
      deadlinesChanged: [...deadlineRowsOf(deadlines).values()].filter(
        (d) => this.projectedDeadlines.get(d.ruleId) !== JSON.stringify(d),
      ),
      events: s.events.filter((e) => e.seq > s.projectedSeq),
    };
  }

  private deliver(notices: NoticeRecord[], cause: Cause = 'action'): void {
    if (notices.length === 0) return;
    const requests = notices.map((n) => this.noticeRequest(n));
    const sent = (receipts: Array<{ sentAt: string }>) =>
      this.commit(
        notices.map((n, i) => systemEvent('NOTICE_SENT', n.ruleId, { noticeId: n.id, sentAt: receipts[i].sentAt })),
      );
    this.deliveries += notices.length;
    this.own(
      this.send(requests, cause)
        .then(sent)
        .finally(() => (this.deliveries -= notices.length)),
    );
  }

  /**
   * An action's notices go to an activity, so its answer never waits on SMTP. A clock's or the opening's
   * are tried once inside the task (one local activity at a time), then owed to that activity, which
   * retries until delivered (R-MISSED).
   */
  private send(requests: NoticeRequest[], cause: Cause): Promise<NoticeReceipt[]> {
    if (cause === 'action') return sendNotices(requests);
    if (!this.localActivities) return sendNoticesInTask(requests);
    return this.localActivities
      .run(() => sendNoticesOnceInTask(requests))
      .catch((err: unknown) => {
        // A local activity's failure arrives unwrapped (no ActivityFailure around it): any but a cancellation.
        if (isCancellation(err)) throw err;
        return sendNotices(requests);
      });
  }

  private noticeRequest(notice: NoticeRecord): NoticeRequest {
    const s = this.state;
    return {
      noticeId: notice.id,
      referralId: s.referralId,
      kind: notice.kind,
      ruleId: notice.ruleId,
      recipient: notice.recipient,
      facts: {
        stage: s.stage,
        ...(notice.kind === 'CLOSED_BY_FILING_DECISION' ? { outcome: s.outcome } : {}),
        type: s.type,
        office: s.prosecutorOffice,
        deadline: s.intakeDueAt
          ? { ruleId: 'R-INTAKE', dueAt: s.intakeDueAt }
          : s.approvalValidUntil
            ? { ruleId: 'R-SC-REASSESS', dueAt: s.approvalValidUntil }
            : undefined,
      },
    };
  }
}
