import type { LeadConfig } from '../config/config-schema';
import { localDate } from '../eligibility/calendar-dates';
import type { EligibilityFacts } from '../eligibility/eligibility';
import type { ArrestDiversionSubmission } from './referral-schema';

/** The eligibility engine's facts from an arrest-diversion form; dates are the program's local dates. */
export function eligibilityFactsOf(config: LeadConfig, body: ArrestDiversionSubmission, now: Date): EligibilityFacts {
  const referralDate = localDate(body.referredAt ? new Date(body.referredAt) : now, config.program.timezone);
  return {
    dateOfBirth: body.person.dateOfBirth,
    incidentDate: body.incident.occurredOn ?? referralDate,
    referralDate,
    offenses: body.offenses.map((o) => ({ code: o.code, label: config.offenses[o.code]?.label, drug: o.drug })),
    convictions: body.history.convictions,
    protectiveOrders: body.protectiveOrders,
    warrants: body.warrants,
    docViolation: body.docViolation,
    judgments: body.judgments,
    circumstances: body.circumstances,
    victimIdentifiable: body.victim?.identifiable ?? body.offenses.some((o) => config.offenses[o.code]?.victimOffense),
  };
}
