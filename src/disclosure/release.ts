import type { ConsentRecord } from '../case/case-state';
import type { ConsentMethod } from '../shared/case-vocabulary';
import { NO_COVERAGE } from '../shared/case-vocabulary';
import { releaseIdOf } from '../case/release-id';
import type { ReleaseRecord } from './case-sections';
import type { ReleaseState } from './policy';

/** A release of information as the database holds it (ReleaseOfInformation). */
export interface StoredRelease {
  id: string;
  method: string;
  memorializedBy: string | null;
  coversStaffing: boolean;
  providers: string[];
  givenAt: Date;
  givenById: string;
  version: number;
  amendedAt: Date | null;
  amendedById: string | null;
  rescindedAt: Date | null;
  rescindedById: string | null;
}

/**
 * The case's current release (R-CONSENT): the workflow's record of it, and the stored row of the same
 * release — which also holds a rescission made after the case closed. It is in force only while both
 * say so.
 */
export function releaseOf(caseId: string, consent: ConsentRecord, stored: StoredRelease | null): ReleaseRecord | null {
  const id = releaseIdOf(caseId, consent.givenSeq);
  const row = stored && (consent.givenSeq === undefined || stored.id === id) ? stored : null;
  if (consent.status === 'NONE') return row ? fromStored(row) : null;
  const covers = consent.covers ?? NO_COVERAGE;
  const rescindedAt =
    row?.rescindedAt?.toISOString() ??
    (consent.status === 'RESCINDED' ? (consent.rescindedAt ?? consent.at) : undefined);
  return {
    id: row?.id ?? id,
    inForce: consent.status === 'GIVEN' && !row?.rescindedAt,
    method: consent.method,
    memorializedBy: consent.memorializedBy,
    coversStaffing: covers.staffing,
    providers: covers.providers,
    givenAt: row?.givenAt.toISOString() ?? (consent.rescindedAt || consent.status === 'GIVEN' ? consent.at : undefined),
    givenBy: row?.givenById ?? consent.by?.id,
    // The workflow's record is the newest: an amendment reaches the stored row after the answer.
    version: Math.max(consent.version ?? 1, row?.version ?? 1),
    ...(consent.amendedAt ? { amendedAt: consent.amendedAt, amendedBy: consent.amendedBy?.id } : {}),
    rescindedAt,
    rescindedBy: row?.rescindedById ?? consent.rescindedBy?.id,
  };
}

/** A stored release on its own (lists and reports read the database only). */
export function fromStored(row: StoredRelease): ReleaseRecord {
  return {
    id: row.id,
    inForce: !row.rescindedAt,
    method: row.method as ConsentMethod,
    memorializedBy: row.memorializedBy ?? undefined,
    coversStaffing: row.coversStaffing,
    providers: row.providers,
    givenAt: row.givenAt.toISOString(),
    givenBy: row.givenById,
    version: row.version,
    ...(row.amendedAt ? { amendedAt: row.amendedAt.toISOString(), amendedBy: row.amendedById ?? undefined } : {}),
    rescindedAt: row.rescindedAt?.toISOString(),
    rescindedBy: row.rescindedById ?? undefined,
  };
}

export function releaseStateOf(release: ReleaseRecord | null): ReleaseState {
  if (!release) return 'NONE';
  if (!release.inForce) return 'RESCINDED';
  return release.coversStaffing ? 'IN_FORCE_COVERING_STAFFING' : 'IN_FORCE_NOT_COVERING_STAFFING';
}
