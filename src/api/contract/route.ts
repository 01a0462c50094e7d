import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import type { Permission } from '../../shared/permissions';
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
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<C extends RouteContract> {
  req: Request;
  res: Response;
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
  handle(context: RouteContext<C>): Promise<void> | void;
}

export function route<const C extends RouteContract>(
  contract: C,
  handle: Route<C>['handle'],
  before?: RequestHandler[],
  afterBodyChecks?: RequestHandler[],
): Route {
  return { contract, handle, before, afterBodyChecks } as unknown as Route;
}

/** Marks the handler Express runs for a contract, so that a test can tell declared routes from others. */
export const CONTRACT = Symbol('route contract');

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, what: string): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, what);
  return parsed.data;
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
  for (const { contract, before = [], afterBodyChecks = [], handle } of routes) {
    const checkAccess: RequestHandler = (req, _res, next) => {
      // The audit trail records which case a request touched, whether or not it was allowed.
      if (typeof req.params.caseId === 'string') req.audit = { ...req.audit, caseId: req.params.caseId };
      actorFor(req, contract.access);
      next();
    };
    const serve: RequestHandler = async (req, res) => {
      const headers = contract.headers
        ? Object.fromEntries(Object.keys(contract.headers.shape).map((name) => [name, req.get(name)]))
        : undefined;
      await handle({
        req,
        res,
        actor: req.actor as RequestActor,
        params: parse(contract.params, req.params, 'path') as never,
        query: parse(contract.query, req.query, 'query') as never,
        headers: parse(contract.headers, headers, 'headers') as never,
        body: parse(contract.body, req.body ?? {}, 'request body') as never,
      });
    };
    Object.assign(serve, { [CONTRACT]: contract });
    router[contract.method](contract.path, checkAccess, ...before, ...bodyChecks, ...afterBodyChecks, serve);
  }
}
