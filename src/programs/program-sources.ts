import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, DEFAULT_CONFIG_FILE } from '../config/load-config';
import type { Database } from '../db/queries/database';
import { addProgram, type ProgramWrite } from '../db/queries/programs';
import { programIdSchema } from '../shared/program-id';
import { programWrite } from './program';

/** A jurisdiction file a program starts from: its id is the file's name (`burien.json` → `burien`). */
export interface ProgramSource {
  id: string;
  file: string;
}

export const HARBOR_COUNTY_CONFIG_FILE = path.join(path.dirname(DEFAULT_CONFIG_FILE), 'harbor-county.json');

export function programSource(file: string): ProgramSource {
  const id = path.basename(file).replace(/\.json$/i, '');
  const parsed = programIdSchema.safeParse(id);
  if (!parsed.success)
    throw new ConfigError(`Program file ${file}: its name is the program's id, and ${parsed.error.issues[0].message}`);
  return { id, file };
}

/**
 * The programs a deployment starts from: `LEAD_PROGRAM_FILES` (comma-separated), else the one
 * `LEAD_CONFIG_FILE` (a deployment of one program: it becomes that program), else `defaults`. The first
 * is the program the service runs.
 */
export function programSourcesFrom(
  env: { LEAD_PROGRAM_FILES?: string; LEAD_CONFIG_FILE?: string },
  defaults: readonly string[] = [DEFAULT_CONFIG_FILE],
): ProgramSource[] {
  const files = env.LEAD_PROGRAM_FILES
    ? env.LEAD_PROGRAM_FILES.split(',')
        .map((f) => f.trim())
        .filter(Boolean)
    : env.LEAD_CONFIG_FILE
      ? [env.LEAD_CONFIG_FILE]
      : defaults;
  return files.map(programSource);
}

/** A program's file, read and checked (every bad key named) before a process touches anything else. */
export interface ProgramFile extends ProgramSource {
  raw: unknown;
  write: ProgramWrite;
}

export function readProgramFiles(sources: readonly ProgramSource[]): ProgramFile[] {
  return sources.map((source) => {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(source.file, 'utf8'));
    } catch (err) {
      throw new ConfigError(`Cannot read configuration ${source.file}: ${(err as Error).message}`);
    }
    const note = `version 1, from ${path.basename(source.file)}`;
    return { ...source, raw, write: programWrite(source.id, raw, note, `configuration ${source.file}`) };
  });
}

/**
 * Adds each program its file describes that the database does not hold yet, at version 1. A program
 * already held keeps its versions: the file only ever starts it. Answers the ids it added.
 */
export async function seedPrograms(db: Database, files: readonly ProgramFile[]): Promise<string[]> {
  const added: string[] = [];
  for (const file of files) if (await addProgram(db, file.write, undefined)) added.push(file.id);
  return added;
}
