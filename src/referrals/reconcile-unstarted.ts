import type { Database } from '../db/queries/database';
import { unstartedReferrals } from '../db/queries/referrals';
import type { ArrestDiversionInput, SocialContactInput } from '../case/start-inputs';
import type { CaseWorkflows } from '../temporal/case-workflows';
import { markWorkflowStarted } from './record-referral';
import { stage } from '../process/stage-clock';

/**
 * A referral is recorded before its workflow starts; if Temporal was unreachable in between (the
 * caller got a 503) and nobody resubmitted, the row would wait forever. The worker starts those
 * workflows — idempotently, from the input recorded with the referral — so every referral converges.
 */
export async function startUnstartedWorkflows(
  db: Database,
  cases: CaseWorkflows,
  olderThanMs = 30_000,
): Promise<string[]> {
  const rows = await unstartedReferrals(db, olderThanMs);
  const started: string[] = [];
  for (const row of rows) {
    if (await startRecordedWorkflow(db, cases, row)) started.push(row.id);
  }
  return started;
}

/** Starts a referral's workflow from the input recorded with it (idempotent: the id is the referral id). */
export async function startRecordedWorkflow(
  db: Database,
  cases: CaseWorkflows,
  row: { id: string; details: unknown },
): Promise<boolean> {
  const workflow = (row.details as { workflow?: { type: string; input: unknown } } | null)?.workflow;
  if (!workflow) return false;
  if (workflow.type === 'arrestDiversion') await cases.startArrestDiversion(workflow.input as ArrestDiversionInput);
  else await cases.startSocialContact(workflow.input as SocialContactInput);
  await stage('mark_started', () => markWorkflowStarted(db, row.id));
  return true;
}

export function reconcileEvery(
  intervalMs: number,
  run: () => Promise<unknown>,
  onError: (err: unknown) => void,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    run()
      .catch(onError)
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
