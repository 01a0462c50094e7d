import { revokeSession, sessionStandingOf } from '../db/queries/accounts';
import type { Database } from '../db/queries/database';
import { isDemoAccount } from './demo-people';
import { TokenError, type Identity, type TokenService } from './tokens';

/** Which accounts a deployment accepts: demo people only in `npm start`'s embedded database. */
export interface AccountPolicy {
  demoUsers: boolean;
  /** Issue 26: how many programs the deployment runs; with several, a sign-in must name its own. */
  programCount?: () => Promise<number>;
}

/** Issue 26: in a deployment of several programs, a sign-in that names none would not be limited to any. */
export async function programsRequiredOf(identity: Identity, policy: AccountPolicy): Promise<string | undefined> {
  if (identity.programs !== undefined || !policy.programCount) return undefined;
  const count = await policy.programCount();
  return count > 1
    ? `This service runs ${count} programs and your sign-in names none of them (claim lead_programs): ask your administrator for yours (npm run users -- add … --program <id>)`
    : undefined;
}

export const DEMO_REFUSED =
  'Demo accounts work only in the embedded database of `npm start`; ask your administrator for an account (npm run users -- add)';

/**
 * Every request's session is checked against its account, so disabling a person or resetting their
 * password takes effect at once: a disabled account is refused, a session issued before the account's
 * current session version is revoked, a session its holder signed out of is ended, and a demo account
 * (marked, or on the list of demo people) is refused outside the embedded default. People the identity
 * provider vouches for and who have no account here are taken on its word; the provider's tokens carry
 * no session of this service (the provider ends them), so only a disabled account of the same id
 * refuses them.
 */
export function withAccountChecks(tokens: TokenService, db: Database, policy: AccountPolicy): TokenService {
  return {
    ...tokens,
    async verify(token: string): Promise<Identity> {
      const identity = await tokens.verify(token);
      const { account, signedOut } = await sessionStandingOf(db, identity.id, identity.sessionId);
      if (!policy.demoUsers && isDemoAccount({ id: identity.id, demo: account?.demo ?? false }))
        throw new TokenError('DEMO_ACCOUNT_REFUSED', DEMO_REFUSED);
      if (signedOut) throw new TokenError('SESSION_SIGNED_OUT', 'This session was signed out; sign in again');
      const programsRequired = await programsRequiredOf(identity, policy);
      if (programsRequired) throw new TokenError('PROGRAM_REQUIRED', programsRequired);
      if (!account) return identity;
      if (account.disabled)
        throw new TokenError('ACCOUNT_DISABLED', 'This account has been disabled; ask your administrator');
      if (identity.sessionId !== undefined && identity.sessionVersion !== account.sessionVersion) {
        throw new TokenError(
          'SESSION_REVOKED',
          'This session was ended by an administrator (password reset); sign in again',
        );
      }
      return identity;
    },
  };
}

/** Signing out ends the session for good: its id is kept until the token would have expired anyway. */
export async function endSession(db: Database, identity: Identity, sessionSeconds: number): Promise<void> {
  if (!identity.sessionId) return;
  const expiresAt = new Date(Date.now() + sessionSeconds * 1000);
  await revokeSession(db, { sessionId: identity.sessionId, userId: identity.id, expiresAt });
}
