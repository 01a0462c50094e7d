import { disparityFigures } from '../../src/evaluation/disparity';
import { evaluationFigures, type EvaluationRecord } from '../../src/evaluation/evaluation-data';
import { kaplanMeier, type Subject } from '../../src/evaluation/statistics';
import { isSafe, suppressed, withheldWhereAnyProgramWithholds } from '../../src/evaluation/suppression';

/**
 * R-EVAL (Decision 2026-12-02): suppression is complementary. For constructed cohorts and tables, a small
 * checker tries the obvious recoveries from the published figures (a total minus its shown parts, the
 * difference of two at-risk numbers, a curve's drop times its at-risk, a rate times its denominator) and
 * none may yield a suppressed count.
 */
const NOW = new Date('2026-12-01T00:00:00Z');
const DAY = 86_400_000;

type Cohort = ReturnType<typeof evaluationFigures>['participants'];
type Step = { atRisk: number | null; survival: number };

/** What the obvious recoveries give from one cohort's published figures. */
function cohortRecoveries(
  c: Pick<Cohort, 'people' | 'rearrested' | 'rearrestRate'> & {
    curve: Step[] | null;
    rearrestedBy?: Cohort['rearrestedBy'];
  },
) {
  const out: number[] = [];
  if (!c.people) return out;
  const people = c.people;
  if (c.rearrested !== null) out.push(people - c.rearrested);
  let before = { atRisk: people as number | null, survival: 1 };
  let events = 0;
  for (const step of c.curve ?? []) {
    const drop = before.survival - step.survival;
    out.push(people * drop, people * (1 - step.survival), people * step.survival);
    for (const atRisk of [step.atRisk, before.atRisk].filter((n) => n !== null)) {
      const left = (atRisk * drop) / before.survival;
      out.push(left, atRisk - left, atRisk * drop);
    }
    if (step.atRisk !== null && before.atRisk !== null) out.push(before.atRisk - step.atRisk);
    if (step.atRisk !== null) events += (step.atRisk * drop) / before.survival;
    before = step;
  }
  out.push(people - events);
  if (c.rearrested !== null) out.push(c.rearrested - events);
  const rates = Object.values(c.rearrestRate ?? {}).filter((r) => r !== null);
  rates.forEach((r, i) => out.push(r * people, (1 - r) * people, (r - (rates[i - 1] ?? 0)) * people));
  // The count behind each rate: itself, what is left of the cohort and of its re-arrests, and the re-arrests
  // between two horizons.
  const counts = Object.values(c.rearrestedBy ?? {}).filter((n) => n !== null);
  counts.forEach((n, i) => {
    out.push(n, people - n, n - (counts[i - 1] ?? 0));
    if (c.rearrested !== null) out.push(c.rearrested - n);
  });
  return out;
}

/** The cohort's counts a reader must not learn: every small one of its full curve, and those withheld. */
function cohortSecrets(subjects: Subject[], published: Cohort, minimum: number) {
  const rearrested = subjects.filter((s) => s.event).length;
  const counts = [subjects.length, rearrested, subjects.length - rearrested];
  const steps = kaplanMeier(subjects);
  steps.forEach((step, i) => {
    counts.push(step.atRisk, subjects.filter((s) => s.time > step.time).length);
    // The re-arrests of every period from this re-arrest day on.
    steps.slice(i).reduce((sum, later) => (counts.push(sum + later.events), sum + later.events), 0);
  });
  const withheld = published.rearrested === null ? [rearrested, subjects.length - rearrested] : [];
  return [...counts.filter((n) => !isSafe(n, minimum)), ...withheld.filter((n) => n > 0)];
}

/** The recoveries that hit a secret: a whole number (to rounding) equal to one. */
const leaks = (recovered: number[], secrets: number[]) =>
  recovered.filter((v) => Math.abs(v - Math.round(v)) < 1e-6 && secrets.includes(Math.round(v)));

const followed = (days: number, n = 1): Subject[] => Array.from({ length: n }, () => ({ time: days, event: false }));
const rearrestedOn = (days: number[]): Subject[] => days.map((time) => ({ time, event: true }));
const every = (from: number, step: number, n: number) => Array.from({ length: n }, (_, i) => from + i * step);

