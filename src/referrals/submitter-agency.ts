import type { Actor } from '../shared/roles';
import { ReferralRefused } from './referral-refused';

/**
 * Identity (PROTOCOL.md, 2026-12-02): a referral's agency is the signed-in officer's or sergeant's own.
 * A sign-in that names no agency cannot be checked and is taken as it is.
 */
export function requireOwnAgency(actor: Actor, agency: string): void {
  if (actor.role !== 'officer' && actor.role !== 'sergeant') return;
  if (!actor.agency || actor.agency === agency) return;
  const message = `must be your own agency, ${actor.agency}: a referral is made by the signed-in officer's agency`;
  throw new ReferralRefused('VALIDATION_FAILED', `Invalid request body: agency: ${message}`, {
    fields: [{ field: 'agency', message }],
  });
}
