import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logging';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;
const PROBES = new Set(['/livez', '/healthz', '/readyz']);
const ROUTE = Symbol('route pattern');
type Tracked = Request & { [ROUTE]?: string };

/**
 * The request id is always the service's own (the audit trail and the case events trust it); a
 * well-formed X-Request-Id from the caller is kept beside it and echoed as X-Client-Request-Id.
 */
export function assignRequestId(req: Request, res: Response): string {
  if (!req.requestId) {
    req.requestId = randomUUID();
    res.setHeader('X-Request-Id', req.requestId);
    const given = req.get('x-request-id');
    if (given && CLIENT_REQUEST_ID.test(given)) {
      req.clientRequestId = given;
      res.setHeader('X-Client-Request-Id', given);
    }
  }
  return req.requestId;
}

/**
 * Remembers the pattern of the route that answers ('/api/cases/:caseId'). Express sets req.route when
 * a route matches, but an error unwinding the routers restores req.baseUrl before the response
 * finishes, so the mount path is taken at match time.
 */
export function trackRoute(req: Request): void {
  if (Object.getOwnPropertyDescriptor(req, 'route')?.set) return;
  let route = req.route as { path?: unknown } | undefined;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: { path?: unknown } | undefined) {
      route = value;
      (req as Tracked)[ROUTE] = value ? `${req.baseUrl}${String(value.path)}` : undefined;
    },
  });
}

/** The pattern trackRoute saw; 'unmatched' when no route was reached (404s, refusals before routing). */
export function routeOf(req: Request): string {
  return (req as Tracked)[ROUTE] ?? 'unmatched';
}

/**
 * One JSON log line per answered request: request id, method, route pattern, status and duration —
 * never the URL (query strings), headers or bodies, so no personal data.
 */
export function requestLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = assignRequestId(req, res);
    trackRoute(req);
    const probe = PROBES.has(req.path);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      const entry = {
        requestId,
        ...(req.clientRequestId ? { clientRequestId: req.clientRequestId } : {}),
        method: req.method,
        route: routeOf(req),
        status: res.statusCode,
        durationMs,
      };
      if (res.statusCode >= 500) log.error(entry, 'request');
      else if (probe) log.debug(entry, 'request');
      else log.info(entry, 'request');
    });
    next();
  };
}
