import type { LeadConfig } from '../config/config-schema';
import { ConfigError } from '../config/load-config';
import type { Database } from '../db/queries/database';
import { caseIdPrefixOf } from '../shared/record-ids';
import { programsInForce, programVersions } from '../db/queries/programs';
import { programOf, type Program } from './program';

export interface ProgramRegistryOptions {
  /** Links in notices point here instead of each configuration's `publicUrl` (PUBLIC_URL). */
  publicUrl?: string;
  /** How long a read may trust its copy before asking which versions are in force. */
  staleAfterMs?: number;
  now?: () => number;
}

/**
 * The programs in force, as one process holds them. A version written by any process (another API,
 * `POST /api/programs/:programId/versions`) is read at the next check, so a change needs no restart.
 */
export class ProgramRegistry {
  private checkedAt: number;

  private constructor(
    private readonly db: Database,
    private programs: ReadonlyMap<string, Program>,
    private readonly options: ProgramRegistryOptions,
  ) {
    this.checkedAt = this.now();
  }

  static async open(db: Database, options: ProgramRegistryOptions = {}): Promise<ProgramRegistry> {
    return new ProgramRegistry(db, await readPrograms(db, options.publicUrl), options);
  }

  /** The programs as last read, without asking the database. */
  known(): ReadonlyMap<string, Program> {
    return this.programs;
  }

  /** The programs in force: read again when another version took force since the last check. */
  async current(): Promise<ReadonlyMap<string, Program>> {
    if (this.now() - this.checkedAt < (this.options.staleAfterMs ?? 5_000)) return this.programs;
    const versions = await programVersions(this.db);
    this.checkedAt = this.now();
    const same =
      versions.size === this.programs.size &&
      [...versions].every(([id, version]) => this.programs.get(id)?.version === version);
    if (!same) this.programs = await readPrograms(this.db, this.options.publicUrl);
    return this.programs;
  }

  async program(id: string): Promise<Program | undefined> {
    return (await this.current()).get(id);
  }

  /** The program a case or booking id belongs to: the one whose prefix it carries (a prefix never changes). */
  async ofRecord(recordId: string): Promise<Program | undefined> {
    return programOfRecord(await this.current(), recordId);
  }

  private now() {
    return (this.options.now ?? Date.now)();
  }
}

async function readPrograms(db: Database, publicUrl?: string): Promise<ReadonlyMap<string, Program>> {
  return new Map((await programsInForce(db)).map((stored) => [stored.id, programOf(stored, publicUrl)]));
}

/** The program whose case id prefix a record id carries (`BUR-…`, `BUR-BK-…`). */
export function programOfRecord(programs: ReadonlyMap<string, Program>, recordId: string): Program | undefined {
  const prefix = caseIdPrefixOf(recordId);
  return [...programs.values()].find((p) => p.config.program.caseIdPrefix === prefix);
}

/** The configuration in force of a record's program, for the activities (`ActivityDeps.configOf`). */
export const configOfRecords =
  (programs: ProgramRegistry) =>
  async (recordId: string): Promise<LeadConfig> => {
    const program = await programs.ofRecord(recordId);
    if (!program)
      throw new ConfigError(
        `No program this service runs gives its case ids the prefix of ${recordId}: its notices wait until that program is added (POST /api/programs)`,
      );
    return program.config;
  };
