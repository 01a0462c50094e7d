import type { Referral } from '../generated/prisma/client';
import type { Stage } from '../shared/case-vocabulary';
import type { ClientRow, StaffingRow } from './disclosed-records';
import type { DisclosedNomination } from './nominations';
import type { CaseManagementLevel } from './policy';

/**
 * A case in a list or queue: program status only — codes and dates, nothing of the referral record or
 * of the case-management record (R-ROI) — so every reader who may see the case may see its row.
 */
export function listRowOf(r: Referral) {
  return {
    caseId: r.id,
    type: r.type,
    stage: r.stage as Stage,
    agency: r.agency,
    prosecutorOffice: r.prosecutorOffice,
    prosecutorOffices: [...r.prosecutorOffices],
    referredAt: r.referredAt?.toISOString() ?? null,
    nextDeadline: r.nextDeadlineAt ? { dueAt: r.nextDeadlineAt.toISOString(), ruleId: r.nextDeadlineRule } : null,
    stuckReasons: [...r.stuckReasons],
  };
}

/**
 * The monthly report's rows as one reader may see them (R-STAFFING, R-ROI), built field by field from
 * the stored report — which may be older than this code and hold more than is listed here.
 */

/** A stored row (program status) and, decided at reading, whether and why it names the person. */
export interface StaffingListRow extends StaffingRow {
  /** The person's name, only under a release covering staffing or a partner's nomination. */
  name: string | null;
  namedBecause: 'RELEASE_COVERS_STAFFING' | 'NOMINATED' | null;
  /** R-STAFFING: who nominated the person and when; a case manager's reason only for its readers (R-ROI). */
  nominations: DisclosedNomination[];
}

export function staffingRowOf(
  row: StaffingRow,
  named: { name: string | null; namedBecause: string | null },
  nominations: StaffingListRow['nominations'],
): StaffingListRow {
  return {
    referralId: row.referralId,
    type: row.type,
    stage: row.stage,
    referredOn: row.referredOn,
    caseManagerId: row.caseManagerId,
    nextDeadlineRule: row.nextDeadlineRule,
    nextDeadlineOn: row.nextDeadlineOn,
    stuck: [...row.stuck],
    name: named.name,
    namedBecause: named.namedBecause as StaffingListRow['namedBecause'],
    nominations,
  };
}

/** One participant of the client-level report; `shared` says how much of the case-management record it holds. */
interface ClientStatusRow {
  referralId: string;
  referralType: ClientRow['referralType'];
  referredOn: string;
  screenedOn: string | null;
  enrolledOn: string;
  status: ClientRow['status'];
  exitOn: string | null;
}
interface ProgressSummaryFields {
  iipGoals: string[];
  serviceWithdrawn: boolean;
  exitReason: string | null;
}
export type ClientReportRow =
  | (ClientStatusRow & { shared: 'STATUS_ONLY' })
  | (ClientStatusRow & ProgressSummaryFields & { shared: 'PROGRESS_SUMMARY' })
  | (ClientStatusRow &
      ProgressSummaryFields & {
        shared: 'CASE_MANAGEMENT_RECORD';
        consentOn: string | null;
        servicesDelivered: string[];
        servicesWithdrawn: string[];
      });

export function clientRowOf(row: ClientRow, level: CaseManagementLevel): ClientReportRow {
  const status = {
    referralId: row.referralId,
    referralType: row.referralType,
    referredOn: row.referredOn,
    screenedOn: row.screenedOn,
    enrolledOn: row.enrolledOn,
    status: row.status,
    exitOn: row.exitOn,
  };
  if (level === 'NONE') return { ...status, shared: 'STATUS_ONLY' };
  const summary = {
    iipGoals: [...row.iipGoals],
    serviceWithdrawn: row.servicesWithdrawn.length > 0,
    exitReason: row.exitReason,
  };
  if (level === 'SUMMARY') return { ...status, shared: 'PROGRESS_SUMMARY', ...summary };
  return {
    ...status,
    shared: 'CASE_MANAGEMENT_RECORD',
    ...summary,
    consentOn: row.consentOn,
    servicesDelivered: [...(row.servicesDelivered ?? [])],
    servicesWithdrawn: [...row.servicesWithdrawn],
  };
}
