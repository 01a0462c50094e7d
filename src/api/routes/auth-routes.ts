import type { Request } from 'express';
import { z } from 'zod';
import type { Program } from '../../programs/program';
import { text } from '../../shared/text-schema';
import { endSession, programsRequiredOf, type AccountPolicy } from '../../auth/accounts';
import { checkCredentials, DemoAccountRefused } from '../../auth/local-users';
import { claimSignInAttempt, signInSucceeded, type SignInBackoff } from '../../db/queries/sign-in-backoff';
import type { Identity, TokenService } from '../../auth/tokens';
import type { Database } from '../../db/queries/database';
import { SESSION_COOKIE } from '../../auth/session-cookie';
import { errorBodySchema } from '../schemas/error-answer';
import { route, type ResponseHeaders } from '../contract/route';
import { HttpError } from '../http-error';
import { isoDateTime } from '../schemas/common';
import { sharedRateLimit } from '../shared-rate-limit';

const signInSchema = z.strictObject({
  username: text({ max: 100 }),
  password: text({ max: 200, trim: false }),
});

/** Failed sign-ins from one address within the window, and the slowing down of each account's. */
export interface SignInLimits {
  windowMs: number;
  perAddress: number;
  accountBackoff: { firstMs: number; maxMs: number };
}

/**
 * Failed sign-ins are limited per address, in counters every API process shares; a successful one is not
 * counted (a precinct where a whole shift signs in from one address is never locked out by its own
 * colleagues), nor is an attempt refused while its account's wait runs.
 */
function perAddressLimit(db: Database, limits: SignInLimits) {
  const minutes = Math.ceil(limits.windowMs / 60_000);
  return sharedRateLimit(db, 'sign-in-failures-address', {
    windowMs: limits.windowMs,
    limit: limits.perAddress,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode < 400 || res.locals.accountWaiting === true,
    handler: () => {
      throw new HttpError(
        429,
        'TOO_MANY_ATTEMPTS',
        `Too many wrong passwords from this network; wait ${minutes} minutes`,
      );
    },
  });
}

const AUTH_TAG = 'Sign-in';
const userSchema = z.strictObject({
  id: z.string(),
  role: z.string(),
  name: z.string().optional(),
  office: z.string().optional(),
  agency: z.string().optional(),
  badge: z.string().optional().describe("An officer's badge number: the referring officer of their referrals"),
});

