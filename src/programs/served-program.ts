import { isDeepStrictEqual } from 'node:util';
import { ConfigError } from '../config/load-config';
import type { Database } from '../db/queries/database';
import { programHistory } from '../db/queries/programs';
import type { Program } from './program';
import { ProgramRegistry } from './program-registry';
import { seedPrograms, type ProgramFile } from './program-sources';

/**
 * At a process's start: the programs its files describe are started where the database lacks them,
 * and the first is the one this process serves, with the version of its configuration in force. A file
 * edited after its program started changes nothing; the warning says how to put it in force.
 */
export async function startServedProgram(
  db: Database,
  files: readonly ProgramFile[],
  options: { publicUrl?: string; staleAfterMs?: number; warn: (message: string) => void },
): Promise<{ served: Program; programs: ProgramRegistry }> {
  const [first] = files;
  if (!first) throw new ConfigError('No program to serve: set LEAD_PROGRAM_FILES or LEAD_CONFIG_FILE');
  await seedPrograms(db, files);
  const programs = await ProgramRegistry.open(db, { publicUrl: options.publicUrl, staleAfterMs: options.staleAfterMs });
  const served = programs.known().get(first.id);
  if (!served) throw new ConfigError(`Program ${first.id} is not in the database after its start from ${first.file}`);
  const [inForce] = await programHistory(db, first.id);
  if (inForce && !isDeepStrictEqual(inForce.config, first.raw))
    options.warn(
      `${first.file} differs from program ${first.id}'s configuration in force (version ${served.version}), which is served: a file only starts its program; put a change in force with POST /api/programs/${first.id}/versions`,
    );
  return { served, programs };
}
