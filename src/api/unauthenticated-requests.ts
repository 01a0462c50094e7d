import type { Request, RequestHandler } from 'express';
import { countUnauthenticated } from '../db/queries/audit';
import type { Database } from '../db/queries/database';
import { HttpError } from './http-error';
import { routeOf } from './request-log';
import { sharedRateLimit } from './shared-rate-limit';

/** Requests without a valid sign-in, per window: from one address, and from everyone together. */
export interface UnauthenticatedLimits {
  windowMs: number;
  perAddress: number;
  total: number;
}

/**
 * Requests that carry no valid sign-in (sign-in itself, a missing or expired token, probes) are
 * limited per address and overall, in counters every API process shares; signed-in people are never
 * counted here (their own limits are per person).
 */
export function unauthenticatedLimits(db: Database, limits: UnauthenticatedLimits): RequestHandler[] {
  const minutes = Math.ceil(limits.windowMs / 60_000);
  const refuse = (who: string) => () => {
    throw new HttpError(
      429,
      'TOO_MANY_REQUESTS',
      `Too many requests without a sign-in ${who}; wait ${minutes} minute${minutes === 1 ? '' : 's'} or sign in`,
    );
  };
  const skip = (req: Request) => req.actor !== undefined;
  return [
    sharedRateLimit(db, 'unauthenticated-address', {
      windowMs: limits.windowMs,
      limit: limits.perAddress,
      skip,
      handler: refuse('from this network'),
    }),
    sharedRateLimit(db, 'unauthenticated-total', {
      windowMs: limits.windowMs,
      limit: limits.total,
      skip,
      keyGenerator: () => 'everyone',
      handler: refuse('to this service right now'),
    }),
  ];
}

/**
 * The audit of a request without a sign-in: a count per minute, address, route and answer, not a row
 * each — nobody can fill the permanent audit trail without signing in.
 */
export function countUnauthenticatedRequest(db: Database, req: Request, status: number) {
  const address = (req.ip ?? 'unknown').slice(0, 100);
  const route = routeOf(req).slice(0, 200);
  return countUnauthenticated(db, { address, method: req.method.slice(0, 20), route, status });
}
