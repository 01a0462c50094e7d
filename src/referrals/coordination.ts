import type { Database } from '../db/queries/database';
import { enrolledCasesOfPeople } from '../db/queries/people';
import type { CoordinationAlert } from '../shared/case-vocabulary';
import type { CaseWorkflows } from '../temporal/case-workflows';

/**
 * R-COORD (2026-12-02): a current participant's new arrest, booking, charge or referral alerts their
 * case manager at once. Every enrolled case of the person is told; each alerts once per source, so a
 * resubmission (or a retried import) that sends it again changes nothing, and a failure here fails the
 * request, whose retry sends it again.
 */
export async function alertParticipantCases(
  deps: { db: Database; cases: CaseWorkflows },
  personIds: string[],
  alert: (personId: string) => CoordinationAlert,
): Promise<void> {
  if (personIds.length === 0) return;
  const participants = await enrolledCasesOfPeople(deps.db, personIds);
  for (const c of participants) {
    const a = alert(c.personId);
    if (a.source === 'REFERRAL' && a.sourceId === c.id) continue;
    await deps.cases.alertCoordination(c.id, a);
  }
}

/** R-COORD: a new referral of a current participant (sent again on every resubmission; each case alerts once). */
export async function alertCaseManagersOf(
  deps: { db: Database; cases: CaseWorkflows },
  caseId: string,
  personId: string,
) {
  await alertParticipantCases(deps, [personId], () => ({ source: 'REFERRAL', sourceId: caseId }));
}
