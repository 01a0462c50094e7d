import type { Submitter } from '../shared/roles';
import { ReferralRefused } from './referral-refused';

const refuse = (field: string, message: string): never => {
  throw new ReferralRefused('VALIDATION_FAILED', `Invalid request body: ${field}: ${message}`, {
    fields: [{ field, message }],
  });
};

/**
 * Identity (PROTOCOL.md, 2026-12-02): a referral's agency and referring officer are the signed-in
 * officer's own (a sergeant's: their agency). A sign-in that names no agency or badge cannot be
 * checked on that point and is taken as it is.
 */
export function requireOwnIdentity(
  actor: Submitter,
  referral: { agency: string; officerField?: string; officerId?: string },
): void {
  if (actor.role !== 'officer' && actor.role !== 'sergeant') return;
  if (actor.agency && actor.agency !== referral.agency)
    refuse('agency', `must be your own agency, ${actor.agency}: a referral is made by the signed-in officer's agency`);
  if (actor.role === 'officer' && actor.badge && referral.officerField && referral.officerId !== actor.badge)
    refuse(
      referral.officerField,
      `must be your own badge number, ${actor.badge}: the referring officer is the signed-in officer (Identity)`,
    );
}
