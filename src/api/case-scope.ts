import type { Prisma, Referral } from '../generated/prisma/client';
import type { RequestActor } from './authentication';

/**
 * Record scoping, in one place: which cases a person may see at all.
 * - a prosecutor: cases routed to their office (R-JURISDICTION);
 * - an officer: the cases they referred;
 * - a sergeant: their agency's cases;
 * - case managers (the program's provider), the project manager and supervisors: every case.
 * A case outside someone's scope is answered as unknown (404), so ids cannot be probed.
 */
export function scopeWhere(actor: RequestActor): Prisma.ReferralWhereInput {
  switch (actor.role) {
    case 'prosecutor':
      return { prosecutorOffice: actor.office ?? '\u0000no-office' };
    case 'officer':
      return { OR: [{ submittedById: actor.id }, { officerId: actor.id }] };
    case 'sergeant':
      return actor.agency ? { agency: actor.agency } : {};
    default:
      return {};
  }
}

export function inScope(actor: RequestActor, referral: Pick<Referral, 'prosecutorOffice' | 'submittedById' | 'officerId' | 'agency'>): boolean {
  switch (actor.role) {
    case 'prosecutor':
      return !!actor.office && referral.prosecutorOffice === actor.office;
    case 'officer':
      return referral.submittedById === actor.id || referral.officerId === actor.id;
    case 'sergeant':
      return !actor.agency || referral.agency === actor.agency;
    default:
      return true;
  }
}
