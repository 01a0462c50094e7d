import type { Role } from '../shared/roles';
import type { DisclosureEntry } from './disclosure-entry';
import {
  isAccounted,
  programBasisOf,
  readsCaseManagementNotes,
  writesCaseManagementRecord,
  type ReaderIdentity,
} from './policy';

/** What a list, CSV or page shows in place of a case manager's reason to a reader who may not read it. */
export const WITHHELD_REASON = 'reason not shown: case-management record (R-ROI)';

/** A staffing nomination as the database holds it (StaffingNomination). */
export interface StoredNomination {
  nominatedById: string;
  nominatedByRole: string;
  reason: string;
  at: Date;
}

/** A nomination as one reader receives it: who and when always; the reason only where R-ROI allows. */
export interface DisclosedNomination {
  by: { id: string; role: Role };
  at: string;
  /** Null: a case manager's reason, which is case-management record this reader does not receive. */
  reason: string | null;
}

/**
 * R-ROI, R-STAFFING: "a staffing nomination's reason is written by a partner for the partners; a case
 * manager's nomination reason is case-management record". Every reader of the list learns that the person
 * was nominated, by whom and when; a case manager's reason reaches only case management and supervisors,
 * and a supervisor reading it is a disclosure of the case-management record (R-DISCLOSE).
 */
export function disclosedNominations(
  reader: ReaderIdentity,
  row: { caseId: string; personId: string | undefined },
  stored: StoredNomination[],
): { nominations: DisclosedNomination[]; entry?: DisclosureEntry } {
  const mayRead = readsCaseManagementNotes(reader.role);
  const nominations = stored.map((n) => ({
    by: { id: n.nominatedById, role: n.nominatedByRole as Role },
    at: n.at.toISOString(),
    reason: mayRead || !writesCaseManagementRecord(n.nominatedByRole) ? n.reason : null,
  }));
  const showsCaseManagementReason = mayRead && stored.some((n) => writesCaseManagementRecord(n.nominatedByRole));
  if (!showsCaseManagementReason || !isAccounted(reader.role) || !row.personId) return { nominations };
  return {
    nominations,
    entry: {
      personId: row.personId,
      caseId: row.caseId,
      kinds: ['CASE_MANAGEMENT_RECORD'],
      basis: `${programBasisOf(reader.role)}: a case manager's staffing-nomination reason (R-STAFFING)`,
    },
  };
}
