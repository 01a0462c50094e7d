/* Time: the program's zone, local phrasing, and how far away. */

export interface TimeOptions {
  /** The program's IANA time zone (config `program.timezone`); absent: the reader's own. */
  timeZone?: string;
  /** "Now", for the year shown and for "in 3 days" (default: the clock). */
  now?: Date | number;
  /** `always`: the year even in the current one (an e-mail is read later, maybe next year). */
  year?: 'auto' | 'always';
}

const DAY_MS = 86_400_000;

// One formatter per option set, reused: building one costs far more than formatting with it (about 5 %
// of the API's CPU per referral, bench/results/2026-12-03-profile.md). The option sets are the code's own
// and the zones configured ones, so the cache stays small; it is emptied if not.
const formats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = formats.get(key);
  if (!format) {
    if (formats.size >= 256) formats.clear();
    format = new Intl.DateTimeFormat('en-US', options);
    formats.set(key, format);
  }
  return format;
}

function partsOf(date: Date, timeZone: string | undefined, options: Intl.DateTimeFormatOptions) {
  const parts: Record<string, string> = {};
  for (const p of dateTimeFormat({ timeZone, ...options }).formatToParts(date)) parts[p.type] = p.value;
  return parts;
}

/** The zone as people say it: "Pacific", "Eastern", "UTC". */
export function zoneName(timeZone: string | undefined): string {
  if (!timeZone || /^(Etc\/)?(UTC|GMT|Zulu)$/i.test(timeZone)) return timeZone ? 'UTC' : '';
  const name = partsOf(new Date(), timeZone, { timeZoneName: 'longGeneric' }).timeZoneName ?? timeZone;
  return name.replace(/\s+Time$/, '');
}

const instantOf = (at: string | Date | number) => (at instanceof Date ? at : new Date(at));

/** "Tue 3 Dec, 4:41 pm (Pacific)"; another year is named ("Mon 4 Jan 2027, …"); a day's end says so. */
export function localTime(at: string | Date | number, options: TimeOptions = {}): string {
  const date = instantOf(at);
  if (Number.isNaN(date.getTime())) return String(at);
  const { timeZone } = options;
  const p = partsOf(date, timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  });
  const thisYear = partsOf(new Date(options.now ?? Date.now()), timeZone, { year: 'numeric' }).year;
  const day = `${p.weekday} ${p.day} ${p.month}${options.year === 'always' || p.year !== thisYear ? ` ${p.year}` : ''}`;
  // R-INTAKE: a deadline of whole days ends at the end of the local day (23:59:59.999).
  const endOfDay =
    p.hour === '11' &&
    p.minute === '59' &&
    p.dayPeriod === 'PM' &&
    date.getUTCSeconds() === 59 &&
    date.getUTCMilliseconds() === 999;
  const time = endOfDay ? 'end of the day' : `${p.hour}:${p.minute} ${(p.dayPeriod ?? '').toLowerCase()}`;
  const zone = zoneName(timeZone);
  return `${day}, ${time}${zone ? ` (${zone})` : ''}`;
}

/** A calendar date (YYYY-MM-DD, no time of day): "12 Apr 1988". */
export function calendarDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const p = partsOf(at, 'UTC', { day: 'numeric', month: 'short', year: 'numeric' });
  return `${p.day} ${p.month} ${p.year}`;
}

const dayNumber = (at: Date, timeZone: string | undefined) => {
  const p = partsOf(at, timeZone, { year: 'numeric', month: 'numeric', day: 'numeric' });
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)) / DAY_MS;
};

/** How far away, in words: "in 3 days", "tomorrow", "in 2 hours", "5 minutes ago". */
export function fromNow(at: string | Date | number, options: TimeOptions = {}): string {
  const date = instantOf(at);
  if (Number.isNaN(date.getTime())) return '';
  const now = new Date(options.now ?? Date.now());
  const ms = date.getTime() - now.getTime();
  const abs = Math.abs(ms);
  const words = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  if (abs < 60_000) return ms >= 0 ? 'in less than a minute' : 'just now';
  if (abs < 3_600_000) return words.format(Math.round(ms / 60_000), 'minute');
  if (abs < DAY_MS) return words.format(Math.round(ms / 3_600_000), 'hour');
  // Days as the calendar counts them where the program is (tomorrow is the next local date).
  const days = dayNumber(date, options.timeZone) - dayNumber(now, options.timeZone);
  if (Math.abs(days) < 45) return words.format(days, 'day');
  const months = Math.round(days / 30.44);
  if (Math.abs(months) < 18) return words.format(months, 'month');
  return words.format(Math.round(days / 365.25), 'year');
}

/** "Tue 3 Dec, 4:41 pm (Pacific) — in 3 days". */
export const localTimeFromNow = (at: string | Date | number, options: TimeOptions = {}) =>
  `${localTime(at, options)} — ${fromNow(at, options)}`;

// A report month (YYYY-MM, the API's code) as people say it: "November 2026", or "Nov" / "2026" on a chart's axis.
const dateOf = (month: string) => {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1, 1));
};
const formatMonth = (month: string, options: Intl.DateTimeFormatOptions) =>
  dateTimeFormat({ ...options, timeZone: 'UTC' }).format(dateOf(month));

/** "November 2026". */
export const monthName = (month: string) => formatMonth(month, { month: 'long', year: 'numeric' });

/** "Nov 2026". */
export const shortMonthName = (month: string) => formatMonth(month, { month: 'short', year: 'numeric' });

/** The month before or after, as a code. */
export function addMonths(month: string, delta: number): string {
  const d = dateOf(month);
  d.setUTCMonth(d.getUTCMonth() + delta);
  return d.toISOString().slice(0, 7);
}

/**
 * A chart's axis label of a month, in two lines: the month's short name, and its year under the first
 * month shown and under every January ("Nov" / "2026", "Dec", "Jan" / "2027").
 */
export function monthAxisLabel(month: string, index: number): string[] {
  const name = formatMonth(month, { month: 'short' });
  return index === 0 || month.endsWith('-01') ? [name, month.slice(0, 4)] : [name];
}
