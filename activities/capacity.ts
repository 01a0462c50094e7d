import { placesOf } from '../src/config/load-config';
import type { CapacitySignalName } from '../src/contract/definitions';
import type { CapacityState } from '../src/contract/workflow-contract';
import type { ActivityDeps } from './activity-deps';

/** R-SC-CAPACITY: tells the program's capacity coordinator what happened to a case. */
export async function signalCapacity(
  { cases, configOf }: ActivityDeps,
  request: { signal: CapacitySignalName; caseId: string; approvedAt?: string; toCaseId?: string },
): Promise<void> {
  await cases.signalCapacity(request.signal, {
    caseId: request.caseId,
    approvedAt: request.approvedAt,
    places: placesOf(await configOf(request.caseId)),
    ...(request.toCaseId ? { toCaseId: request.toCaseId } : {}),
  });
}

/**
 * Issue 26: what a program's coordinator starts from, the first time — the places its cases hold in the
 * deployment's one coordinator from before programs (nothing, where there was none).
 */
export async function adoptCapacity(
  { cases }: ActivityDeps,
  request: { caseIdPrefix: string },
): Promise<CapacityState | undefined> {
  const before = await cases.capacityBeforePrograms(request.caseIdPrefix);
  if (!before) return undefined;
  const { free: _free, ...state } = before;
  return state;
}
