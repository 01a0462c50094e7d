import type { CaseActionArgs, CaseActionName } from './actions';
import type { CaseState } from './case-state';
import { isTerminal, STAGES, type Stage } from '../shared/case-vocabulary';
import type { NewCaseEvent } from './case-events';
import type { Decision } from './rejections';

export type Decider<A extends CaseActionName> = (state: CaseState, args: CaseActionArgs<A>, now: number) => Decision;
export type Deciders<A extends CaseActionName> = { [K in A]: Decider<K> };

export const NOT_TERMINAL: readonly Stage[] = STAGES.filter((s) => !isTerminal(s));
/** Clock skew allowed between a device that reports a time and the service. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export const iso = (ms: number) => new Date(ms).toISOString();

type EventFields<E> = E extends unknown ? Omit<E, 'at' | 'actor' | 'requestId'> : never;

/** An event a person's action makes: its kind and data, stamped with the time, the actor and the request. */
export function event(args: CaseActionArgs, now: number, fields: EventFields<NewCaseEvent>): NewCaseEvent {
  return { ...fields, at: iso(now), actor: args.actor, ...(args.requestId ? { requestId: args.requestId } : {}) };
}

/** An instant plus calendar months (R-SC-REASSESS), clamped to the month's last day. */
export function addCalendarMonths(instant: string, months: number): string {
  const d = new Date(instant);
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + months,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString();
}
