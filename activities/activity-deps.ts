import type { LeadConfig } from '../src/config/config-schema';
import { ConfigError } from '../src/config/load-config';
import type { Database } from '../src/db/queries/database';
import type { Mailer } from '../src/mail/mailer';
import type { CaseWorkflows } from '../src/temporal/case-workflows';

/** What the activities are built from: injected, so tests run them against real local parts. */
export interface ActivityDeps {
  db: Database;
  mailer: Mailer;
  /**
   * The served (first) program's configuration: a schedule's run started before reports were per program
   * names none, and is its.
   */
  config: LeadConfig;
  /**
   * Issue 26: the configuration in force of the program a case or booking id belongs to (its prefix), or
   * of the program a prefix names: a case's notices are addressed, worded and linked by its own program,
   * and a program's schedules report and evaluate it.
   */
  configOf: (recordId: string) => Promise<LeadConfig>;
  /** Temporal, for the activities that start or signal other workflows. */
  cases: CaseWorkflows;
}

/** What a schedule's run is computed from (a test of one program may give `config` alone). */
export type ScheduledRunDeps = Pick<ActivityDeps, 'db' | 'config'> & Partial<Pick<ActivityDeps, 'configOf'>>;

/** The configuration of the program a schedule's run names by its prefix; a run naming none is the served program's. */
export async function programConfigOf(deps: ScheduledRunDeps, caseIdPrefix: string | undefined): Promise<LeadConfig> {
  if (caseIdPrefix && deps.configOf) return deps.configOf(caseIdPrefix);
  if (!caseIdPrefix || caseIdPrefix === deps.config.program.caseIdPrefix) return deps.config;
  throw new ConfigError(`No program this worker runs has the case id prefix ${caseIdPrefix}`);
}
