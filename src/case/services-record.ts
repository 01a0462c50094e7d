import type { CaseEvent, CaseEventOf } from './case-event-types';
import type { CaseState } from './case-state';
import type { CaseView } from './query-views';

/** The same service, however it was capitalised or spaced when it was withdrawn. */
export const sameService = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A withdrawal as the case records it (R-SERVICE-WITHDRAW). */
export function withdrawalOf(event: CaseEventOf<'SERVICE_WITHDRAWN'>): CaseState['servicesWithdrawn'][number] {
  const { service, reasonCode, note } = event.data;
  return {
    service,
    reason: reasonCode,
    ...(note ? { note } : {}),
    at: event.at,
    by: event.actor,
  };
}

/**
 * Every service delivered and withdrawn (and when it was offered again), from the events that record
 * them (R-IIP, R-SERVICE-WITHDRAW). The workflow keeps only the withdrawals in force, which its rules
 * decide on; the whole record grows with the years, so it is read from the recorded events.
 */
export function servicesRecord(events: CaseEvent[]): Pick<CaseView, 'servicesDelivered' | 'servicesWithdrawn'> {
  const servicesDelivered: CaseView['servicesDelivered'] = [];
  const servicesWithdrawn: CaseView['servicesWithdrawn'] = [];
  for (const event of events) {
    if (event.type === 'SERVICE_RECORDED') {
      const { service, provider } = event.data;
      servicesDelivered.push({ service, ...(provider ? { provider } : {}), at: event.at, by: event.actor });
    } else if (event.type === 'SERVICE_WITHDRAWN') {
      servicesWithdrawn.push(withdrawalOf(event));
    } else if (event.type === 'SERVICE_REINSTATED') {
      const withdrawn = servicesWithdrawn.find((w) => !w.reinstatedAt && sameService(w.service, event.data.service));
      if (withdrawn) withdrawn.reinstatedAt = event.at;
    }
  }
  return { servicesDelivered, servicesWithdrawn };
}
