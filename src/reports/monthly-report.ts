import type { CaseEventData } from '../case/case-event-data';
import { localDate } from '../eligibility/calendar-dates';
import { groupedBy } from '../shared/grouped-by';
import type { ReferralType } from '../shared/case-vocabulary';
import { monthOf, monthsEnding, type ReportMonth } from './report-month';

/**
 * R-STAFFING: the monthly staffing-meeting case list and client-level report, computed from the cases'
 * recorded events (what happened when), so a month's figures do not change with what happens later.
 */
export interface ReportCaseInput {
  referralId: string;
  type: ReferralType;
  referredAt: Date;
  /** The case's stage when the report is produced (the first of the next month). */
  stage: string;
  caseManagerId: string | null;
  nextDeadlineAt: Date | null;
  nextDeadlineRule: string | null;
  stuckReasons: string[];
  events: Array<{ type: string; occurredAt: Date; data: unknown }>;
}

/** Days between two instants, over the cases that have both: count, median and 90th percentile. */
export interface Spread {
  count: number;
  median: number | null;
  p90: number | null;
}

export type { ClientRow, StaffingRow } from '../disclosure/disclosed-records';
import type { ClientRow, StaffingRow } from '../disclosure/disclosed-records';

export interface MonthlyReportData {
  month: ReportMonth;
  program: string;
  timezone: string;
  figures: {
    referralsByMonth: Array<{ month: ReportMonth; arrestDiversions: number; socialContacts: number }>;
    referralsInMonth: { arrestDiversions: number; socialContacts: number; total: number };
    daysToScreening: Spread;
    daysToIntake: Spread;
    /** Of the month's referrals, how many were enrolled by the month's end. */
    enrolledShare: { referred: number; enrolled: number; share: number | null };
    missedIntakes: number;
    /** R-SC-CAPACITY: active participants at the month's end against the places the FTE give. */
    capacity: { used: number; available: number };
    waitingSocialContacts: number;
  };
  staffingList: StaffingRow[];
  clientRows: ClientRow[];
}

/**
 * The events the report is computed from; the others are not read (a case's notices and clocks outnumber
 * them, and reading them made the month's report grow faster than its cases).
 */
export const REPORTED_EVENT_TYPES = [
  'SOCIAL_CONTACT_REFERRED',
  'SCREENING_RECORDED',
  'CONSENT_GIVEN',
  'ENROLLED',
  'IIP_RECORDED',
  'SERVICE_RECORDED',
  'SERVICE_WITHDRAWN',
  'INTAKE_DEADLINE_MISSED',
  'SOCIAL_CONTACT_APPROVED',
  'APPROVAL_RENEWED',
  'PLACE_GRANTED',
  'SOCIAL_CONTACT_DENIED',
  'EXITED',
  'CASE_CLOSED',
] as const satisfies ReadonlyArray<keyof CaseEventData>;
type ReportedEventType = (typeof REPORTED_EVENT_TYPES)[number];

const TERMINAL = new Set(['HANDED_OFF', 'EXITED', 'CLOSED', 'DENIED', 'REFUSED']);
const LEAVES_THE_QUEUE = new Set<string>([
  'PLACE_GRANTED',
  'ENROLLED',
  'EXITED',
  'CASE_CLOSED',
  'SOCIAL_CONTACT_DENIED',
] satisfies ReportedEventType[]);
const DAY_MS = 86_400_000;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Median (mean of the middle two for an even count) and nearest-rank 90th percentile. */
export function spreadOf(values: number[]): Spread {
  if (values.length === 0) return { count: 0, median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1];
  return { count: sorted.length, median: round1(median), p90: round1(p90) };
}