/** Local sign-in for the embedded default: issues the same JWTs the API verifies, as a session cookie. */
export function signInRoutes(deps: {
  db: Database;
  tokens: TokenService;
  accounts: AccountPolicy;
  limits: SignInLimits;
  secureCookies: boolean;
}) {
  const backoff: SignInBackoff = { ...deps.limits.accountBackoff, forgetAfterMs: deps.limits.windowMs };
  const ceiling =
    backoff.maxMs >= 60_000 ? `${Math.round(backoff.maxMs / 60_000)} minutes` : `${Math.ceil(backoff.maxMs / 1000)} s`;
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
            schema: z.strictObject({ user: userSchema, expiresAt: isoDateTime, token: z.string() }),
          },
          401: {
            description: 'Wrong username or password (or a demo account outside the demo)',
            schema: errorBodySchema,
          },
          403: {
            description: 'Issue 26: the service runs several programs and the account names none of them',
            schema: errorBodySchema,
          },
          429: {
            description:
              'Too many wrong passwords from this address, or a wrong password for this account a moment ago: wait Retry-After seconds',
            schema: errorBodySchema,
          },
        },
      },
      async ({ req, res, body }) => {
        req.audit = { action: 'auth.signIn' };
        const attempt = await claimSignInAttempt(deps.db, body.username, backoff);
        if (!attempt.allowed) {
          const seconds = Math.ceil(attempt.retryAfterMs / 1000);
          res.locals.accountWaiting = true;
          res.setHeader('Retry-After', String(seconds));
          throw new HttpError(
            429,
            'SIGN_IN_WAIT',
            `A wrong password was entered for this account: wait ${seconds} second${seconds === 1 ? '' : 's'} before trying again (each wrong password doubles the wait, up to ${ceiling})`,
            { retryAfterSeconds: seconds },
          );
        }
        const identity = await checkCredentials(deps.db, body.username, body.password, deps.accounts).catch((err) => {
          if (err instanceof DemoAccountRefused) throw new HttpError(401, 'DEMO_ACCOUNT_REFUSED', err.message);
          throw err;
        });
        if (!identity) throw new HttpError(401, 'WRONG_CREDENTIALS', 'Wrong username or password');
        const programsRequired = await programsRequiredOf(identity, deps.accounts);
        if (programsRequired) throw new HttpError(403, 'PROGRAM_REQUIRED', programsRequired);
        await signInSucceeded(deps.db, body.username);
        const { token, expiresAt, sessionId } = await deps.tokens.issue(identity);
        req.actor = { ...identity, sessionId, via: 'cookie' };
        res.cookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.secureCookies,
          expires: expiresAt,
          path: '/',
        });
        return { status: 200, body: { user: userOf(identity), expiresAt: expiresAt.toISOString(), token } };
      },
      [perAddressLimit(deps.db, deps.limits)],
    ),
    route(
      {
        method: 'post',
        path: '/auth/sign-out',
        operationId: 'signOut',
        tag: AUTH_TAG,
        summary:
          'Sign out: ends the session (its token, as cookie or bearer, is refused from now on) and clears the cookie',
        access: 'public',
        responses: { 200: { description: 'Signed out', schema: z.strictObject({ signedOut: z.literal(true) }) } },
      },
      async ({ req, res, actor }) => {
        req.audit = { action: 'auth.signOut' };
        if (actor) await endSession(deps.db, actor, deps.tokens.sessionSeconds);
        res.clearCookie(SESSION_COOKIE, { path: '/' });
        return { status: 200, body: { signedOut: true } };
      },
    ),
  ];
}

/** Who a person is, as the pages show them: never the session's own bookkeeping (its version, its id). */
const userOf = (who: Omit<Identity, 'sessionVersion'>) => ({
  id: who.id,
  role: who.role,
  name: who.name,
  office: who.office,
  agency: who.agency,
  badge: who.badge,
});

/** For a signed-in person: who they are, and the CSRF token their page sends with every change. */
/** A program as the identity bar's switch names it. */
const programChoiceSchema = z.strictObject({ id: z.string(), name: z.string() });

/**
 * `programsOf`: issue 26 — the program a sign-in works in on the pages now, and those it may switch
 * between (the programs this service runs that the sign-in names).
 */
export function sessionRoutes(
  csrfToken: (req: Request, res: ResponseHeaders) => string,
  programsOf: (req: Request) => Promise<{ working: Program; mine: Program[] }>,
) {
  return [
    route(
      {
        method: 'get',
        path: '/auth/me',
        operationId: 'whoAmI',
        tag: AUTH_TAG,
        summary: 'Who is signed in',
        access: 'signed-in',
        responses: {
          200: {
            description: 'The signed-in person, the program they work in, and the programs they may switch between',
            schema: z.strictObject({
              user: userSchema,
              program: programChoiceSchema,
              programs: z.array(programChoiceSchema),
            }),
          },
        },
      },
      async ({ req, actor }) => {
        const { working, mine } = await programsOf(req);
        const choice = (p: Program) => ({ id: p.id, name: p.name });
        return { status: 200, body: { user: userOf(actor), program: choice(working), programs: mine.map(choice) } };
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
        responses: { 200: { description: 'The token', schema: z.strictObject({ csrfToken: z.string() }) } },
      },
      ({ req, res }) => ({ status: 200, body: { csrfToken: csrfToken(req, res) } }),
    ),
  ];
}
