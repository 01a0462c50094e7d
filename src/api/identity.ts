import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { ROLES, type Actor } from '../shared/roles';
import { allows, type Permission } from '../shared/permissions';
import { HttpError } from './http-error';

export type RequestActor = Actor & { role: (typeof ROLES)[number]; office?: string };

declare module 'express-serve-static-core' {
  interface Request {
    actor?: RequestActor;
  }
}

const identityHeaders = z.object({
  'x-lead-user': z.string().trim().min(1).max(100),
  'x-lead-role': z.enum(ROLES),
  /** A prosecutor's office (R-JURISDICTION): their inbox shows that office's notices only. */
  'x-lead-office': z.string().regex(/^[A-Z][A-Z0-9_]*$/).optional(),
});

/**
 * Who is calling. Until sign-in exists the caller states it in two headers (X-LEAD-User, X-LEAD-Role);
 * the rest of the API only ever reads `req.actor`.
 */
export function identify(req: Request, _res: Response, next: NextFunction): void {
  const parsed = identityHeaders.safeParse(req.headers);
  if (!parsed.success) {
    const missing = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ');
    throw new HttpError(401, 'UNIDENTIFIED', `Say who you are: ${missing}`);
  }
  req.actor = { id: parsed.data['x-lead-user'], role: parsed.data['x-lead-role'], office: parsed.data['x-lead-office'] };
  next();
}

export function requirePermission(req: Request, permission: Permission): RequestActor {
  const actor = req.actor;
  if (!actor) throw new HttpError(401, 'UNIDENTIFIED', 'Say who you are');
  if (!allows(actor.role, permission)) {
    throw new HttpError(403, 'FORBIDDEN', `The ${actor.role} role lacks the permission ${permission}`, { permission });
  }
  return actor;
}
