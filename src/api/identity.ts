import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { ROLES, type Actor } from '../shared/roles';
import { allows, type Permission } from '../shared/permissions';
import { HttpError } from './http-error';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor & { role: (typeof ROLES)[number] };
  }
}

const identityHeaders = z.object({
  'x-lead-user': z.string().trim().min(1).max(100),
  'x-lead-role': z.enum(ROLES),
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
  req.actor = { id: parsed.data['x-lead-user'], role: parsed.data['x-lead-role'] };
  next();
}

export function requirePermission(req: Request, permission: Permission): Actor {
  const actor = req.actor;
  if (!actor) throw new HttpError(401, 'UNIDENTIFIED', 'Say who you are');
  if (!allows(actor.role, permission)) {
    throw new HttpError(403, 'FORBIDDEN', `The ${actor.role} role lacks the permission ${permission}`, { permission });
  }
  return actor;
}
