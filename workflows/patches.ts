/**
 * Workflow changes that alter the commands of running cases, each behind a patch id
 * (README: "Changing workflow code safely"). To change the commands of a running case, add `name: 'patch-id'` here, branch
 * on `patched(PATCHES.name)` (the new code where it returns true), and record the new generation of
 * fixtures beside the old; once no case started before the patch is open, replace `patched` by
 * `deprecatePatch`, and a release later remove both.
 */
export const PATCHES = {
  /**
   * Issue 26: a case keeps the `LeadProgram` search attribute (its program's case id prefix). A case
   * started before upserts it at its next change; its earlier commands replay as they were.
   */
  leadProgram: 'lead-program-attribute',
  /**
   * A case runs its local activities one at a time (`OneLocalActivityAtATime`), and a clock's or the
   * opening's notices are tried once inside the task, then owed to an ordinary activity. A case started
   * before keeps running them side by side, as it recorded them.
   */
  oneLocalActivity: 'one-local-activity-at-a-time',
} as const;
