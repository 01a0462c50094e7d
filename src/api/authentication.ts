import type { NextFunction, Request, Response } from 'express';
import { TokenError, type Identity, type TokenService } from '../auth/tokens';
import { allows, type Permission } from '../shared/permissions';
import { HttpError } from './http-error';

export const SESSION_COOKIE = 'lead_session';

export type RequestActor = Identity & { via: 'bearer' | 'cookie' };

declare module 'express-serve-static-core' {
  interface Request {
    actor?: RequestActor;
    requestId?: string;
    /** The caller's own X-Request-Id, when well-formed (kept beside the service's id). */
    clientRequestId?: string;
    /** What the audit trail records for this request (set where the action is known). */
    audit?: { action?: string; caseId?: string };
  }
}

/**
 * Every API route (health checks aside) needs a signed-in person: a bearer JWT (an agency's identity
 * provider, or local sign-in) or the session cookie local sign-in sets for the pages.
 */
export function authenticate(tokens: TokenService) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (!token) throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in first: send a bearer token or the session cookie');
    try {
      req.actor = { ...(await tokens.verify(token)), via: bearer ? 'bearer' : 'cookie' };
    } catch (err) {
      if (err instanceof TokenError) throw new HttpError(401, err.code, err.message);
      throw err;
    }
    next();
  };
}

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
