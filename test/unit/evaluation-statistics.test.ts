import { disparityFigures } from '../../src/evaluation/disparity';
import { hazardRatio, kaplanMeier, relativeRateIndex, survivalAt } from '../../src/evaluation/statistics';
import { suppressed } from '../../src/evaluation/suppression';

/**
 * R-EVAL: the evaluation's statistics against values computed by hand on small fixed datasets.
 */
const round = (x: number) => Math.round(x * 1000) / 1000;

test('Kaplan–Meier: survival, risk sets and the log-log band, by hand', () => {
  // Re-arrest at months 2, 5, 5 and 10; followed up without one to 3 and 8.
  const curve = kaplanMeier([
    { time: 2, event: true },
    { time: 3, event: false },
    { time: 5, event: true },
    { time: 5, event: true },
    { time: 8, event: false },
    { time: 10, event: true },
  ]);
  // S(2) = 5/6; S(5) = 5/6 · 2/4 = 0.417 (the one censored at 3 left the risk set); S(10) = 0.
  expect(curve.map((s) => [s.time, s.atRisk, s.events, round(s.survival)])).toEqual([
    [2, 6, 1, 0.833],
    [5, 4, 2, 0.417],
    [10, 1, 1, 0],
  ]);
  // Greenwood at 2: 1/(6·5) = 0.0333; log-log spread 1.96·√0.0333/|ln 5/6| = 1.9626;
  // band (5/6)^e^1.9626 = 0.273 to (5/6)^e^−1.9626 = 0.975.
  expect([round(curve[0].lower), round(curve[0].upper)]).toEqual([0.273, 0.975]);
  expect(survivalAt(curve, 1)).toBe(1);
  expect(round(survivalAt(curve, 6))).toBe(0.417);
});

test('log-rank hazard ratio, by hand', () => {
  // A: events at 1 and 3, censored at 4. B: events at 2, 3 and 5.
  const a = [
    { time: 1, event: true },
    { time: 3, event: true },
    { time: 4, event: false },
  ];
  const b = [
    { time: 2, event: true },
    { time: 3, event: true },
    { time: 5, event: true },
  ];
  // t=1: 3 of 6 at risk in A, 1 event → E_A 0.5. t=2: 2 of 5 → 0.4. t=3: 2 of 4, 2 events → 1.
  // t=5: 0 of 1 → 0. E_A = 1.9, O_A = 2; E_B = 5 − 1.9 = 3.1, O_B = 3.
  // HR = (2/1.9)/(3/3.1) = 1.0877; 95 %: 1.0877 · exp(±1.96·√(1/1.9 + 1/3.1)) = 1.0877 · e^±1.8054 → 0.179 to 6.619.
  const hr = hazardRatio(a, b)!;
  expect([round(hr.ratio), round(hr.lower), round(hr.upper)]).toEqual([1.088, 0.179, 6.619]);
});

test('relative rate index against the reference group, and small-cell suppression', () => {
  const rri = relativeRateIndex(
    { WHITE: { count: 20, base: 100 }, BLACK: { count: 30, base: 50 }, ASIAN: { count: 0, base: 0 } },
    'WHITE',
  );
  // 0.2 for the reference; 0.6 / 0.2 = 3.
  expect(Object.fromEntries(Object.entries(rri).map(([g, r]) => [g, [r.rate, r.index && round(r.index)]]))).toEqual({
    WHITE: [0.2, 1],
    BLACK: [0.6, 3],
    ASIAN: [null, null],
  });
  expect([0, 1, 10, 11, 250].map((n) => suppressed(n, 11))).toEqual([0, null, null, 11, 250]);
});

test('R-EVAL: diversion and enrollment by perceived race: rates, indices against the reference, small cells suppressed complementarily', () => {
  const arrests = (group: string, n: number, r: { eligible: boolean; diverted: boolean; enrolled: boolean }) =>
    Array.from({ length: n }, () => ({ group, ...r }));
  const records = [
    // WHITE: 20 eligible arrests, 10 diverted, 5 of them enrolled; BLACK: 30 eligible, 24 diverted, 12 enrolled.
    ...arrests('WHITE', 5, { eligible: true, diverted: true, enrolled: true }),
    ...arrests('WHITE', 5, { eligible: true, diverted: true, enrolled: false }),
    ...arrests('WHITE', 10, { eligible: true, diverted: false, enrolled: false }),
    ...arrests('BLACK', 12, { eligible: true, diverted: true, enrolled: true }),
    ...arrests('BLACK', 12, { eligible: true, diverted: true, enrolled: false }),
    ...arrests('BLACK', 6, { eligible: true, diverted: false, enrolled: false }),
    // ASIAN: 3 eligible arrests, all diverted: too few to show.
    ...arrests('ASIAN', 3, { eligible: true, diverted: true, enrolled: false }),
    // HISPANIC_LATINO: 8 eligible arrests, 6 diverted (8 − 6 = 2 would show the 2 not diverted).
    ...arrests('HISPANIC_LATINO', 6, { eligible: true, diverted: true, enrolled: false }),
    ...arrests('HISPANIC_LATINO', 2, { eligible: true, diverted: false, enrolled: false }),
    // Ineligible arrests are not the base.
    ...arrests('WHITE', 7, { eligible: false, diverted: false, enrolled: false }),
  ];
  const figures = disparityFigures(records, 'WHITE', 5);
  const byGroup = Object.fromEntries(figures.groups.map((g) => [g.group, g]));
  // Eligibility: WHITE 20/27, BLACK 30/30 → index 1.35. Diversion: WHITE 10/20 = 0.5, BLACK 24/30 = 0.8 →
  // index 1.6. Enrollment: 5/10 = 0.5, 12/24 = 0.5 → 1.
  expect(byGroup.WHITE).toMatchObject({
    checkedArrests: 27,
    eligible: 20,
    diverted: 10,
    enrolled: 5,
    diversionRate: 0.5,
    diversionIndex: 1,
  });
  expect(byGroup.BLACK).toMatchObject({
    checkedArrests: 30,
    eligible: 30,
    eligibilityRate: 1,
    diverted: 24,
    enrolled: 12,
    diversionRate: 0.8,
  });
  expect(round(byGroup.BLACK.diversionIndex as number)).toBe(1.6);
  expect(round(byGroup.BLACK.eligibilityIndex as number)).toBe(1.35);
  expect(byGroup.BLACK.enrollmentIndex).toBe(1);
  const withheld = (group: string) => ({
    group,
    checkedArrests: null,
    eligible: null,
    diverted: null,
    enrolled: 0,
    eligibilityRate: null,
    eligibilityIndex: null,
    diversionRate: null,
    diversionIndex: null,
    enrollmentRate: null,
    enrollmentIndex: null,
  });
  expect(byGroup.ASIAN).toEqual(withheld('ASIAN'));
  // HISPANIC_LATINO's diverted is withheld (its 2 not diverted); its arrests and eligible are withheld too, as
  // the smallest others in their columns: a total of the column minus the shown cells would give ASIAN's 3.
  expect(byGroup.HISPANIC_LATINO).toEqual(withheld('HISPANIC_LATINO'));
});
