import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import type { Permission } from '../../contract/permissions';
import { stage } from '../../process/stage-clock';
import { requirePermission, type RequestActor } from '../authentication';
import { HttpError, validationError } from '../http-error';

/** Who may call a route: holders of one permission, anyone signed in, or anyone at all (sign-in). */
export type Access = { permission: Permission } | 'signed-in' | 'public';

export interface ResponseContract {
  description: string;
  /** The JSON body; absent for a body that is not JSON (`contentType`). */
  schema?: z.ZodType;
  contentType?: 'application/json' | 'text/csv' | 'application/x-ndjson' | 'application/pdf';
}

/** One route, declared once: the API serves it, checks its inputs and access, and documents it from this. */
export interface RouteContract {
  method: 'get' | 'post';
  /** Below /api, in Express syntax (`/cases/:caseId`). */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Request headers the route reads (names in lower case). */
  headers?: z.ZodObject;
  body?: z.ZodType;
  /** The answers a caller can count on; the errors every route shares are added by the document. */
  responses: Record<number, ResponseContract>;
  /** Its requests' time by stage in `lead_request_stage_seconds` (a few routes: each stage is a series). */
  reportsStages?: true;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * What a handler may do to the response besides answering: headers and cookies. Its body and status
 * are the answer it returns, so that only a declared answer can leave.
 */
export type ResponseHeaders = Pick<Response, 'set' | 'setHeader' | 'cookie' | 'clearCookie' | 'locals'>;

/** A file download: sent whole (the audit trail records its disclosures before any of it leaves). */
export interface FileAnswer {
  contentType: string;
  /** The name it is saved under. */
  filename: string;
  content: string | Buffer;
}

type AnswerOf<S extends number, R> = R extends { schema: infer B extends z.ZodType }
  ? { status: S; body: z.input<B> }
  : { status: S; file: FileAnswer };

/** The answers a route may give: one of its declared statuses with that status's body (ts-rest's shape). */
export type RouteAnswer<C extends RouteContract> = {
  [S in keyof C['responses'] & number]: AnswerOf<S, C['responses'][S]>;
}[keyof C['responses'] & number];

/** An idempotent create's answer: 201 the first time, 200 with the same body when it was already recorded. */
export const createdOrFound = <B>(created: boolean, body: B) =>
  created ? { status: 201 as const, body } : { status: 200 as const, body };

export interface RouteContext<C extends RouteContract> {
  req: Request;
  res: ResponseHeaders;
  actor: C['access'] extends 'public' ? RequestActor | undefined : RequestActor;
  params: Parsed<C['params']>;
  query: Parsed<C['query']>;
  headers: Parsed<C['headers']>;
  body: Parsed<C['body']>;
}

export interface Route<C extends RouteContract = RouteContract> {
  contract: C;
  /** Middleware that runs after the access check and before the inputs are read (e.g. rate limits). */
  before?: RequestHandler[];
  /** Middleware that needs the parsed body (e.g. a limit on what the body asks for): after the body checks. */
  afterBodyChecks?: RequestHandler[];
  handle(context: RouteContext<C>): Promise<RouteAnswer<C>> | RouteAnswer<C>;
}

/** A route that still says which contract it serves, so that clients can derive their types from it. */
export type DeclaredRoute<C extends RouteContract> = Omit<Route, 'contract'> & { readonly contract: C };

export function route<const C extends RouteContract>(
  contract: C,
  handle: NoInfer<Route<C>['handle']>,
  before?: RequestHandler[],
  afterBodyChecks?: RequestHandler[],
): DeclaredRoute<C> {
  return { contract, handle, before, afterBodyChecks };
}

/** Marks the handler Express runs for a contract, so that a test can tell declared routes from others. */
export const CONTRACT = Symbol('route contract');

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, what: string): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, what);
  return parsed.data;
}

/**
 * Sends a handler's answer only if the route declares it: its status among the route's answers, its
 * body through that answer's schema — strict, so a field the disclosure policy did not put in the
 * declared shape is refused here (500, nothing sent) rather than sent.
 */
function send(res: Response, contract: RouteContract, answer: { status: number; body?: unknown; file?: FileAnswer }) {
  const declared = contract.responses[answer.status];
  const where = `${contract.method.toUpperCase()} ${contract.path}`;
  if (!declared) throw new AnswerOutsideContractError(`${where} answered ${answer.status}, which it does not declare`);
  if (answer.file) {
    if (declared.schema || !declared.contentType || !answer.file.contentType.startsWith(declared.contentType))
      throw new AnswerOutsideContractError(`${where} answered ${answer.file.contentType}, which it does not declare`);
    res
      .status(answer.status)
      .type(answer.file.contentType)
      .set('Content-Disposition', `attachment; filename="${answer.file.filename}"`)
      .send(answer.file.content);
    return;
  }
  if (!declared.schema) throw new AnswerOutsideContractError(`${where} answered JSON where a file is declared`);
  const schema = declared.schema;
  const checked = stage('answer', () => schema.safeParse(answer.body));
  if (!checked.success) {
    // Only the paths: the values may be exactly what must not be disclosed.
    const paths = checked.error.issues.map(
      (i) => `${i.path.join('.') || '(body)'}: ${i.code}${'keys' in i ? ` ${String(i.keys)}` : ''}`,
    );
    throw new AnswerOutsideContractError(`${where} answered ${answer.status} outside its schema: ${paths.join('; ')}`);
  }
  res.status(answer.status).json(checked.data);
}

/** A handler answered something its route does not declare: a bug, answered 500 with nothing of it sent. */
export class AnswerOutsideContractError extends Error {
  override name = 'AnswerOutsideContractError';
}

function actorFor(req: Request, access: Access): RequestActor | undefined {
  if (access === 'public') return req.actor;
  if (access === 'signed-in') {
    if (!req.actor) throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in first');
    return req.actor;
  }
  return requirePermission(req, access.permission);
}

/**
 * Serves each route at its declared path: access first (who, and may they), then the route's own
 * middleware (rate limits), then the checks of the raw body (`bodyChecks`), then every input through
 * its zod schema.
 */
export function mountRoutes(router: Router, routes: Route[], bodyChecks: RequestHandler[] = []): void {
  for (const route of routes) {
    const { contract, before = [], afterBodyChecks = [] } = route;
    const checkAccess: RequestHandler = (req, _res, next) => {
      // The audit trail records which case a request touched, whether or not it was allowed.
      if (typeof req.params.caseId === 'string') req.audit = { ...req.audit, caseId: req.params.caseId };
      if (contract.reportsStages && req.stages) req.stages.reported = true;
      actorFor(req, contract.access);
      next();
    };
    const handle = async (req: Request, res: Response) => {
      const headers = contract.headers
        ? Object.fromEntries(Object.keys(contract.headers.shape).map((name) => [name, req.get(name)]))
        : undefined;
      const inputs = stage('body_validation', () => ({
        params: parse(contract.params, req.params, 'path') as never,
        query: parse(contract.query, req.query, 'query') as never,
        headers: parse(contract.headers, headers, 'headers') as never,
        body: parse(contract.body, req.body ?? {}, 'request body'),
      }));
      send(res, contract, await route.handle({ req, res, actor: req.actor as RequestActor, ...inputs }));
    };
    // The handler runs inside the request's stage clock: what it calls times itself there.
    const serve: RequestHandler = (req, res) =>
      req.stages ? req.stages.clock.run(() => handle(req, res)) : handle(req, res);
    Object.assign(serve, { [CONTRACT]: contract });
    router[contract.method](contract.path, checkAccess, ...before, ...bodyChecks, ...afterBodyChecks, serve);
  }
}
