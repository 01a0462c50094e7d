import { stringify } from 'csv-stringify/sync';
import type { ClientRow, StaffingRow } from './monthly-report';

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is written as text.
const safe = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
const csv = (columns: string[], rows: Array<Array<string | null>>) =>
  stringify(rows.map((r) => r.map((v) => safe(v ?? ''))), { header: true, columns, record_delimiter: 'windows', bom: true });

/** R-STAFFING: the client-level report for the funder, one row per participant (no names). */
export function clientReportCsv(rows: ClientRow[]): string {
  return csv(
    ['referral_id', 'referral_type', 'referred_on', 'screened_on', 'consent_on', 'enrolled_on', 'status', 'iip_goals', 'services_withdrawn', 'exit_on', 'exit_reason'],
    rows.map((r) => [r.referralId, r.referralType, r.referredOn, r.screenedOn, r.consentOn, r.enrolledOn, r.status, r.iipGoals.join('; '), r.servicesWithdrawn.join('; '), r.exitOn, r.exitReason]),
  );
}

/** R-STAFFING: the case list for the operational partners' monthly staffing meeting. */
export function staffingListCsv(rows: StaffingRow[]): string {
  return csv(
    ['referral_id', 'type', 'name', 'stage', 'referred_on', 'case_manager', 'next_deadline_rule', 'next_deadline_on', 'stuck'],
    rows.map((r) => [r.referralId, r.type, r.name, r.stage, r.referredOn, r.caseManagerId, r.nextDeadlineRule, r.nextDeadlineOn, r.stuck.join('; ')]),
  );
}
