import { placesOf } from '../src/config/load-config';
import type { CapacitySignalName } from '../src/contract/definitions';
import type { ActivityDeps } from './activity-deps';

/** R-SC-CAPACITY: tells the program's capacity coordinator what happened to a case. */
export async function signalCapacity(
  { cases, config }: ActivityDeps,
  request: { signal: CapacitySignalName; caseId: string; approvedAt?: string; toCaseId?: string },
): Promise<void> {
  await cases.signalCapacity(request.signal, {
    caseId: request.caseId,
    approvedAt: request.approvedAt,
    places: placesOf(config),
    ...(request.toCaseId ? { toCaseId: request.toCaseId } : {}),
  });
}
