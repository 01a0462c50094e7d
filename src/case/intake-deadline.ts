import type { CasePolicy } from './case-policy';
import { instantOfLocal, localDateOf } from './local-time';

const DAY_MS = 86_400_000;

/**
 * R-INTAKE (Decision 2026-12-02): the deadline is the local calendar date the clock starts on (the
 * referral, an accepted override, an NCI referral) plus the configured days, at the end of that day in
 * the program's time zone — a daylight-saving change never moves it. Local dates come from the UTC
 * offsets the case's policy carries (`utcOffsets`), never from the host's time-zone data; a deadline
 * past the schedule's end keeps its last offset. A deadline that is not whole days (test
 * configurations) counts the duration from the instant.
 */
export function intakeDeadlineFrom(startMs: number, policy: CasePolicy): string {
  const { utcOffsets, intakeDeadlineMs } = policy;
  if (intakeDeadlineMs % DAY_MS !== 0) return new Date(startMs + intakeDeadlineMs).toISOString();
  const nextMidnight = localDateOf(startMs, utcOffsets) + intakeDeadlineMs + DAY_MS;
  return new Date(instantOfLocal(nextMidnight, utcOffsets) - 1).toISOString();
}
