import type { LeadConfig } from '../config/config-schema';
import type { Program } from '../programs/program';
import type { ProgramRegistry } from '../programs/program-registry';

/**
 * The programs an API serves: those in force in the registry, the served one being the program whose
 * case ids its configuration gives. Without a registry (a test of one program), that configuration alone.
 */
export function programsRun(deps: { config: LeadConfig; programs?: ProgramRegistry }) {
  const { config, programs } = deps;
  const only: Program = { id: 'served', name: config.program.name, version: 0, config };
  const servedIn = (known: ReadonlyMap<string, Program>) =>
    [...known.values()].find((p) => p.config.program.caseIdPrefix === config.program.caseIdPrefix) ?? only;
  if (!programs) {
    const one = new Map([[only.id, only]]);
    return {
      initial: only,
      programs: () => Promise.resolve(one),
      served: () => Promise.resolve(only),
    };
  }
  return {
    initial: servedIn(programs.known()),
    programs: () => programs.current(),
    served: async () => servedIn(await programs.current()),
  };
}
