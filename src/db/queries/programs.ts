import { declareActor, type DeclaredActor } from '../declared-actor';
import { isUniqueViolation, type Database } from './database';

/** A program and the configuration in force, as written (the caller validates it). */
export interface StoredProgram {
  id: string;
  name: string;
  caseIdPrefix: string;
  version: number;
  config: unknown;
  at: Date;
}

/** One version of a program's configuration, for its history. */
export interface StoredProgramVersion {
  version: number;
  note: string;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  config: unknown;
}

export interface ProgramWrite {
  id: string;
  name: string;
  caseIdPrefix: string;
  /** The configuration as written: durations as text, re-read by the same schema on every load. */
  config: object;
  note: string;
}

/** Every program with the configuration in force, by id. */
export async function programsInForce(db: Database): Promise<StoredProgram[]> {
  const rows = await db.program.findMany({
    orderBy: { id: 'asc' },
    include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
  });
  return rows.flatMap((p) =>
    p.versions
      .filter((v) => v.version === p.version)
      .map((v) => ({
        id: p.id,
        name: p.name,
        caseIdPrefix: p.caseIdPrefix,
        version: p.version,
        config: v.config,
        at: v.at,
      })),
  );
}

/** Each program's id and version in force: what a reader compares to know its copy is current. */
export async function programVersions(db: Database): Promise<Map<string, number>> {
  const rows = await db.program.findMany({ select: { id: true, version: true } });
  return new Map(rows.map((r) => [r.id, r.version]));
}

export function programHistory(db: Database, programId: string): Promise<StoredProgramVersion[]> {
  return db.programConfigVersion.findMany({
    where: { programId },
    orderBy: { version: 'desc' },
    select: { version: true, note: true, at: true, actorId: true, actorRole: true, config: true },
  });
}

/** Why a program's write was refused: the field it names and what is wrong with it. */
export class ProgramConflictError extends Error {
  constructor(
    readonly field: 'id' | 'program.caseIdPrefix' | 'expectedVersion',
    message: string,
  ) {
    super(message);
  }
}

const prefixTaken = (p: ProgramWrite) =>
  new ProgramConflictError(
    'program.caseIdPrefix',
    `program.caseIdPrefix "${p.caseIdPrefix}" is another program's: case ids name their program, so each program has its own prefix`,
  );

/**
 * Adds a program at version 1. Adding one that exists changes nothing and answers false (a seed run
 * twice, or a retried request); another program's case id prefix is refused.
 */
export async function addProgram(db: Database, p: ProgramWrite, actor: DeclaredActor | undefined): Promise<boolean> {
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.program.findUnique({ where: { id: p.id }, select: { id: true } });
      if (existing) return false;
      await declareActor(tx, actor);
      await tx.program.create({ data: { id: p.id, name: p.name, caseIdPrefix: p.caseIdPrefix, version: 1 } });
      await tx.programConfigVersion.create({
        data: { programId: p.id, version: 1, config: p.config, note: p.note },
      });
      return true;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // A concurrent start of the same program got there first; otherwise its prefix is another's.
    if (await db.program.findUnique({ where: { id: p.id }, select: { id: true } })) return false;
    throw prefixTaken(p);
  }
}

/**
 * A new version of a program's configuration, in force from its commit. `expectedVersion` is the
 * version the writer read: a change made meanwhile by someone else is never overwritten unseen.
 */
export async function changeProgram(
  db: Database,
  p: ProgramWrite & { expectedVersion: number },
  actor: DeclaredActor,
): Promise<{ version: number } | 'missing'> {
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.program.findUnique({
        where: { id: p.id },
        select: { version: true, caseIdPrefix: true },
      });
      if (!current) return 'missing' as const;
      if (current.caseIdPrefix !== p.caseIdPrefix)
        throw new ProgramConflictError(
          'program.caseIdPrefix',
          `program.caseIdPrefix is "${current.caseIdPrefix}" for good: it is in the id of every case of ${p.id}, so a version cannot change it`,
        );
      const version = p.expectedVersion + 1;
      const moved = await tx.program.updateMany({
        where: { id: p.id, version: p.expectedVersion },
        data: { version, name: p.name },
      });
      if (moved.count === 0)
        throw new ProgramConflictError(
          'expectedVersion',
          `expectedVersion ${p.expectedVersion} is not the version in force (${current.version}): read the program again and apply the change to it`,
        );
      await declareActor(tx, actor);
      await tx.programConfigVersion.create({
        data: { programId: p.id, version, config: p.config, note: p.note },
      });
      return { version };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ProgramConflictError(
        'expectedVersion',
        `version ${p.expectedVersion + 1} of ${p.id} was written meanwhile: read the program again`,
      );
    throw err;
  }
}
