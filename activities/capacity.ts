import { placesOf } from '../src/config/load-config';
import type { ActivityDeps } from './index';

/** R-SC-CAPACITY: tells the program's capacity coordinator what happened to a case. */
export async function signalCapacity(
  { cases, config }: ActivityDeps,
  request: { signal: 'placeRequested' | 'participantEnrolled' | 'participantExited' | 'placeReleased'; caseId: string; approvedAt?: string },
): Promise<void> {
  await cases.signalCapacity(request.signal, { caseId: request.caseId, approvedAt: request.approvedAt, places: placesOf(config) });
}
