import { AsyncLocalStorage } from 'node:async_hooks';

/** What a request's time is not otherwise attributed to: the stages always add up to the whole. */
export const OTHER_STAGE = 'other';

/** One stage's time within one request, the part of it some query of the request was in flight, and its queries. */
export interface StageTime {
  stage: string;
  ms: number;
  databaseMs: number;
  queries: number;
}

/**
 * Splits one request's time into named stages, one after another: at any moment the time counts to
 * exactly one stage (`other` until a stage is entered), so the stages add up to the request's time.
 * Stages of one request run one after another; a stage entered inside another hands the time back to
 * it when it ends. The database share is wall time with at least one query in flight, counted to the
 * stage that was current when the first of them began.
 */
export class StageClock {
  private readonly totals = new Map<string, { ms: number; databaseMs: number; queries: number }>();
  private current = OTHER_STAGE;
  private since: number;
  private queriesInFlight = 0;
  private databaseSince = 0;
  private databaseStage = OTHER_STAGE;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.since = now();
  }

  /** From now on the time counts to `stage`; returns the stage it counted to until now. */
  enter(stage: string): string {
    const at = this.now();
    this.totalOf(this.current).ms += at - this.since;
    this.since = at;
    const previous = this.current;
    this.current = stage;
    return previous;
  }

  /** Runs `work` as `stage`, inside this clock (so the code it calls times itself here), then returns to the stage before. */
  time<T>(stage: string, work: () => T): T {
    const previous = this.enter(stage);
    const back = () => void this.enter(previous);
    let result: T;
    try {
      result = this.run(work);
    } catch (err) {
      back();
      throw err;
    }
    if (!isThenable(result)) {
      back();
      return result;
    }
    // The same outcome, once the stage has handed the time back.
    return Promise.resolve(result).finally(back) as unknown as T;
  }

  /** Runs `work` inside this clock without changing the stage. */
  run<T>(work: () => T): T {
    return current.run(this, work);
  }

  queryStarted(): void {
    this.totalOf(this.current).queries++;
    if (this.queriesInFlight++ > 0) return;
    this.databaseSince = this.now();
    this.databaseStage = this.current;
  }

  queryEnded(): void {
    if (--this.queriesInFlight > 0) return;
    this.totalOf(this.databaseStage).databaseMs += this.now() - this.databaseSince;
  }

  /** The stages so far in the order they were first entered, `other` last; the current one counted up to now. */
  stages(): StageTime[] {
    this.enter(this.current);
    const entries = [...this.totals].map(([stage, t]) => ({ stage, ...t }));
    return [...entries.filter((e) => e.stage !== OTHER_STAGE), ...entries.filter((e) => e.stage === OTHER_STAGE)];
  }

  private totalOf(stage: string) {
    let total = this.totals.get(stage);
    if (!total) this.totals.set(stage, (total = { ms: 0, databaseMs: 0, queries: 0 }));
    return total;
  }
}

const current = new AsyncLocalStorage<StageClock>();

/** The clock of the request this code runs for, if it is timed. */
export const currentStageClock = (): StageClock | undefined => current.getStore();

/**
 * Runs `work` as a named stage of the current request (`eligibility`, `record_referral`); outside a
 * timed request it just runs it. Stage names are fixed words: never data of the request.
 */
export function stage<T>(name: string, work: () => T): T {
  const clock = current.getStore();
  return clock ? clock.time(name, work) : work();
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
