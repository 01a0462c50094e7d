import type { UtcOffset } from '../case/case-policy';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Five years: R-INTAKE's clock starts at the referral, or days to weeks after it (an override, an NCI referral). */
export const UTC_OFFSET_YEARS = 5;
/** Schedules kept: one per zone and UTC day is all a running API needs; older days are never asked again. */
const CACHE_SIZE = 8;

const cache = new Map<string, UtcOffset[]>();

/**
 * R-INTAKE: the zone's UTC offsets from the start of `at`'s UTC day for UTC_OFFSET_YEARS, read here —
 * outside the workflow — from this host's time-zone data, so that the case carries them in its policy
 * and every replay computes its deadlines from the same numbers. Offsets are sampled daily and each
 * change narrowed to the minute it takes effect; two changes within one day would go unseen (no zone
 * has them).
 */
export function utcOffsetsFrom(timeZone: string, at: Date): UtcOffset[] {
  const start = Math.floor(at.getTime() / DAY_MS) * DAY_MS;
  const key = `${timeZone} ${start}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const schedule = computeSchedule(timeZone, start);
  cache.set(key, schedule);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return schedule;
}

function computeSchedule(timeZone: string, start: number): UtcOffset[] {
  const offsetAt = offsetReader(timeZone);
  const end = endAfterYears(start, UTC_OFFSET_YEARS);
  const schedule: UtcOffset[] = [{ from: new Date(start).toISOString(), minutes: offsetAt(start) }];
  let previous = schedule[0].minutes;
  for (let day = start + DAY_MS; day <= end; day += DAY_MS) {
    const minutes = offsetAt(day);
    if (minutes === previous) continue;
    schedule.push({ from: new Date(firstMinuteOf(offsetAt, day - DAY_MS, day)).toISOString(), minutes });
    previous = minutes;
  }
  return schedule;
}

/** The first minute in (before, after] whose offset is after's, by halving (before's offset differs). */
function firstMinuteOf(offsetAt: (ms: number) => number, before: number, after: number): number {
  const changed = offsetAt(after);
  let [lo, hi] = [before, after];
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(mid) === changed) hi = mid;
    else lo = mid;
  }
  return hi;
}

const endAfterYears = (start: number, years: number) => {
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate());
};

/** The zone's offset from UTC, in minutes, at an instant: its wall-clock reading less the instant. */
function offsetReader(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (ms) => {
    const part = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, Number(p.value)]));
    const wall = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
    return Math.round((wall - Math.floor(ms / 1000) * 1000) / MINUTE_MS);
  };
}