export function buildMonthlyReport(args: {
  month: ReportMonth;
  program: string;
  timezone: string;
  places: number;
  cases: ReportCaseInput[];
}): MonthlyReportData {
  const { month, timezone } = args;
  const day = (at: Date) => localDate(at, timezone);
  const by = (at: Date) => monthOf(at, timezone) <= month;
  const inMonth = (at: Date) => monthOf(at, timezone) === month;
  const cases = args.cases.filter((c) => by(c.referredAt));
  const first = (c: ReportCaseInput, type: ReportedEventType, when: (at: Date) => boolean = by) =>
    c.events.find((e) => e.type === type && when(e.occurredAt));
  const daysSinceReferral = (c: ReportCaseInput, at: Date) => (at.getTime() - c.referredAt.getTime()) / DAY_MS;

  const referredByMonth = groupedBy(cases, (c) => monthOf(c.referredAt, timezone));
  const referralsByMonth = monthsEnding(month, 12).map((m) => {
    const of = referredByMonth.get(m) ?? [];
    return {
      month: m,
      arrestDiversions: of.filter((c) => c.type === 'ARREST_DIVERSION').length,
      socialContacts: of.filter((c) => c.type === 'SOCIAL_CONTACT').length,
    };
  });
  const referredInMonth = referredByMonth.get(month) ?? [];

  // R-STAFFING (Decision 2026-12-02): the client report follows the person. A participant handed off
  // (R-VICTIM) continues in the linked social contact: one row, under the social contact from the
  // hand-off on, with the diversion's enrollment and both cases' record, and the social contact's exit.
  const byId = new Map(args.cases.map((c) => [c.referralId, c]));
  const continuedFrom = (c: ReportCaseInput) => {
    const opened = first(c, 'SOCIAL_CONTACT_REFERRED', () => true);
    const { linkedFrom, continuedAt } = (opened?.data ?? {}) as { linkedFrom?: string; continuedAt?: string };
    return continuedAt === 'ENROLLED' && linkedFrom ? byId.get(linkedFrom) : undefined;
  };
  const continuedIn = new Map(
    cases.flatMap((c) => {
      const from = continuedFrom(c);
      return from && by(c.referredAt) ? [[from.referralId, c] as const] : [];
    }),
  );
  const clientRows: ClientRow[] = cases
    .flatMap((c) => {
      if (continuedIn.has(c.referralId)) return []; // the row goes on under the social contact
      const from = continuedFrom(c);
      const record = from ? [from, c] : [c];
      const enrolled = first(from ?? c, 'ENROLLED');
      const exited = first(c, 'EXITED');
      if (!enrolled || (exited && monthOf(exited.occurredAt, timezone) < month)) return [];
      const eventsOf = (type: ReportedEventType) =>
        record.flatMap((r) => r.events.filter((e) => e.type === type && by(e.occurredAt)));
      const goals = (eventsOf('IIP_RECORDED').at(-1)?.data as { goals?: string[] } | undefined)?.goals ?? [];
      const withdrawn = eventsOf('SERVICE_WITHDRAWN').map((e) => String((e.data as { service?: string }).service));
      const delivered = eventsOf('SERVICE_RECORDED').map((e) => {
        const { service, provider } = e.data as { service?: string; provider?: string };
        return provider ? `${service} (${provider})` : String(service);
      });
      const start = from ?? c;
      return [
        {
          referralId: c.referralId,
          referralType: c.type,
          referredOn: day(start.referredAt),
          screenedOn: ((e) => (e ? day(e.occurredAt) : null))(first(start, 'SCREENING_RECORDED')),
          consentOn: ((e) => (e ? day(e.occurredAt) : null))(eventsOf('CONSENT_GIVEN').at(-1)),
          enrolledOn: day(enrolled.occurredAt),
          status: exited ? 'EXITED' : 'ACTIVE',
          iipGoals: goals,
          servicesDelivered: delivered,
          servicesWithdrawn: withdrawn,
          exitOn: exited ? day(exited.occurredAt) : null,
          exitReason: exited ? String((exited.data as { reason?: string }).reason) : null,
        } satisfies ClientRow,
      ];
    })
    .sort((a, b) => a.enrolledOn.localeCompare(b.enrolledOn) || a.referralId.localeCompare(b.referralId));

  // R-STAFFING (Decision 2026-12-02): people in the program or on their way in; an exit shows once, in its month.
  const staffingList: StaffingRow[] = cases
    .filter((c) => !TERMINAL.has(c.stage) || (c.stage === 'EXITED' && first(c, 'EXITED', inMonth)))
    .map((c) => ({
      referralId: c.referralId,
      type: c.type,
      stage: c.stage,
      referredOn: day(c.referredAt),
      caseManagerId: c.caseManagerId,
      nextDeadlineRule: c.nextDeadlineRule,
      nextDeadlineOn: c.nextDeadlineAt ? day(c.nextDeadlineAt) : null,
      stuck: c.stuckReasons,
    }))
    .sort(
      (a, b) =>
        a.type.localeCompare(b.type) ||
        a.stage.localeCompare(b.stage) ||
        a.referredOn.localeCompare(b.referredOn) ||
        a.referralId.localeCompare(b.referralId),
    );

  const waiting = cases.filter(
    (c) =>
      c.type === 'SOCIAL_CONTACT' &&
      (first(c, 'SOCIAL_CONTACT_APPROVED') || first(c, 'APPROVAL_RENEWED')) &&
      !c.events.some((e) => LEAVES_THE_QUEUE.has(e.type) && by(e.occurredAt)),
  );
  const enrolledOfMonth = referredInMonth.filter((c) => first(c, 'ENROLLED')).length;

  return {
    month,
    program: args.program,
    timezone,
    figures: {
      referralsByMonth,
      referralsInMonth: {
        arrestDiversions: referredInMonth.filter((c) => c.type === 'ARREST_DIVERSION').length,
        socialContacts: referredInMonth.filter((c) => c.type === 'SOCIAL_CONTACT').length,
        total: referredInMonth.length,
      },
      daysToScreening: spreadOf(
        cases.flatMap((c) =>
          ((e) => (e ? [daysSinceReferral(c, e.occurredAt)] : []))(first(c, 'SCREENING_RECORDED', inMonth)),
        ),
      ),
      daysToIntake: spreadOf(
        cases.flatMap((c) => ((e) => (e ? [daysSinceReferral(c, e.occurredAt)] : []))(first(c, 'ENROLLED', inMonth))),
      ),
      enrolledShare: {
        referred: referredInMonth.length,
        enrolled: enrolledOfMonth,
        share: referredInMonth.length ? round1((100 * enrolledOfMonth) / referredInMonth.length) / 100 : null,
      },
      missedIntakes: cases.filter((c) => first(c, 'INTAKE_DEADLINE_MISSED', inMonth)).length,
      capacity: { used: clientRows.filter((r) => r.status === 'ACTIVE').length, available: args.places },
      waitingSocialContacts: waiting.length,
    },
    staffingList,
    clientRows,
  };
}
