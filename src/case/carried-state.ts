import type { CaseState } from '../shared/case-model';
import { isMissedIntakeNoticeToProsecutor } from './effects';

/**
 * A state an earlier version of this code carried into a new run may still hold every event and every
 * notice, every service: what the state now records instead (the hand-off's continuing stage, the
 * missed-intake notice's confirmation) is taken from them, and the projected events, the sent notices,
 * the services delivered and the withdrawals no longer in force are let go.
 */
export function compactCarriedState(state: CaseState): void {
  if (state.handOff && !state.handOff.continuesFrom) {
    const handOff = state.events.findLast((e) => e.type === 'HANDED_OFF_TO_SOCIAL_CONTACT');
    if (handOff?.type === 'HANDED_OFF_TO_SOCIAL_CONTACT' && handOff.data.continuesFrom)
      state.handOff.continuesFrom = handOff.data.continuesFrom;
  }
  const missed = state.notices.filter(isMissedIntakeNoticeToProsecutor);
  if (!state.missedNoticeConfirmedAt && missed.length > 0 && missed.every((n) => n.status === 'SENT'))
    state.missedNoticeConfirmedAt = missed
      .map((n) => n.sentAt ?? '')
      .sort()
      .at(-1);
  state.notices = state.notices.filter((n) => n.status === 'PENDING');
  state.servicesWithdrawn = state.servicesWithdrawn.filter((w) => !w.reinstatedAt);
  delete state.servicesDelivered;
  state.events = state.events.filter((e) => e.seq > state.projectedSeq);
}
