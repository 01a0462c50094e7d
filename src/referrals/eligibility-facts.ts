import type { LeadConfig } from '../config/config-schema';
import { localDate } from '../eligibility/calendar-dates';
import type { EligibilityFacts } from '../eligibility/eligibility';
import { recordedOrders } from './protective-orders';
import type { ArrestDiversionSubmission } from './referral-schema';

/**
 * The eligibility engine's facts from an arrest-diversion form; dates are the program's local dates.
 * `orderFindings` are the service's answers to R-EX-ORDER (a page judging as the officer types has
 * none yet: it says the service checks the orders).
 */
export function eligibilityFactsOf(
  config: LeadConfig,
  body: ArrestDiversionSubmission,
  now: Date,
  orderFindings: boolean[] = [],
): EligibilityFacts {
  const referralDate = localDate(body.referredAt ? new Date(body.referredAt) : now, config.program.timezone);
  return {
    dateOfBirth: body.person.dateOfBirth,
    incidentDate: body.incident.occurredOn ?? referralDate,
    referralDate,
    offenses: body.offenses.map((o) => {
      const entry = config.offenses[o.code];
      const levels = entry ? (entry.levels ?? [entry.defaultLevel]) : [];
      return {
        code: o.code,
        label: entry?.label,
        eligible: entry?.eligible ?? false,
        ...(o.level && !levels.includes(o.level) ? { chargedAtUnlistedLevel: { level: o.level, levels } } : {}),
        drug: o.drug,
      };
    }),
    convictions: body.history.convictions,
    protectiveOrders: recordedOrders(body.protectiveOrders, orderFindings),
    warrants: body.warrants,
    docViolation: body.docViolation,
    judgments: body.judgments,
    circumstances: body.circumstances,
    victimIdentifiable: body.victim?.identifiable ?? body.offenses.some((o) => config.offenses[o.code]?.victimOffense),
  };
}
