import { addDays } from 'date-fns';
import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import type { CasePolicy } from './case-policy';

const DAY_MS = 86_400_000;

/**
 * R-INTAKE (Decision 2026-12-02): the deadline is the local calendar date the clock starts on (the
 * referral, an accepted override, an NCI referral) plus the configured days, at the end of that day in
 * the program's time zone — a daylight-saving change never moves it. A deadline that is not whole
 * days (test configurations) counts the duration from the instant.
 */
export function intakeDeadlineFrom(startMs: number, policy: CasePolicy): string {
  const { timeZone, intakeDeadlineMs } = policy;
  if (intakeDeadlineMs % DAY_MS !== 0) return new Date(startMs + intakeDeadlineMs).toISOString();
  const localDate = formatInTimeZone(startMs, timeZone, 'yyyy-MM-dd');
  const dayAfter = formatDate(addDays(parseDate(localDate), intakeDeadlineMs / DAY_MS + 1));
  return new Date(fromZonedTime(`${dayAfter}T00:00:00`, timeZone).getTime() - 1).toISOString();
}

/** A plain date as a UTC midnight, so calendar arithmetic never meets a time zone. */
const parseDate = (date: string) => new Date(`${date}T00:00:00Z`);
const formatDate = (d: Date) => d.toISOString().slice(0, 10);
