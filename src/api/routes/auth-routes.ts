import { Router, type Request, type Response } from 'express';
import rateLimit from 'express-rate-limit';
import { z } from 'zod';
import type { AccountPolicy } from '../../auth/accounts';
import { checkCredentials, DemoAccountRefused } from '../../auth/local-users';
import type { TokenService } from '../../auth/tokens';
import type { PrismaClient } from '../../generated/prisma/client';
import { SESSION_COOKIE, type RequestActor } from '../authentication';
import { HttpError, validationError } from '../http-error';

const signInSchema = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

/**
 * Failed sign-ins are limited per address and per account; a successful one is not counted (a precinct
 * where a whole shift signs in from one address is never locked out by its own colleagues).
 */
function failureLimiter(windowMs: number, limit: number, scope: 'address' | 'account') {
  return rateLimit({
    windowMs,
    limit,
    skipSuccessfulRequests: true,
    ...(scope === 'account'
      ? {
          keyGenerator: (req) =>
            `account:${String((req.body as { username?: unknown } | undefined)?.username ?? '')
              .trim()
              .toLowerCase()}`,
        }
      : {}),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, _next, options) => {
      const minutes = Math.ceil(options.windowMs / 60_000);
      throw new HttpError(
        429,
        'TOO_MANY_ATTEMPTS',
        scope === 'account'
          ? `Too many wrong passwords for this account; wait ${minutes} minutes or ask your administrator to reset it`
          : `Too many wrong passwords from this network; wait ${minutes} minutes`,
      );
    },
  });
}

/** Local sign-in for the embedded default: issues the same JWTs the API verifies, as a session cookie. */
export function signInRoutes(deps: {
  db: PrismaClient;
  tokens: TokenService;
  accounts: AccountPolicy;
  limits: { windowMs: number; perAddress: number; perAccount: number };
  secureCookies: boolean;
}): Router {
  const router = Router();
  const perAddress = failureLimiter(deps.limits.windowMs, deps.limits.perAddress, 'address');
  const perAccount = failureLimiter(deps.limits.windowMs, deps.limits.perAccount, 'account');

  router.post('/auth/sign-in', perAddress, perAccount, async (req, res) => {
    req.audit = { action: 'auth.signIn' };
    const parsed = signInSchema.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const identity = await checkCredentials(deps.db, parsed.data.username, parsed.data.password, deps.accounts).catch(
      (err) => {
        if (err instanceof DemoAccountRefused) throw new HttpError(401, 'DEMO_ACCOUNT_REFUSED', err.message);
        throw err;
      },
    );
    if (!identity) throw new HttpError(401, 'WRONG_CREDENTIALS', 'Wrong username or password');
    const { token, expiresAt } = await deps.tokens.issue(identity);
    req.actor = { ...identity, via: 'cookie' };
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      expires: expiresAt,
      path: '/',
    });
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
    res.json({
      user: { id: actor.id, role: actor.role, name: actor.name, office: actor.office, agency: actor.agency },
    });
  });
  router.get('/auth/csrf', (req, res) => {
    res.json({ csrfToken: csrfToken(req, res) });
  });
  return router;
}
