import type { LeadConfig } from '../config/config-schema';
import { parseConfig } from '../config/load-config';
import type { ProgramWrite, StoredProgram } from '../db/queries/programs';

/** A program the deployment runs, with the configuration in force. */
export interface Program {
  id: string;
  name: string;
  version: number;
  config: LeadConfig;
}

/**
 * What a program's write stores: the configuration as written, checked by the same schema the
 * jurisdiction files are (an error names every bad key); its name and case id prefix are kept beside it.
 */
export function programWrite(id: string, raw: unknown, note: string, source?: string): ProgramWrite {
  const config = parseConfig(raw, source ?? `configuration of program ${id}`);
  return { id, name: config.program.name, caseIdPrefix: config.program.caseIdPrefix, config: raw as object, note };
}

/** A stored program, its configuration read again (PUBLIC_URL, where given, is where its links point). */
export function programOf(stored: StoredProgram, publicUrl?: string): Program {
  const config = parseConfig(stored.config, `configuration of program ${stored.id}, version ${stored.version}`);
  if (publicUrl) config.program.publicUrl = publicUrl;
  return { id: stored.id, name: stored.name, version: stored.version, config };
}