const recordsOf = (cohort: EvaluationRecord['cohort'], subjects: Subject[]): EvaluationRecord[] =>
  subjects.map((s, i) => {
    const start = new Date(NOW.getTime() - (s.event ? s.time + 30 : s.time) * DAY);
    return {
      personId: `${cohort}-${i}`,
      recordId: `${cohort}-${i}`,
      cohort,
      start,
      agency: 'BURIEN_PD',
      offenseLevel: null,
      bookingReason: null,
      outcomes: s.event ? [{ kind: 'ARREST', level: 'MISDEMEANOR', on: new Date(start.getTime() + s.time * DAY) }] : [],
      milestones: [],
    };
  });

const COHORTS: Array<{ name: string; minimum: number; subjects: Subject[] }> = [
  { name: 'one re-arrest of two', minimum: 2, subjects: [...rearrestedOn([10]), ...followed(20)] },
  {
    name: 'all but three re-arrested',
    minimum: 5,
    subjects: [...rearrestedOn(every(10, 10, 17)), ...followed(400, 3)],
  },
  {
    name: 'one re-arrest a day, no censoring before',
    minimum: 5,
    subjects: [...rearrestedOn(every(5, 5, 18)), ...followed(400, 12)],
  },
  {
    name: 'heavy early censoring',
    minimum: 5,
    subjects: [
      ...followed(1, 8),
      ...every(2, 1, 12).flatMap((d) => followed(d)),
      ...rearrestedOn(every(30, 1, 14)),
      ...followed(400, 6),
    ],
  },
  {
    name: 'the last re-arrests leave two followed',
    minimum: 3,
    subjects: [...followed(5, 4), ...rearrestedOn([50, 60, 70, 80, 90, 100]), ...followed(400, 2)],
  },
  {
    name: 'a small tail merged into the last step',
    minimum: 5,
    subjects: [...rearrestedOn([...Array(6).fill(30), 60, 60]), ...followed(300, 17)],
  },
  {
    name: 'a step across six months',
    minimum: 5,
    subjects: [...rearrestedOn([100, 100, 100, 100, 100, 170, 175, 180, 190, 195, 200]), ...followed(400, 20)],
  },
  { name: 'all re-arrested', minimum: 5, subjects: rearrestedOn([...Array(5).fill(10), ...Array(4).fill(20), 25]) },
];

test.each(COHORTS)('R-EVAL: no suppressed count is recovered from the published figures — $name', (cohort) => {
  const figures = evaluationFigures(recordsOf('PARTICIPANT', cohort.subjects), NOW, cohort.minimum);
  const published = figures.participants;
  const secrets = cohortSecrets(cohort.subjects, published, cohort.minimum);
  expect(secrets.length).toBeGreaterThan(0); // every constructed cohort has something to hide
  expect(leaks(cohortRecoveries(published), secrets)).toEqual([]);
  // Every count shown is safe; so is every at-risk of the curve.
  for (const n of [published.people, published.rearrested, ...(published.curve ?? []).map((s) => s.atRisk)])
    expect(n === null || isSafe(n, cohort.minimum)).toBe(true);
});

test('R-EVAL: the checker finds what individual suppression gave away, in each cohort', () => {
  const found = COHORTS.map((cohort) => {
    const curve = kaplanMeier(cohort.subjects).map((s) => ({ ...s, atRisk: suppressed(s.atRisk, cohort.minimum) }));
    const rearrested = cohort.subjects.filter((s) => s.event).length;
    const naive = {
      people: suppressed(cohort.subjects.length, cohort.minimum),
      rearrested: suppressed(rearrested, cohort.minimum),
      curve,
      rearrestRate: null,
    };
    const published = evaluationFigures(recordsOf('PARTICIPANT', cohort.subjects), NOW, cohort.minimum).participants;
    return leaks(cohortRecoveries(naive), cohortSecrets(cohort.subjects, published, cohort.minimum)).length > 0;
  });
  expect(found).toEqual(COHORTS.map(() => true));
});

