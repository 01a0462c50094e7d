import type { UtcOffset } from './case-policy';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Local time from a schedule of UTC offsets (CasePolicy.utcOffsets), by arithmetic alone: no time-zone
 * data of the host, so a replay anywhere gives the same answer. An instant before the schedule's first
 * entry takes its first offset, one after its last change keeps the last offset.
 */
export function offsetMsAt(ms: number, schedule: UtcOffset[]): number {
  if (schedule.length === 0) throw new Error('R-INTAKE: the case policy carries no UTC offsets (utcOffsets)');
  let current = schedule[0];
  for (const entry of schedule) {
    if (Date.parse(entry.from) > ms) break;
    current = entry;
  }
  return current.minutes * MINUTE_MS;
}

/** The local calendar date of an instant, as the UTC midnight of that date. */
export function localDateOf(ms: number, schedule: UtcOffset[]): number {
  const wall = ms + offsetMsAt(ms, schedule);
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
}

/**
 * The instant a local wall-clock time (given as if it were UTC) happens, in two passes: with the offset in
 * force a day before it, then with the one a day after. A time that happens twice (clocks set back) is
 * its first occurrence; one skipped (clocks set forward) is read with the offset before the change, so
 * a skipped midnight is the instant of the change.
 */
export function instantOfLocal(wall: number, schedule: UtcOffset[]): number {
  const before = wall - offsetMsAt(wall - DAY_MS, schedule);
  if (wall - offsetMsAt(before, schedule) === before) return before;
  const after = wall - offsetMsAt(wall + DAY_MS, schedule);
  if (wall - offsetMsAt(after, schedule) === after) return after;
  return before;
}
