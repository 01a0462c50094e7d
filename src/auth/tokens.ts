import {
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  errors,
  type JWK,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { programIdSchema } from '../shared/program-id';
import { ROLES, type Role } from '../shared/roles';

/**
 * Bearer JWTs, verified with `jose` against the configured issuer, audience and keys — the agency's
 * identity provider (OIDC JWKS) or, for the embedded default, the service's own signing key (which
 * local sign-in uses to issue session tokens). Roles, office and agency come from claims. Every token
 * expires within the session length of its issue; one this service issued (its own key id) also names
 * its session — the account's session version and a session id (jti) — so that it can be ended.
 */
export interface Identity {
  id: string;
  role: Role;
  name?: string;
  /** A prosecutor's office (R-JURISDICTION scoping). */
  office?: string;
  /** An officer's or sergeant's agency. */
  agency?: string;
  /**
   * Issue 26: the programs whose records this person may read (ids, `burien`); without the claim a
   * sign-in is not limited to a program (a deployment of one program).
   */
  programs?: string[];
  /** An officer's or sergeant's badge or personnel number (Identity, 2026-12-02: the referring officer is the signed-in one). */
  badge?: string;
  /** Local sign-in only: the account's session version when the session was issued (src/auth/accounts.ts). */
  sessionVersion?: number;
  /** Local sign-in only: the session's own id (the token's jti), which signing out revokes. */
  sessionId?: string;
}

export const CLAIMS = {
  role: 'lead_role',
  office: 'lead_office',
  agency: 'lead_agency',
  badge: 'lead_badge',
  programs: 'lead_programs',
  name: 'name',
  sessionVersion: 'lead_session_version',
} as const;

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  [CLAIMS.role]: z.enum(ROLES),
  [CLAIMS.office]: z.string().max(50).optional(),
  [CLAIMS.agency]: z.string().max(50).optional(),
  [CLAIMS.badge]: z.string().max(50).optional(),
  [CLAIMS.programs]: z.array(programIdSchema).max(50).optional(),
  [CLAIMS.name]: z.string().max(200).optional(),
  [CLAIMS.sessionVersion]: z.number().int().min(0).optional(),
});

export class TokenError extends Error {
  constructor(
    readonly code:
      | 'SESSION_EXPIRED'
      | 'INVALID_TOKEN'
      | 'TOKEN_WITHOUT_EXPIRY'
      | 'TOKEN_LIFETIME_TOO_LONG'
      | 'TOKEN_WITHOUT_SESSION'
      | 'SESSION_REVOKED'
      | 'SESSION_SIGNED_OUT'
      | 'ACCOUNT_DISABLED'
      | 'DEMO_ACCOUNT_REFUSED'
      | 'PROGRAM_REQUIRED',
    message: string,
  ) {
    super(message);
  }
}

/** How far an identity provider's clock may run ahead of this service's (seconds). */
const CLOCK_SKEW_SECONDS = 60;

/**
 * A session ends: every token needs an expiry no later than its issue time (or, without one, now) plus
 * the session length — a token without `exp`, or one that would outlive a sign-in, is refused.
 */
function checkLifetime(payload: { exp?: number; iat?: number }, sessionSeconds: number): void {
  const hours = `${+(sessionSeconds / 3600).toFixed(2)} hours`;
  if (typeof payload.exp !== 'number')
    throw new TokenError(
      'TOKEN_WITHOUT_EXPIRY',
      'the token has no expiry (exp): every session must end; sign in again',
    );
  const now = Math.floor(Date.now() / 1000);
  const tooLong =
    (typeof payload.iat === 'number' && payload.exp - payload.iat > Math.ceil(sessionSeconds)) ||
    payload.exp - now > Math.ceil(sessionSeconds) + CLOCK_SKEW_SECONDS;
  if (tooLong)
    throw new TokenError(
      'TOKEN_LIFETIME_TOO_LONG',
      `the token expires more than the session length (${hours}, AUTH_SESSION_HOURS) after it was issued; sign in again`,
    );
}

export interface TokenService {
  verify(token: string): Promise<Identity>;
  /** Only with a local signing key (embedded sign-in, tests). */
  issue(identity: Identity, ttlSeconds?: number): Promise<{ token: string; expiresAt: Date; sessionId: string }>;
  readonly sessionSeconds: number;
}