test('R-EVAL: what each constructed cohort publishes', () => {
  const publish = (i: number) =>
    evaluationFigures(recordsOf('PARTICIPANT', COHORTS[i].subjects), NOW, COHORTS[i].minimum).participants;
  // One re-arrest of two: the count suppressed, so no curve (its step would be ½) and no rate.
  expect(publish(0)).toEqual({
    people: 2,
    rearrested: null,
    longestFollowUpDays: 20,
    curve: null,
    rearrestRate: null,
    rearrestedBy: null,
  });
  // 17 of 20 re-arrested: 20 − 17 = 3 would be revealed, so the re-arrests, the curve and the rates are withheld.
  expect(publish(1)).toMatchObject({ people: 20, rearrested: null, curve: null });
  // One re-arrest a day: steps of 5, 5 and 8 (the last 3 merged), each at-risk the people followed since.
  expect(publish(2).curve!.map((s) => [s.day, s.atRisk])).toEqual([
    [25, 30],
    [50, 25],
    [90, 20],
  ]);
  // Two followed after the last re-arrests: that step is not drawn, and no rate is read past the drawn curve.
  expect(publish(4)).toMatchObject({ people: 12, rearrested: 6, rearrestRate: { months6: null } });
  expect(publish(4).curve!.map((s) => s.day)).toEqual([70]);
  expect(publish(5).curve!.map((s) => [s.day, s.atRisk])).toEqual([[60, 25]]);
});

test('R-EVAL: milestones and the hazard ratio are withheld where they would reveal a suppressed count', () => {
  const participants = recordsOf('PARTICIPANT', COHORTS[2].subjects);
  participants.slice(0, 28).forEach((r) => r.milestones.push({ milestone: 'HOUSED', on: NOW }));
  participants.slice(0, 10).forEach((r) => r.milestones.push({ milestone: 'EMPLOYED', on: NOW }));
  const pool = recordsOf('COMPARISON', COHORTS[1].subjects);
  const figures = evaluationFigures([...participants, ...pool], NOW, 5);
  // 30 participants: 28 housed would reveal the 2 who were not.
  expect(figures.milestones).toMatchObject({ HOUSED: null, EMPLOYED: 10, TREATMENT_STARTED: 0 });
  // The pool's re-arrests are withheld; the log-rank ratio would give them back.
  expect(figures.comparison.rearrested).toBeNull();
  expect(figures.hazardRatio).toBeNull();
});

const COUNTS = ['checkedArrests', 'eligible', 'diverted', 'enrolled'] as const;
type Row = Record<(typeof COUNTS)[number], number>;
type Published = ReturnType<typeof disparityFigures>['groups'][number];
const STAGES = [
  ['eligibility', 'eligible', 'checkedArrests'],
  ['diversion', 'diverted', 'eligible'],
  ['enrollment', 'enrolled', 'diverted'],
] as const;
const row = (checkedArrests: number, eligible: number, diverted: number, enrolled: number): Row => ({
  checkedArrests,
  eligible,
  diverted,
  enrolled,
});

/** Arrests giving each group its counts (enrolled within diverted within eligible within checked). */
const arrestsOf = (table: Record<string, Row>) =>
  Object.entries(table).flatMap(([group, r]) => {
    const arrests = (n: number, eligible: boolean, diverted: boolean, enrolled: boolean) =>
      Array.from({ length: n }, () => ({ group, eligible, diverted, enrolled }));
    return [
      ...arrests(r.enrolled, true, true, true),
      ...arrests(r.diverted - r.enrolled, true, true, false),
      ...arrests(r.eligible - r.diverted, true, false, false),
      ...arrests(r.checkedArrests - r.eligible, false, false, false),
    ];
  });

interface Recovery {
  /** What is recovered: a cell (GROUP.key), a difference (GROUP.a-b) or a column's withheld cells (key:GROUP+GROUP). */
  of: string;
  value: number;
}
const cellOf = (g: Published, key: string) => (g as unknown as Record<string, number | null>)[key];
const withheldIn = (groups: Published[], truth: Record<string, Row>, key: (typeof COUNTS)[number]) =>
  groups.filter((g) => cellOf(g, key) === null && truth[g.group][key] > 0).map((g) => g.group);
