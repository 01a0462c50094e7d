import { stage } from '../process/stage-clock';
import type { LeadConfig } from '../config/config-schema';
import { assessEligibility, type EligibilityResult } from '../eligibility/eligibility';
import type { Database } from '../db/queries/database';
import type { OffenseLevel } from '../shared/case-vocabulary';
import { eligibilityFactsOf } from './eligibility-facts';
import { checkProtectiveOrders, notingUncheckedOrders, type DiscloseParticipant } from './protective-orders';
import { mostSerious, routeToOffice } from './prosecutor-routing';
import type { ArrestDiversionSubmission } from './referral-schema';
import { ReferralRefused } from './referral-refused';

/** An arrest-diversion submission assessed: shared by its referral and by a booking of the same person. */

/**
 * What the officer sees before submitting: eligibility with every reason (R-EL-NORIGHT: advice). The
 * protective orders are not checked against the people enrolled today — only a referral being recorded
 * has them checked (R-EX-ORDER), so that no one can ask the service who is in LEAD.
 */
export function assessBeforeSubmission(
  config: LeadConfig,
  body: ArrestDiversionSubmission,
  now = new Date(),
): EligibilityResult {
  return notingUncheckedOrders(assessEligibility(eligibilityFactsOf(config, body, now)), body.protectiveOrders);
}

/** The eligibility of a submission being recorded, its orders checked against today's participants (R-EX-ORDER). */
export async function assessWithOrders(
  deps: { db: Database; config: LeadConfig },
  body: ArrestDiversionSubmission,
  disclose: DiscloseParticipant,
  now = new Date(),
): Promise<{ eligibility: EligibilityResult; orderFindings: boolean[] }> {
  const orderFindings = await stage('protective_orders', () =>
    checkProtectiveOrders(deps.db, body.protectiveOrders, disclose),
  );
  return { eligibility: assessEligibility(eligibilityFactsOf(deps.config, body, now, orderFindings)), orderFindings };
}

function officeFor(config: LeadConfig, body: ArrestDiversionSubmission, level: OffenseLevel): string {
  const office = routeToOffice(config, {
    level,
    agency: body.agency,
    withinCityLimits: body.incident.withinCityLimits,
  });
  if (!office) {
    throw new ReferralRefused(
      'NO_JURISDICTION',
      `No prosecutor office is configured for a ${level} referred by ${body.agency} ${body.incident.withinCityLimits ? 'inside' : 'outside'} city limits (R-JURISDICTION)`,
      {
        ruleId: 'R-JURISDICTION',
        fields: [{ field: 'incident.withinCityLimits', message: 'no routing rule matches' }],
      },
    );
  }
  return office;
}

/**
 * R-JURISDICTION: the most serious offense's level and office, and every office with jurisdiction over
 * any of the offenses.
 */
export function jurisdictionOf(config: LeadConfig, body: ArrestDiversionSubmission) {
  const levels: OffenseLevel[] = body.offenses.map((o) => o.level ?? config.offenses[o.code].defaultLevel);
  const offenseLevel = mostSerious(levels);
  const office = officeFor(config, body, offenseLevel);
  const offices = [...new Set([office, ...levels.map((level) => officeFor(config, body, level))])];
  return { offenseLevel, office, offices };
}