export interface TokenSettings {
  issuer: string;
  audience: string;
  sessionSeconds: number;
  /** An OIDC provider's JWKS (tokens it issued are accepted). */
  jwksUrl?: string;
  /** The service's own key pair (ES256, JWK), for local sign-in. */
  localKey?: { privateJwk: JWK; publicJwk: JWK };
}

export async function generateLocalKey(): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' },
  };
}

export async function createTokenService(settings: TokenSettings): Promise<TokenService> {
  const local = settings.localKey
    ? {
        privateKey: (await importJWK(settings.localKey.privateJwk, 'ES256')) as KeyLike,
        publicKey: (await importJWK(settings.localKey.publicJwk, 'ES256')) as KeyLike,
        kid: settings.localKey.publicJwk.kid,
      }
    : undefined;
  const remote: JWTVerifyGetKey | undefined = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl))
    : undefined;
  const isLocal = (header: { kid?: string }) => local !== undefined && (!remote || header.kid === local.kid);
  const keyFor: JWTVerifyGetKey = async (header, token) => {
    if (isLocal(header)) return local!.publicKey;
    if (remote) return remote(header, token);
    throw new TokenError('INVALID_TOKEN', 'no key to verify tokens with');
  };

  return {
    sessionSeconds: settings.sessionSeconds,
    async verify(token) {
      try {
        const { payload, protectedHeader } = await jwtVerify(token, keyFor, {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'],
        });
        checkLifetime(payload, settings.sessionSeconds);
        const claims = claimsSchema.safeParse(payload);
        if (!claims.success)
          throw new TokenError('INVALID_TOKEN', `the token lacks the claims the service needs (${CLAIMS.role})`);
        const c = claims.data as unknown as Record<string, string | undefined>;
        const sessionVersion = claims.data[CLAIMS.sessionVersion];
        // A session this service issued can be ended here (password reset, disabling, signing out): it must
        // say which. The identity provider's sessions end at the provider.
        const sessionId = typeof payload.jti === 'string' && payload.jti.length <= 100 ? payload.jti : undefined;
        if (isLocal(protectedHeader) && (sessionVersion === undefined || sessionId === undefined))
          throw new TokenError(
            'TOKEN_WITHOUT_SESSION',
            `the token lacks its session (${CLAIMS.sessionVersion} and jti), so it could not be ended; sign in again`,
          );
        return {
          id: c.sub!,
          role: c[CLAIMS.role] as Role,
          office: c[CLAIMS.office],
          agency: c[CLAIMS.agency],
          badge: c[CLAIMS.badge],
          name: c[CLAIMS.name],
          ...(claims.data[CLAIMS.programs] ? { programs: claims.data[CLAIMS.programs] } : {}),
          ...(sessionVersion === undefined ? {} : { sessionVersion }),
          ...(isLocal(protectedHeader) ? { sessionId } : {}),
        };
      } catch (err) {
        if (err instanceof TokenError) throw err;
        if (err instanceof errors.JWTExpired)
          throw new TokenError('SESSION_EXPIRED', 'the session has expired; sign in again');
        throw new TokenError('INVALID_TOKEN', 'the token is not valid for this service');
      }
    },
    async issue(identity, ttlSeconds = settings.sessionSeconds) {
      if (!local) throw new Error('Local sign-in is not configured (no signing key)');
      if (ttlSeconds > settings.sessionSeconds) throw new Error('A session cannot outlast the session length');
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      const sessionId = randomUUID();
      const token = await new SignJWT({
        [CLAIMS.role]: identity.role,
        [CLAIMS.office]: identity.office,
        [CLAIMS.agency]: identity.agency,
        [CLAIMS.badge]: identity.badge,
        [CLAIMS.programs]: identity.programs,
        [CLAIMS.name]: identity.name,
        // A person without an account here (tests, tools) holds version 0, which an account's reset raises.
        [CLAIMS.sessionVersion]: identity.sessionVersion ?? 0,
      })
        .setProtectedHeader({ alg: 'ES256', kid: local.kid })
        .setJti(sessionId)
        .setSubject(identity.id)
        .setIssuer(settings.issuer)
        .setAudience(settings.audience)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(local.privateKey);
      return { token, expiresAt, sessionId };
    },
  };
}
