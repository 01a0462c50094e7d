import type { CaseActionArgs, CaseActionName } from './actions';
import type { CaseState } from './case-state';
import { arrestDeciders } from './arrest-decisions';
import type { Decision } from './rejections';
import type { Decider, Deciders } from './decision-helpers';
import { intakeDeciders } from './intake-decisions';
import { socialDeciders } from './social-decisions';

/**
 * What each case action means, as pure functions of (state, action, now): the events it produces, or
 * a refusal naming the rule (a Decision: nothing is thrown). The update validator runs them without applying anything, so a refused
 * action leaves the workflow untouched; the handler runs them again and applies the events.
 */
export const deciders: Deciders<CaseActionName> = { ...intakeDeciders, ...arrestDeciders, ...socialDeciders };

export function decide<A extends CaseActionName>(
  action: A,
  state: CaseState,
  args: CaseActionArgs<A>,
  now: number,
): Decision {
  return (deciders[action] as Decider<A>)(state, args, now);
}
