import { caseIdPrefixOf } from '../shared/record-ids';
import type { CapacityView } from './query-views';

/**
 * Issue 26: the part of a deployment's one capacity coordinator from before programs that is a program's —
 * the cases whose ids carry its prefix — with its free places counted again.
 */
export function capacityOfPrefix(view: CapacityView | undefined, caseIdPrefix: string): CapacityView | undefined {
  if (!view) return undefined;
  const ours = (caseId: string) => caseIdPrefixOf(caseId) === caseIdPrefix;
  const participants = view.participants.filter(ours);
  const reserved = view.reserved.filter(ours);
  return {
    places: view.places,
    participants,
    reserved,
    waiting: view.waiting.filter((w) => ours(w.caseId)),
    free: Math.max(0, view.places - participants.length - reserved.length),
  };
}
