import type { LeadConfig } from '../config/config-schema';
import { ReferralRefused } from './referral-refused';

const CLOCK_SKEW_MS = 5 * 60_000;

/** R-INTAKE: when the referral says it was made — not in the future (beyond clock skew), not later than a referral may be sent late. */
export function checkReferredAt(config: LeadConfig, referredAt: string | undefined, now: number): void {
  if (!referredAt) return;
  const at = Date.parse(referredAt);
  const field = (message: string) =>
    new ReferralRefused('VALIDATION_FAILED', `Invalid request body: referredAt: ${message}`, {
      fields: [{ field: 'referredAt', message }],
    });
  if (at > now + CLOCK_SKEW_MS) throw field('cannot be in the future');
  if (at < now - config.durations.maxReferralBackdate)
    throw field('is older than a referral may be sent late; give it to the sergeant instead (R-INTAKE)');
}