const columnTarget = (key: string, hidden: string[]) =>
  hidden.length === 1 ? `${hidden[0]}.${key}` : `${key}:${hidden.join('+')}`;

/** What the obvious recoveries give from the published table (a column's total may be published elsewhere). */
function tableRecoveries(groups: Published[], truth: Record<string, Row>, reference: string): Recovery[] {
  const out: Recovery[] = [];
  for (const key of COUNTS) {
    const total = groups.reduce((sum, g) => sum + truth[g.group][key], 0);
    const value = total - groups.reduce((sum, g) => sum + (cellOf(g, key) ?? 0), 0);
    out.push({ of: columnTarget(key, withheldIn(groups, truth, key)), value });
  }
  const ref = groups.find((g) => g.group === reference);
  for (const g of groups) {
    const shown = COUNTS.map((key) => cellOf(g, key));
    shown.forEach((a, i) =>
      shown.forEach((b, j) => {
        if (j > i && a !== null && b !== null) out.push({ of: `${g.group}.${COUNTS[i]}-${COUNTS[j]}`, value: a - b });
      }),
    );
    shown.forEach((c, i) => {
      const above = shown.slice(0, i).findLast((x) => x !== null);
      if (c === null && above != null && above === shown.slice(i + 1).find((x) => x !== null))
        out.push({ of: `${g.group}.${COUNTS[i]}`, value: above });
    });
    for (const [stage, count, base] of STAGES) {
      const [index, referenceRate] = [cellOf(g, `${stage}Index`), ref ? cellOf(ref, `${stage}Rate`) : null];
      const rates = [
        cellOf(g, `${stage}Rate`),
        index !== null && referenceRate !== null ? index * referenceRate : null,
      ];
      for (const rate of rates.filter((r) => r !== null)) {
        const [n, d] = [cellOf(g, count), cellOf(g, base)];
        if (d !== null) out.push({ of: `${g.group}.${count}`, value: rate * d });
        if (n !== null && rate > 0) out.push({ of: `${g.group}.${base}`, value: n / rate });
      }
    }
  }
  return out;
}

/** The table's counts a reader must not learn: those withheld, small differences within a group, small sums withheld. */
function tableSecrets(groups: Published[], truth: Record<string, Row>, minimum: number) {
  const secrets = new Map<string, number>();
  for (const g of groups) {
    const counts = truth[g.group];
    COUNTS.forEach((a, i) => {
      if (g[a] === null && counts[a] > 0) secrets.set(`${g.group}.${a}`, counts[a]);
      for (const b of COUNTS.slice(i + 1))
        if (!isSafe(counts[a] - counts[b], minimum)) secrets.set(`${g.group}.${a}-${b}`, counts[a] - counts[b]);
    });
  }
  for (const key of COUNTS) {
    const hidden = withheldIn(groups, truth, key);
    const sum = hidden.reduce((total, g) => total + truth[g][key], 0);
    if (hidden.length > 1 && !isSafe(sum, minimum)) secrets.set(columnTarget(key, hidden), sum);
  }
  return secrets;
}

/** The recoveries that give a secret its true value. */
const tableLeaks = (recovered: Recovery[], secrets: Map<string, number>) =>
  recovered.filter((r) => secrets.has(r.of) && Math.abs(r.value - secrets.get(r.of)!) < 1e-6);

const TABLES: Array<{ name: string; minimum: number; truth: Record<string, Row> }> = [
  {
    name: 'one small group',
    minimum: 5,
    truth: { WHITE: row(27, 20, 10, 5), BLACK: row(30, 30, 24, 12), ASIAN: row(3, 3, 3, 0), OTHER: row(8, 8, 6, 0) },
  },
  {
    name: 'a group with few not diverted',
    minimum: 5,
    truth: { WHITE: row(40, 30, 20, 10), BLACK: row(12, 10, 10, 6), HISPANIC_LATINO: row(6, 6, 6, 6) },
  },
  {
    name: 'the reference group has the smallest other cells',
    minimum: 3,
    truth: {
      WHITE: row(12, 9, 6, 3),
      BLACK: row(30, 22, 11, 6),
      NOT_RECORDED: row(2, 1, 1, 1),
      MULTIPLE: row(14, 9, 9, 4),
    },
  },
];

