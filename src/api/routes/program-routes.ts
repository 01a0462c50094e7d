import { z } from 'zod';
import type { Request } from 'express';
import { configSchema } from '../../config/config-schema';
import { ConfigError } from '../../config/load-config';
import type { Database } from '../../db/queries/database';
import {
  addProgram,
  changeProgram,
  programHistory,
  programsInForce,
  ProgramConflictError,
} from '../../db/queries/programs';
import { programIdSchema } from '../../shared/program-id';
import { programWrite } from '../../programs/program';
import { text } from '../../shared/text-schema';
import { errorBodySchema } from '../schemas/error-answer';
import { route } from '../contract/route';
import { HttpError } from '../http-error';

const noteSchema = text({ max: 500 }).describe('Why the configuration changes: kept with the version');
const rawConfigSchema = z
  .record(z.string(), z.unknown())
  .describe("The program's configuration, as a jurisdiction file holds it (src/config/jurisdictions/)");
const programSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  caseIdPrefix: z.string(),
  version: z.number().int().describe('The version in force'),
  since: z.iso.datetime().describe('When the version in force was written'),
});
const params = z.strictObject({ programId: programIdSchema });

/** Issue 26: a sign-in that names its programs reads and changes those only; others are not theirs to know. */
const mayKnow = (actor: { programs?: string[] }, programId: string) =>
  actor.programs === undefined || actor.programs.includes(programId);
const notFound = (programId: string) => new HttpError(404, 'PROGRAM_NOT_FOUND', `No program ${programId} for you`);

/** The configuration as the caller wrote it (the contract checked it with `configSchema`). */
const rawConfigOf = (req: Request) => (req.body as { config: Record<string, unknown> }).config;

function refused(err: unknown): never {
  if (err instanceof ProgramConflictError)
    throw new HttpError(
      409,
      err.field === 'expectedVersion' ? 'PROGRAM_VERSION_STALE' : 'PROGRAM_CONFLICT',
      err.message,
      {
        fields: [
          {
            field: err.field === 'id' ? 'programId' : err.field.replace(/^program\./, 'config.program.'),
            message: err.message,
          },
        ],
      },
    );
  if (err instanceof ConfigError) throw new HttpError(400, 'VALIDATION_FAILED', err.message);
  throw err;
}

/**
 * Issue 26: programs as data. A program is added from a jurisdiction file's content, and each change is
 * a new version in force from its commit, written in the signed-in person's name; nothing is replaced.
 */
export function programRoutes(deps: { db: Database }) {
  const { db } = deps;
  return [
    route(
      {
        method: 'get',
        path: '/programs',
        operationId: 'listPrograms',
        tag: 'Programs',
        summary: 'The programs this deployment runs, each with the version of its configuration in force',
        access: { permission: 'program.read' },
        responses: {
          200: { description: 'The programs', schema: z.strictObject({ programs: z.array(programSummarySchema) }) },
        },
      },
      async ({ actor }) => ({
        status: 200,
        body: {
          programs: (await programsInForce(db))
            .filter((p) => mayKnow(actor, p.id))
            .map((p) => ({
              id: p.id,
              name: p.name,
              caseIdPrefix: p.caseIdPrefix,
              version: p.version,
              since: p.at.toISOString(),
            })),
        },
      }),
    ),
    route(
      {
        method: 'get',
        path: '/programs/:programId/versions',
        operationId: 'listProgramVersions',
        tag: 'Programs',
        summary: "A program's configuration, every version newest first: who wrote it, when and why",
        access: { permission: 'program.read' },
        params,
        responses: {
          200: {
            description: 'The versions',
            schema: z.strictObject({
              programId: z.string(),
              versions: z.array(
                z.strictObject({
                  version: z.number().int(),
                  note: z.string(),
                  at: z.iso.datetime(),
                  actorId: z.string().nullable().describe('Nobody for a version started from a file'),
                  actorRole: z.string().nullable(),
                  config: rawConfigSchema,
                }),
              ),
            }),
          },
          404: { description: 'No such program', schema: errorBodySchema },
        },
      },
      async ({ actor, params: { programId } }) => {
        const versions = mayKnow(actor, programId) ? await programHistory(db, programId) : [];
        if (versions.length === 0) throw notFound(programId);
        return {
          status: 200,
          body: {
            programId,
            versions: versions.map((v) => ({
              ...v,
              at: v.at.toISOString(),
              config: v.config as Record<string, unknown>,
            })),
          },
        };
      },
    ),
    route(
      {
        method: 'post',
        path: '/programs',
        operationId: 'addProgram',
        tag: 'Programs',
        summary: 'Add a program at version 1 of its configuration',
        access: { permission: 'program.configure' },
        body: z.strictObject({ id: programIdSchema, config: configSchema, note: noteSchema }),
        responses: {
          201: { description: 'Added', schema: z.strictObject({ programId: z.string(), version: z.literal(1) }) },
          403: { description: 'The sign-in is limited to its programs', schema: errorBodySchema },
          409: { description: 'The id, or the case id prefix, is another program’s', schema: errorBodySchema },
        },
      },
      async ({ actor, req, body }) => {
        if (actor.programs !== undefined)
          throw new HttpError(
            403,
            'PROGRAM_SCOPE',
            'Your sign-in names its programs (lead_programs): adding a program is for a sign-in not limited to programs',
            { permission: 'program.configure' },
          );
        try {
          const added = await addProgram(db, programWrite(body.id, rawConfigOf(req), body.note), actor);
          if (!added)
            throw new ProgramConflictError(
              'id',
              `program ${body.id} exists: change it with POST /api/programs/${body.id}/versions`,
            );
        } catch (err) {
          refused(err);
        }
        return { status: 201, body: { programId: body.id, version: 1 as const } };
      },
    ),
    route(
      {
        method: 'post',
        path: '/programs/:programId/versions',
        operationId: 'changeProgram',
        tag: 'Programs',
        summary:
          "Put a new version of a program's configuration in force (a running case keeps the durations it started with)",
        access: { permission: 'program.configure' },
        params,
        body: z.strictObject({
          expectedVersion: z
            .number()
            .int()
            .min(1)
            .describe('The version the change was made to: a newer one refuses it'),
          config: configSchema,
          note: noteSchema,
        }),
        responses: {
          201: {
            description: 'In force',
            schema: z.strictObject({ programId: z.string(), version: z.number().int() }),
          },
          404: { description: 'No such program', schema: errorBodySchema },
          409: {
            description: 'Another version took force meanwhile, or the case id prefix is another program’s',
            schema: errorBodySchema,
          },
        },
      },
      async ({ actor, req, params: { programId }, body }) => {
        if (!mayKnow(actor, programId)) throw notFound(programId);
        let changed: Awaited<ReturnType<typeof changeProgram>>;
        try {
          changed = await changeProgram(
            db,
            { ...programWrite(programId, rawConfigOf(req), body.note), expectedVersion: body.expectedVersion },
            actor,
          );
        } catch (err) {
          refused(err);
        }
        if (changed === 'missing') throw notFound(programId);
        return { status: 201, body: { programId, version: changed.version } };
      },
    ),
  ];
}
