import { compareDates, withinMonthsBefore, type PlainDate } from './calendar-dates';
import type { Reason } from './eligibility';

/**
 * R-SC-PREREQ: a social contact is for someone who engages in law violations (verified) inside the
 * LEAD catchment area within the last 24 months, and no order protects a current participant
 * (R-EX-ORDER). At least one listed violation must qualify; the others are reported.
 */
export interface SocialContactFacts {
  referralDate: PlainDate;
  violations: Array<{ date: PlainDate; area: string }>;
  catchmentAreas: string[];
  windowMonths: number;
  protectiveOrders: Array<{ protectsCurrentParticipant: boolean }>;
}

export function assessSocialContactPrerequisites(facts: SocialContactFacts): {
  eligible: boolean;
  reasons: Reason[];
  notes: Reason[];
} {
  const notes: Reason[] = [];
  let qualifying = 0;
  facts.violations.forEach((v, i) => {
    const problems: string[] = [];
    if (!facts.catchmentAreas.includes(v.area)) problems.push('outside the LEAD catchment area');
    if (compareDates(v.date, facts.referralDate) > 0) problems.push('after the referral date');
    else if (!withinMonthsBefore(v.date, facts.windowMonths, facts.referralDate))
      problems.push(`more than ${facts.windowMonths} months before the referral date ${facts.referralDate}`);
    if (problems.length === 0) qualifying += 1;
    else
      notes.push({
        ruleId: 'R-SC-PREREQ',
        message: `violation ${i + 1} (${v.date}) is ${problems.join(' and ')} (R-SC-PREREQ)`,
      });
  });
  const reasons: Reason[] = [];
  if (qualifying === 0) {
    reasons.push({
      ruleId: 'R-SC-PREREQ',
      message: `no listed law violation happened inside the catchment area within ${facts.windowMonths} months of the referral date: ${notes.map((n) => n.message.replace(/ \(R-SC-PREREQ\)$/, '')).join('; ')} (R-SC-PREREQ)`,
    });
  }
  if (facts.protectiveOrders.some((o) => o.protectsCurrentParticipant)) {
    reasons.push({
      ruleId: 'R-EX-ORDER',
      message: 'a no-contact, restraining or anti-harassment order protects a current LEAD participant (R-EX-ORDER)',
    });
  }
  return { eligible: reasons.length === 0, reasons, notes };
}
