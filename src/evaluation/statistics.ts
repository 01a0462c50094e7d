/**
 * R-EVAL: the evaluation's statistics, pure: Kaplan–Meier survival with Greenwood's variance and
 * log-log 95 % confidence bands, the log-rank hazard ratio of two groups, and relative rate indices
 * (small cells are suppressed in suppression.ts).
 */
export interface Subject {
  /** Days from the start (diversion, or booking) to the first re-arrest, or to the end of follow-up. */
  time: number;
  /** true: re-arrested at `time`; false: followed up to `time` without one (censored). */
  event: boolean;
}

export interface SurvivalStep {
  time: number;
  atRisk: number;
  events: number;
  survival: number;
  lower: number;
  upper: number;
}

const Z95 = 1.959964;

/** The Kaplan–Meier estimate at each time with an event (censored subjects leave the risk set after their time). */
export function kaplanMeier(subjects: Subject[]): SurvivalStep[] {
  const times = [...new Set(subjects.filter((s) => s.event).map((s) => s.time))].sort((a, b) => a - b);
  const steps: SurvivalStep[] = [];
  let survival = 1;
  let greenwood = 0;
  for (const time of times) {
    const atRisk = subjects.filter((s) => s.time >= time).length;
    const events = subjects.filter((s) => s.event && s.time === time).length;
    survival *= 1 - events / atRisk;
    if (atRisk > events) greenwood += events / (atRisk * (atRisk - events));
    steps.push({ time, atRisk, events, survival, ...band(survival, greenwood) });
  }
  return steps;
}

/** The log-log (complementary) band: it stays within [0, 1]. */
function band(survival: number, greenwood: number): { lower: number; upper: number } {
  if (survival <= 0 || survival >= 1) return { lower: survival, upper: survival };
  const spread = (Z95 * Math.sqrt(greenwood)) / Math.abs(Math.log(survival));
  return { lower: survival ** Math.exp(spread), upper: survival ** Math.exp(-spread) };
}

/** The estimate at a time: the last step at or before it (1 before the first event). */
export function survivalAt(curve: SurvivalStep[], time: number): number {
  return curve.filter((s) => s.time <= time).at(-1)?.survival ?? 1;
}

/**
 * The hazard ratio of group A to group B from the log-rank test's observed and expected events:
 * (O_A / E_A) / (O_B / E_B), with the 95 % interval exp(ln HR ± 1.96 √(1/E_A + 1/E_B)).
 */
export function hazardRatio(a: Subject[], b: Subject[]): { ratio: number; lower: number; upper: number } | null {
  const all = [...a.map((s) => ({ ...s, group: 'a' })), ...b.map((s) => ({ ...s, group: 'b' }))];
  const times = [...new Set(all.filter((s) => s.event).map((s) => s.time))].sort((x, y) => x - y);
  let observedA = 0;
  let expectedA = 0;
  let observedB = 0;
  let expectedB = 0;
  for (const time of times) {
    const risk = all.filter((s) => s.time >= time);
    const events = risk.filter((s) => s.event && s.time === time);
    const riskA = risk.filter((s) => s.group === 'a').length;
    const share = riskA / risk.length;
    observedA += events.filter((s) => s.group === 'a').length;
    observedB += events.filter((s) => s.group === 'b').length;
    expectedA += events.length * share;
    expectedB += events.length * (1 - share);
  }
  if (expectedA === 0 || expectedB === 0 || observedA === 0 || observedB === 0) return null;
  const ratio = observedA / expectedA / (observedB / expectedB);
  const spread = Z95 * Math.sqrt(1 / expectedA + 1 / expectedB);
  return { ratio, lower: ratio * Math.exp(-spread), upper: ratio * Math.exp(spread) };
}

/**
 * Relative rate indices: each group's rate (e.g. diversions per arrest for an eligible offense) divided
 * by the reference group's. A group with no denominator has no rate.
 */
export function relativeRateIndex(
  groups: Record<string, { count: number; base: number }>,
  reference: string,
): Record<string, { rate: number | null; index: number | null }> {
  const rateOf = (g: { count: number; base: number }) => (g.base > 0 ? g.count / g.base : null);
  const referenceRate = groups[reference] ? rateOf(groups[reference]) : null;
  return Object.fromEntries(
    Object.entries(groups).map(([name, g]) => {
      const rate = rateOf(g);
      return [name, { rate, index: rate !== null && referenceRate ? rate / referenceRate : null }];
    }),
  );
}
