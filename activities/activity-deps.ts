import type { LeadConfig } from '../src/config/config-schema';
import type { Database } from '../src/db/queries/database';
import type { Mailer } from '../src/mail/mailer';
import type { CaseWorkflows } from '../src/temporal/case-workflows';

/** What the activities are built from: injected, so tests run them against real local parts. */
export interface ActivityDeps {
  db: Database;
  mailer: Mailer;
  config: LeadConfig;
  /** Temporal, for the activities that start or signal other workflows. */
  cases: CaseWorkflows;
}
