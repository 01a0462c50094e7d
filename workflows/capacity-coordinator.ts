import { condition, continueAsNew, getExternalWorkflowHandle, setHandler, workflowInfo } from '@temporalio/workflow';
import type { CapacityView } from '../src/case/query-views';
import type { CapacityState } from '../src/contract/workflow-contract';
import { adoptCapacity } from './activity-options';
import {
  capacityQuery,
  capacitySignals,
  placeGrantedSignal,
  type CapacitySignalArgs,
  type CapacityStart,
} from '../src/contract/definitions';
import { codeUnitOrder } from '../src/shared/code-unit-order';

/**
 * R-SC-CAPACITY: one coordinator per program decides, one signal at a time, which approved social
 * contacts get a place. Places = case-manager FTE × participants per FTE; enrolled participants of
 * both referral types and the places reserved for approved social contacts count against them; an
 * approved social contact over capacity waits, oldest approval first, and is released automatically
 * when a place frees up. Arrest diversions are never queued (they have priority); they only count.
 * Every signal is idempotent per case, so a retried activity cannot count anyone twice.
 *
 * Issue 26: a program's coordinator starts (`start`) by adopting its cases from the deployment's one
 * coordinator from before programs. Its signals wait, buffered, until then: their handlers are set after.
 * The one coordinator's own histories carry no `start`, so they replay unchanged.
 */
const HISTORY_LIMIT = 5000;

export async function capacityCoordinator(carried?: CapacityState | null, start?: CapacityStart): Promise<void> {
  let s: CapacityState = carried ?? { places: 0, participants: [], reserved: [], waiting: [] };
  const grants: string[] = [];
  const free = () => s.places - s.participants.length - s.reserved.length;
  const forget = (caseId: string) => {
    s.participants = s.participants.filter((id) => id !== caseId);
    s.reserved = s.reserved.filter((id) => id !== caseId);
    s.waiting = s.waiting.filter((w) => w.caseId !== caseId);
  };
  const admitWaiting = () => {
    while (free() > 0 && s.waiting.length > 0) {
      const next = s.waiting.shift()!;
      s.reserved.push(next.caseId);
      grants.push(next.caseId);
    }
  };
  const setPlaces = (args: CapacitySignalArgs) => {
    s.places = args.places;
  };
  setHandler(capacityQuery, (): CapacityView => ({ ...s, free: Math.max(0, free()) }));
  if (!carried && start) s = (await adoptCapacity({ caseIdPrefix: start.caseIdPrefix })) ?? s;

  setHandler(capacitySignals.placeRequested, (args) => {
    setPlaces(args);
    if (s.reserved.includes(args.caseId) || s.participants.includes(args.caseId)) {
      grants.push(args.caseId); // a repeated request: confirm the place it already holds
    } else if (!s.waiting.some((w) => w.caseId === args.caseId)) {
      s.waiting.push({ caseId: args.caseId, approvedAt: args.approvedAt ?? new Date(Date.now()).toISOString() });
      s.waiting.sort((a, b) => codeUnitOrder(a.approvedAt, b.approvedAt) || codeUnitOrder(a.caseId, b.caseId));
    }
    admitWaiting();
  });
  setHandler(capacitySignals.participantEnrolled, (args) => {
    setPlaces(args);
    forget(args.caseId);
    s.participants.push(args.caseId);
    admitWaiting();
  });
  const release = (args: CapacitySignalArgs) => {
    setPlaces(args);
    forget(args.caseId);
    admitWaiting();
  };
  // R-VICTIM hand-off: the participant's place moves to the social contact that continues them — counted once.
  setHandler(capacitySignals.participantTransferred, (args) => {
    setPlaces(args);
    if (!args.toCaseId) return;
    forget(args.caseId);
    if (!s.participants.includes(args.toCaseId)) {
      forget(args.toCaseId);
      s.participants.push(args.toCaseId);
    }
  });
  setHandler(capacitySignals.participantExited, release);
  setHandler(capacitySignals.placeReleased, release);

  for (;;) {
    await condition(
      () => grants.length > 0 || workflowInfo().historyLength > HISTORY_LIMIT || workflowInfo().continueAsNewSuggested,
    );
    while (grants.length > 0) {
      const caseId = grants.shift()!;
      try {
        await getExternalWorkflowHandle(caseId).signal(placeGrantedSignal);
      } catch {
        // The case is gone (closed before its place came): give the place to the next in line.
        forget(caseId);
        admitWaiting();
      }
    }
    if (workflowInfo().historyLength > HISTORY_LIMIT || workflowInfo().continueAsNewSuggested) {
      await condition(() => grants.length === 0);
      return continueAsNew<typeof capacityCoordinator>(s);
    }
  }
}
