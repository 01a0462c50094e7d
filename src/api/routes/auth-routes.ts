import type { Request, Response } from 'express';
import rateLimit from 'express-rate-limit';
import { z } from 'zod';
import type { AccountPolicy } from '../../auth/accounts';
import { checkCredentials, DemoAccountRefused } from '../../auth/local-users';
import type { TokenService } from '../../auth/tokens';
import type { PrismaClient } from '../../generated/prisma/client';
import { SESSION_COOKIE } from '../authentication';
import { errorBodySchema } from '../contract/openapi-document';
import { route, type Route } from '../contract/route';
import { HttpError } from '../http-error';
import { isoDateTime } from '../schemas/common';

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

const AUTH_TAG = 'Sign-in';
const userSchema = z.looseObject({
  id: z.string(),
  role: z.string(),
  name: z.string().optional(),
  office: z.string().optional(),
  agency: z.string().optional(),
  badge: z.string().optional().describe("An officer's badge number: the referring officer of their referrals"),
});

/** Local sign-in for the embedded default: issues the same JWTs the API verifies, as a session cookie. */
export function signInRoutes(deps: {
  db: PrismaClient;
  tokens: TokenService;
  accounts: AccountPolicy;
  limits: { windowMs: number; perAddress: number; perAccount: number };
  secureCookies: boolean;
}): Route[] {
  const perAddress = failureLimiter(deps.limits.windowMs, deps.limits.perAddress, 'address');
  const perAccount = failureLimiter(deps.limits.windowMs, deps.limits.perAccount, 'account');
  return [
    route(
      {
        method: 'post',
        path: '/auth/sign-in',
        operationId: 'signIn',
        tag: AUTH_TAG,
        summary: 'Sign in with a local account: sets the session cookie and returns the same token for API use',
        access: 'public',
        body: signInSchema,
        responses: {
          200: {
            description: 'Signed in',
            schema: z.looseObject({ user: userSchema, expiresAt: isoDateTime, token: z.string() }),
          },
          401: {
            description: 'Wrong username or password (or a demo account outside the demo)',
            schema: errorBodySchema,
          },
          429: {
            description: 'Too many wrong passwords from this address or for this account',
            schema: errorBodySchema,
          },
        },
      },
      async ({ req, res, body }) => {
        req.audit = { action: 'auth.signIn' };
        const identity = await checkCredentials(deps.db, body.username, body.password, deps.accounts).catch((err) => {
          if (err instanceof DemoAccountRefused) throw new HttpError(401, 'DEMO_ACCOUNT_REFUSED', err.message);
          throw err;
        });
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
      },
      [perAddress, perAccount],
    ),
    route(
      {
        method: 'post',
        path: '/auth/sign-out',
        operationId: 'signOut',
        tag: AUTH_TAG,
        summary: 'Sign out: clears the session cookie',
        access: 'public',
        responses: { 200: { description: 'Signed out', schema: z.looseObject({ signedOut: z.literal(true) }) } },
      },
      ({ req, res }) => {
        req.audit = { action: 'auth.signOut' };
        res.clearCookie(SESSION_COOKIE, { path: '/' });
        res.json({ signedOut: true });
      },
    ),
  ];
}

/** For a signed-in person: who they are, and the CSRF token their page sends with every change. */
export function sessionRoutes(csrfToken: (req: Request, res: Response) => string): Route[] {
  return [
    route(
      {
        method: 'get',
        path: '/auth/me',
        operationId: 'whoAmI',
        tag: AUTH_TAG,
        summary: 'Who is signed in',
        access: 'signed-in',
        responses: { 200: { description: 'The signed-in person', schema: z.looseObject({ user: userSchema }) } },
      },
      ({ res, actor }) => {
        res.json({
          user: {
            id: actor.id,
            role: actor.role,
            name: actor.name,
            office: actor.office,
            agency: actor.agency,
            badge: actor.badge,
          },
        });
      },
    ),
    route(
      {
        method: 'get',
        path: '/auth/csrf',
        operationId: 'getCsrfToken',
        tag: AUTH_TAG,
        summary: 'The X-CSRF-Token a cookie session sends with every change',
        access: 'signed-in',
        responses: { 200: { description: 'The token', schema: z.looseObject({ csrfToken: z.string() }) } },
      },
      ({ req, res }) => {
        res.json({ csrfToken: csrfToken(req, res) });
      },
    ),
  ];
}
