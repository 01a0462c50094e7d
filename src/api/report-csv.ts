import { stringify } from 'csv-stringify/sync';
import { WITHHELD_REASON, type ClientReportRow, type StaffingListRow } from '../disclosure';
import type { deidentifiedRow } from '../evaluation/evaluation-data';
import {
  basisLabel,
  calendarDate,
  channelLabel,
  deadlineLabel,
  DISCLOSED_KIND_LABELS,
  localTime,
  roleName,
  stageLabel,
  stuckLabel,
} from '../contract/plain-language';

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is written as text.
const safe = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
const csv = (columns: string[], rows: Array<Array<string | null>>) =>
  stringify(
    rows.map((r) => r.map((v) => safe(v ?? ''))),
    { header: true, columns, record_delimiter: 'windows', bom: true },
  );

const list = (values: string[] | undefined) => (values ? values.join('; ') : null);
const yesNo = (value: boolean | undefined) => (value === undefined ? null : value ? 'yes' : 'no');

/**
 * R-STAFFING: the client-level report for the funder, one row per participant (no names). The columns
 * are those of the reader's widest share; `shared` says per row what the release allowed (R-ROI).
 */
export function clientReportCsv(rows: ClientReportRow[], full: boolean): string {
  const status = [
    'referral_id',
    'referral_type',
    'referred_on',
    'screened_on',
    'enrolled_on',
    'status',
    'exit_on',
    'shared',
    'iip_goals',
    'service_withdrawn',
    'exit_reason',
  ];
  return csv(
    full ? [...status, 'consent_on', 'services_delivered', 'services_withdrawn'] : status,
    rows.map((row) => {
      // Blank where the row's level (`shared`) does not hold the field (R-ROI).
      const r = row as Partial<Extract<ClientReportRow, { shared: 'CASE_MANAGEMENT_RECORD' }>> & ClientReportRow;
      const cells = [
        r.referralId,
        r.referralType,
        r.referredOn,
        r.screenedOn,
        r.enrolledOn,
        r.status,
        r.exitOn,
        r.shared,
        list(r.iipGoals),
        yesNo(r.serviceWithdrawn),
        r.exitReason ?? null,
      ];
      return full ? [...cells, r.consentOn ?? null, list(r.servicesDelivered), list(r.servicesWithdrawn)] : cells;
    }),
  );
}

/**
 * R-STAFFING: the case list for the operational partners' monthly staffing meeting. The codes for
 * spreadsheets, then the same in words for the people at the meeting (src/contract/plain-language/).
 */
export function staffingListCsv(rows: StaffingListRow[]): string {
  return csv(
    [
      'referral_id',
      'type',
      'name',
      'named_because',
      'stage',
      'referred_on',
      'case_manager',
      'next_deadline_rule',
      'next_deadline_on',
      'stuck',
      'nominations',
      'where_it_stands',
      'next_deadline',
      'flags',
    ],
    rows.map((r) => [
      r.referralId,
      r.type,
      r.name,
      r.namedBecause,
      r.stage,
      r.referredOn,
      r.caseManagerId,
      r.nextDeadlineRule,
      r.nextDeadlineOn,
      r.stuck.join('; '),
      r.nominations.map((n) => `${n.by.id} (${n.by.role}): ${n.reason ?? WITHHELD_REASON}`).join(' | '),
      stageLabel(r.stage),
      r.nextDeadlineOn
        ? `${deadlineLabel({ ruleId: r.nextDeadlineRule ?? '', name: 'deadline' })}: ${calendarDate(r.nextDeadlineOn)}`
        : null,
      r.stuck.map(stuckLabel).join('; '),
    ]),
  );
}

/**
 * R-DISCLOSE: the accounting of disclosures of one person — the recorded codes, then the same in words
 * for the person it is given to (who by name, when in the program's time zone, what, where, under what).
 */
export function disclosuresCsv(
  rows: Array<{
    at: string;
    actorId: string;
    actorName?: string | null;
    actorRole: string;
    actorOffice: string | null;
    actorAgency: string | null;
    caseId: string;
    kinds: string[];
    basis: string;
    releaseId: string | null;
    channel: string;
    requestId: string;
  }>,
  timeZone?: string,
): string {
  return csv(
    [
      'at',
      'who',
      'role',
      'office',
      'agency',
      'case_id',
      'kinds',
      'basis',
      'release',
      'channel',
      'request_id',
      'shown_to',
      'when',
      'what',
      'where',
      'under',
    ],
    rows.map((r) => [
      r.at,
      r.actorId,
      r.actorRole,
      r.actorOffice,
      r.actorAgency,
      r.caseId,
      r.kinds.join('; '),
      r.basis,
      r.releaseId,
      r.channel,
      r.requestId,
      `${r.actorName ?? r.actorId}, ${roleName(r.actorRole)}`,
      localTime(r.at, { timeZone, year: 'always' }),
      r.kinds.map((k) => DISCLOSED_KIND_LABELS[k] ?? k).join('; '),
      channelLabel(r.channel),
      basisLabel(r.basis).text,
    ]),
  );
}

/** R-EVAL: the evaluator's de-identified rows as CSV: outcomes counted per kind, and listed in one cell. */
export function evaluationCsv(rows: Array<ReturnType<typeof deidentifiedRow>>): string {
  const count = (r: ReturnType<typeof deidentifiedRow>, kind: string) =>
    String(r.outcomes.filter((o) => o.kind === kind).length);
  return csv(
    [
      'person',
      'cohort',
      'startMonth',
      'agency',
      'offenseLevel',
      'bookingReason',
      'followUpMonths',
      'rearrested',
      'monthsToRearrest',
      'arrests',
      'bookings',
      'charges',
      'outcomes',
      'milestones',
    ],
    rows.map((r) => [
      r.person,
      r.cohort,
      r.startMonth,
      r.agency,
      r.offenseLevel,
      r.bookingReason,
      String(r.followUpMonths),
      yesNo(r.rearrested),
      r.monthsToRearrest === null ? null : String(r.monthsToRearrest),
      count(r, 'ARREST'),
      count(r, 'BOOKING'),
      count(r, 'CHARGE'),
      r.outcomes.map((o) => `${o.kind} ${o.level} month ${o.monthsAfterStart}`).join('; '),
      r.milestones.map((m) => `${m.milestone} month ${m.monthsAfterStart}`).join('; '),
    ]),
  );
}