test.each(TABLES)('R-EVAL: no suppressed count is recovered from the disparity table — $name', (t) => {
  const groups = disparityFigures(arrestsOf(t.truth), 'WHITE', t.minimum).groups;
  const secrets = tableSecrets(groups, t.truth, t.minimum);
  expect(secrets.size).toBeGreaterThan(0);
  expect(tableLeaks(tableRecoveries(groups, t.truth, 'WHITE'), secrets)).toEqual([]);
  // Individual suppression alone (each cell against the minimum, rates where both counts show) gave one away.
  const naive = groups.map((g) => {
    const cells = Object.fromEntries(COUNTS.map((key) => [key, suppressed(t.truth[g.group][key], t.minimum)]));
    const rates = STAGES.map(([stage, count, base]) => [
      `${stage}Rate`,
      cells[count] !== null && cells[base] ? cells[count] / cells[base] : null,
    ]);
    return { group: g.group, ...cells, ...Object.fromEntries(rates) } as Published;
  });
  const naiveSecrets = tableSecrets(naive, t.truth, t.minimum);
  expect(tableLeaks(tableRecoveries(naive, t.truth, 'WHITE'), naiveSecrets).length).toBeGreaterThan(0);
});

test('R-EVAL: a group with few not diverted, as published', () => {
  const byGroup = Object.fromEntries(
    disparityFigures(arrestsOf(TABLES[1].truth), 'WHITE', 5).groups.map((g) => [g.group, g]),
  );
  // BLACK: 12 − 10 = 2 ineligible, so eligible and diverted are withheld. HISPANIC_LATINO's are withheld with
  // them (their columns), and then its enrolled (6 between two shown 6s), and BLACK's enrolled with that.
  expect(COUNTS.map((key) => [byGroup.BLACK[key], byGroup.HISPANIC_LATINO[key]])).toEqual([
    [12, 6],
    [null, null],
    [null, null],
    [null, null],
  ]);
  expect(byGroup.WHITE).toMatchObject({ eligible: 30, diversionRate: 20 / 30, diversionIndex: 1 });
});

test('R-EVAL: the reference group is withheld last, so that its rates still anchor the indices', () => {
  const byGroup = Object.fromEntries(
    disparityFigures(arrestsOf(TABLES[2].truth), 'WHITE', 3).groups.map((g) => [g.group, g]),
  );
  // NOT_RECORDED (2, 1, 1, 1) is withheld; with it MULTIPLE, not WHITE, though WHITE's cells are smaller.
  for (const group of ['NOT_RECORDED', 'MULTIPLE'])
    expect(COUNTS.map((key) => byGroup[group][key])).toEqual([null, null, null, null]);
  expect(COUNTS.map((key) => byGroup.WHITE[key])).toEqual([12, 9, 6, 3]);
  expect(byGroup.BLACK).toMatchObject({ diversionRate: 0.5, diversionIndex: 0.5 / (6 / 9) });
});

describe('issue 26: programs together', () => {
  const shown = { people: 40, rearrested: 12, curve: [{ day: 30, survival: 0.9 }], rate: 0.3 };
  test('a count one program withholds is withheld together too: the sum less the shown one would give it back', () => {
    const together = { people: 46, rearrested: 15, curve: [{ day: 30, survival: 0.88 }], rate: 0.33 };
    const small = { people: 6, rearrested: null, curve: null, rate: null };
    expect(withheldWhereAnyProgramWithholds(together, [shown, small])).toEqual({
      people: 46,
      rearrested: null,
      curve: null,
      rate: null,
    });
  });
  test('what every program shows is shown together; a list of another length is compared whole', () => {
    const together = {
      people: 80,
      rearrested: 24,
      curve: [
        { day: 20, survival: 0.95 },
        { day: 30, survival: 0.9 },
      ],
      rate: 0.3,
    };
    expect(withheldWhereAnyProgramWithholds(together, [shown, shown])).toEqual(together);
  });
});
