import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { TokenError, type Identity, type TokenService } from '../auth/tokens';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { allows, type Permission } from '../contract/permissions';
import { HttpError } from './http-error';

export type RequestActor = Identity & { via: 'bearer' | 'cookie' };

declare module 'express-serve-static-core' {
  interface Request {
    actor?: RequestActor;
    /** Why the token the request carried was refused (expired, revoked, forged…), for the sign-in check. */
    tokenRefusal?: HttpError;
    requestId?: string;
    /** The caller's own X-Request-Id, when well-formed (kept beside the service's id). */
    clientRequestId?: string;
    /** What the audit trail records for this request (set where the action is known). */
    audit?: { action?: string; caseId?: string };
  }
}

/** The bearer token, or else the session cookie, and how it came. */
function tokenOf(req: Request): { token: string; via: RequestActor['via'] } | undefined {
  const bearer = req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return { token: bearer, via: 'bearer' };
  const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

/**
 * Who is calling, before anything else of the request is read: a bearer JWT (an agency's identity
 * provider, or local sign-in) or the session cookie local sign-in sets for the pages. A request without
 * a valid one goes on without an actor — the public routes (sign-in) take it; `requireSignIn` refuses it.
 */
export function identify(tokens: TokenService): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const given = tokenOf(req);
    if (!given) return next();
    try {
      req.actor = { ...(await tokens.verify(given.token)), via: given.via };
    } catch (err) {
      if (!(err instanceof TokenError)) throw err;
      req.tokenRefusal = new HttpError(401, err.code, err.message);
    }
    next();
  };
}

/** Every API route but the public ones needs a signed-in person: 401 naming why the token was refused. */
export const requireSignIn: RequestHandler = (req, _res, next) => {
  if (req.actor) return next();
  throw (
    req.tokenRefusal ??
    new HttpError(401, 'UNAUTHENTICATED', 'Sign in first: send a bearer token or the session cookie')
  );
};

/** The single permission table, enforced here: a denial names the missing permission. */
export function requirePermission(req: Request, permission: Permission): RequestActor {
  const actor = req.actor;
  req.audit = { ...req.audit, action: permission };
  if (!actor) throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in first');
  if (!allows(actor.role, permission)) {
    throw new HttpError(403, 'FORBIDDEN', `The ${actor.role} role lacks the permission ${permission}`, { permission });
  }
  return actor;
}
