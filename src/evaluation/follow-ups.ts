import type { LeadConfig } from '../config/config-schema';
import type { Database } from '../db/queries/database';
import { followUpCandidates, recordFollowUps, recordsWithFollowUps } from '../db/queries/evaluation';
import { FOLLOW_UP_MONTHS } from '../contract/definitions';
import type { CaseWorkflows } from '../temporal/case-workflows';
import { addCalendarMonths } from '../case/decision-helpers';

/**
 * R-EVAL: starts the follow-ups of a case or a booking (its workflow, and a row per follow-up, which
 * say they are started), or finds them started. `config`: the record's own program's (issue 26).
 */
export async function startFollowUps(
  deps: { db: Database; cases: CaseWorkflows },
  record: { recordId: string; agency: string; startedAt: Date },
  config: LeadConfig,
): Promise<void> {
  const startedAt = record.startedAt.toISOString();
  await deps.cases.startFollowUp({
    recordId: record.recordId,
    agency: record.agency,
    startedAt,
    confirmWithinMs: config.evaluation.followUpConfirmWithin,
  });
  await recordFollowUps(
    deps.db,
    FOLLOW_UP_MONTHS.map((months) => ({
      recordId: record.recordId,
      agency: record.agency,
      months,
      dueAt: new Date(addCalendarMonths(startedAt, months)),
    })),
  );
}

/**
 * The enrolled referrals (diversions and social contacts, R-EVAL 2026-12-02) and the bookings whose follow-ups were not started (Temporal was unreachable
 * when they should have been): the worker starts them, as it starts unstarted referrals.
 */
export async function startMissingFollowUps(deps: {
  db: Database;
  cases: CaseWorkflows;
  configOf: (recordId: string) => Promise<LeadConfig>;
}) {
  const { enrolled, bookings } = await followUpCandidates(deps.db);

  const candidates = [
    ...enrolled.map((r) => ({ recordId: r.id, agency: r.agency, startedAt: r.referredAt ?? r.createdAt })),
    ...bookings.map((b) => ({ recordId: b.id, agency: b.agency, startedAt: b.bookedAt })),
  ];
  const started = await recordsWithFollowUps(
    deps.db,
    candidates.map((c) => c.recordId),
  );
  const missing = candidates.filter((c) => !started.has(c.recordId));
  for (const record of missing) await startFollowUps(deps, record, await deps.configOf(record.recordId));
  return missing.map((m) => m.recordId);
}
