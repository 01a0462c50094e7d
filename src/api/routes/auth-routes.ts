import { Router, type Request, type Response } from 'express';
import rateLimit from 'express-rate-limit';
import { z } from 'zod';
import { checkCredentials } from '../../auth/local-users';
import type { TokenService } from '../../auth/tokens';
import type { PrismaClient } from '../../generated/prisma/client';
import { SESSION_COOKIE, type RequestActor } from '../authentication';
import { HttpError, validationError } from '../http-error';

const signInSchema = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

/** Local sign-in for the embedded default: issues the same JWTs the API verifies, as a session cookie. */
export function signInRoutes(deps: { db: PrismaClient; tokens: TokenService; signInLimit: { windowMs: number; limit: number }; secureCookies: boolean }): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: deps.signInLimit.windowMs,
    limit: deps.signInLimit.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, _next, options) => {
      throw new HttpError(429, 'TOO_MANY_ATTEMPTS', `Too many sign-in attempts; wait ${Math.ceil(options.windowMs / 60_000)} minutes`);
    },
  });

  router.post('/auth/sign-in', limiter, async (req, res) => {
    req.audit = { action: 'auth.signIn' };
    const parsed = signInSchema.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const identity = await checkCredentials(deps.db, parsed.data.username, parsed.data.password);
    if (!identity) throw new HttpError(401, 'WRONG_CREDENTIALS', 'Wrong username or password');
    const { token, expiresAt } = await deps.tokens.issue(identity);
    req.actor = { ...identity, via: 'cookie' };
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: deps.secureCookies, expires: expiresAt, path: '/' });
    res.json({ user: identity, expiresAt: expiresAt.toISOString(), token });
  });

  router.post('/auth/sign-out', (req, res) => {
    req.audit = { action: 'auth.signOut' };
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.json({ signedOut: true });
  });

  return router;
}

/** For a signed-in person: who they are, and the CSRF token their page sends with every change. */
export function sessionRoutes(csrfToken: (req: Request, res: Response) => string): Router {
  const router = Router();
  router.get('/auth/me', (req, res) => {
    const actor = req.actor as RequestActor;
    res.json({ user: { id: actor.id, role: actor.role, name: actor.name, office: actor.office, agency: actor.agency } });
  });
  router.get('/auth/csrf', (req, res) => {
    res.json({ csrfToken: csrfToken(req, res) });
  });
  return router;
}
