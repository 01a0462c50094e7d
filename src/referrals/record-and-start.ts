import type { Database } from '../db/queries/database';
import { stage } from '../process/stage-clock';
import type { CaseWorkflows } from '../temporal/case-workflows';
import { startRecordedWorkflow } from './reconcile-unstarted';
import { recordReferral, type NewReferral, type RecordedReferral } from './record-referral';

/**
 * A submission's referral recorded and its workflow started, once per submission id. A new one is
 * recorded, then started; a repeat — or a concurrent copy that lost the race for the id — starts nothing,
 * unless the first start failed (Temporal unreachable), when it starts now. Either way the workflow
 * starts from the input recorded with the referral, as the worker's reconciliation would start it.
 * Returns whether this call recorded it, and whose case it is.
 */
export async function recordAndStart(
  deps: { db: Database; cases: CaseWorkflows },
  referral: NewReferral,
  existing: RecordedReferral | undefined,
): Promise<{ created: boolean; personId: string }> {
  const outcome = existing
    ? { created: false as const, recorded: existing }
    : await stage('record_referral', () => recordReferral(deps.db, referral));
  if (outcome.created) {
    await startRecordedWorkflow(deps.db, deps.cases, { id: referral.caseId, details: referral.details });
    return { created: true, personId: outcome.personId };
  }
  if (!outcome.recorded.workflowStartedAt) await startRecordedWorkflow(deps.db, deps.cases, outcome.recorded);
  return { created: false, personId: outcome.recorded.personId };
}
