import type { CaseView } from '../case/query-views';
import type { ArrestDiversionInput, SocialContactInput } from '../case/start-inputs';
import { applyEvents } from '../case/case-events';
import { viewOf } from '../case/case-view';
import { noticesOwed } from '../case/effects';
import { openArrestDiversion, openSocialContact } from '../case/open-case';

/**
 * The view a just-started case has, computed from its input with the workflow's own pure code.
 * The submission answers with it instead of querying the workflow, whose first task may wait behind
 * a busy worker: the officer's answer must not depend on how loaded the worker is. A referral without
 * a backdated `referredAt` runs its clocks from the workflow's start, normally within a second of `now`.
 */
export function initialViewOf(
  start:
    { type: 'arrestDiversion'; input: ArrestDiversionInput } | { type: 'socialContact'; input: SocialContactInput },
  now: number,
): CaseView {
  const opened =
    start.type === 'arrestDiversion' ? openArrestDiversion(start.input, now) : openSocialContact(start.input, now);
  const { state } = opened;
  applyEvents(state, [opened.first], (first) => state.notices.push(...noticesOwed(state, first)));
  return viewOf(state);
}
