import type { Actor } from '../shared/roles';
import type { RuleId } from '../shared/rules';
import type { CaseEventData } from './case-event-data';

interface CaseEventBase {
  seq: number;
  ruleId: RuleId;
  at: string;
  actor: Actor;
  /** The API request that caused it (absent for the service's own events). */
  requestId?: string;
}

export type CaseEventType = keyof CaseEventData;

/** One kind of case event, with the data that kind carries (none where its data type is `undefined`). */
export type CaseEventOf<T extends CaseEventType> = CaseEventBase & { type: T } & (undefined extends CaseEventData[T]
    ? { data?: CaseEventData[T] }
    : { data: CaseEventData[T] });

/** A case event: a union discriminated by `type` (`evolve` checks it exhaustively). */
export type CaseEvent = { [T in CaseEventType]: CaseEventOf<T> }[CaseEventType];
