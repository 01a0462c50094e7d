import express, { type Request, type RequestHandler, type Router } from 'express';
import type { Program } from '../programs/program';
import { programOfRecord } from '../programs/program-registry';
import { mountRoutes, type Route } from './contract/route';
import { HttpError } from './http-error';
import { PROGRAM_COOKIE, PROGRAM_HEADER } from '../shared/program-choice';

/** Paths that name a case or booking: its id's prefix is its program's. */
const RECORD_PATH = /^\/(?:cases|bookings)\/([^/?]+)/;

function recordIdIn(path: string): string | undefined {
  const raw = RECORD_PATH.exec(path)?.[1];
  try {
    return raw === undefined ? undefined : decodeURIComponent(raw);
  } catch {
    return undefined; // not an id: the route's own checks answer it
  }
}

/**
 * Issue 26: the program a request works in. A case or booking is its own program's, whoever reads it
 * (the disclosure policy decides whether they may). Anything else is in the program the `Lead-Program`
 * header names, else the one the pages' program switch chose (`PROGRAM_COOKIE`), else the first program
 * the sign-in names, else the program the service serves first.
 */
export function programOfRequest(req: Request, programs: ReadonlyMap<string, Program>, served: Program): Program {
  const recordId = recordIdIn(req.path);
  const ofRecord = recordId === undefined ? undefined : programOfRecord(programs, recordId);
  if (ofRecord) return ofRecord;
  const held = req.actor?.programs;
  const asked = req.get(PROGRAM_HEADER);
  if (asked !== undefined) {
    const yours = held ?? [...programs.keys()];
    const program = programs.get(asked);
    if (!program || !yours.includes(asked)) {
      const message = `${JSON.stringify(asked)} is not a program of your sign-in; yours: ${yours.join(', ')} (claim lead_programs, R-ROI)`;
      throw new HttpError(403, 'PROGRAM_NOT_YOURS', `Header ${PROGRAM_HEADER}: ${message}`, {
        ruleId: 'R-ROI',
        fields: [{ field: PROGRAM_HEADER, message }],
      });
    }
    return program;
  }
  return programOfSignIn(held, programs, served, chosenProgram(req));
}

/** The program the pages' switch chose, from the request's cookie. */
export const chosenProgram = (req: Request): string | undefined =>
  (req.cookies as Record<string, string> | undefined)?.[PROGRAM_COOKIE];

/**
 * The program a sign-in works in without naming one per request: the one chosen in the pages' switch
 * when it is one of theirs, else its first program this service runs, else the served one.
 */
export function programOfSignIn(
  held: readonly string[] | undefined,
  programs: ReadonlyMap<string, Program>,
  served: Program,
  chosen?: string,
): Program {
  const ofChoice = chosen === undefined || (held && !held.includes(chosen)) ? undefined : programs.get(chosen);
  return ofChoice ?? held?.map((id) => programs.get(id)).find((p) => p !== undefined) ?? served;
}

/** The programs a sign-in may switch between: those this service runs that it names (all, when it names none). */
export const programsOfSignIn = (held: readonly string[] | undefined, programs: ReadonlyMap<string, Program>) =>
  [...programs.values()].filter((p) => held === undefined || held.includes(p.id));

/**
 * Whether a sign-in reads every program this service runs: one not limited to programs, or one holding
 * them all. The Temporal Web UI and its codec show every program's workflows (one shared namespace), so
 * they are for such readers only (R-ROI).
 */
export function readsEveryProgram(
  held: readonly string[] | undefined,
  programs: ReadonlyMap<string, Program>,
): boolean {
  return held === undefined || [...programs.keys()].every((id) => held.includes(id));
}

/** The refusal of a reader of some programs only, where every program's workflows would be shown. */
export const NOT_EVERY_PROGRAM =
  "The Temporal Web UI and its codec show every program's workflows (the programs share one Temporal namespace): they are for supervisors of every program (R-ROI). Your programs' cases are on the LEAD pages.";

export interface ProgramRouters {
  /** Serves a request with the routes of its program, built from that program's configuration in force. */
  serve: RequestHandler;
  /** The routes as the served program has them: what the API document describes. */
  servedRoutes: Route[];
}

/**
 * One router per program, built from the program's configuration when a request first needs it and
 * again when a new version of it is in force, so that an added program or a changed configuration is
 * served without a restart. Its Express stack is the served program's, for the route coverage checks.
 */
export function programRouters(options: {
  routesOf: (program: Program) => Route[];
  programs: () => Promise<ReadonlyMap<string, Program>>;
  served: () => Promise<Program>;
  inputs: RequestHandler[];
  initial: Program;
}): ProgramRouters {
  const built = new Map<string, { version: number; router: Router }>();
  const routerOf = (program: Program): Router => {
    const known = built.get(program.id);
    if (known && known.version === program.version) return known.router;
    const router = express.Router();
    mountRoutes(router, options.routesOf(program), options.inputs);
    built.set(program.id, { version: program.version, router });
    return router;
  };
  const servedRoutes = options.routesOf(options.initial);
  const initialRouter = express.Router();
  mountRoutes(initialRouter, servedRoutes, options.inputs);
  built.set(options.initial.id, { version: options.initial.version, router: initialRouter });
  const serve: RequestHandler = (req, res, next) => {
    void (async () => {
      const program = programOfRequest(req, await options.programs(), await options.served());
      routerOf(program)(req, res, next);
    })().catch(next);
  };
  Object.defineProperty(serve, 'stack', { get: () => initialRouter.stack });
  return { serve, servedRoutes };
}
