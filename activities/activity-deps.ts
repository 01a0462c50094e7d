import type { LeadConfig } from '../src/config/config-schema';
import type { Database } from '../src/db/queries/database';
import type { Mailer } from '../src/mail/mailer';
import type { CaseWorkflows } from '../src/temporal/case-workflows';

/** What the activities are built from: injected, so tests run them against real local parts. */
export interface ActivityDeps {
  db: Database;
  mailer: Mailer;
  /**
   * The served (first) program's configuration: the schedules' runs (its monthly report, its evaluation)
   * are its.
   */
  config: LeadConfig;
  /**
   * Issue 26: the configuration in force of the program a case or booking id belongs to (its prefix):
   * a case's notices are addressed, worded and linked by its own program.
   */
  configOf: (recordId: string) => Promise<LeadConfig>;
  /** Temporal, for the activities that start or signal other workflows. */
  cases: CaseWorkflows;
}
