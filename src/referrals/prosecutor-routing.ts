import type { LeadConfig } from '../config/config-schema';
import { OFFENSE_LEVELS, type OffenseLevel } from '../shared/case-vocabulary';

/** R-JURISDICTION: the office that receives every prosecutor notice of a case. */
export function routeToOffice(
  config: LeadConfig,
  facts: { level: OffenseLevel; agency: string; withinCityLimits: boolean },
): string | undefined {
  const rule = config.prosecutorRouting.find(
    (r) =>
      (!r.levels || r.levels.includes(facts.level)) &&
      (!r.agencies || r.agencies.includes(facts.agency)) &&
      (r.withinCityLimits === undefined || r.withinCityLimits === facts.withinCityLimits),
  );
  return rule?.office;
}

/** The most serious level among the charged offenses (OFFENSE_LEVELS is ordered most serious first). */
export function mostSerious(levels: OffenseLevel[]): OffenseLevel {
  return OFFENSE_LEVELS.find((level) => levels.includes(level)) ?? 'MISDEMEANOR';
}
