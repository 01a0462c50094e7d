import { kaplanMeier, type Subject, type SurvivalStep } from './statistics';

/**
 * R-EVAL (Decision 2026-12-02): suppression is complementary — no published figure (curve step, rate,
 * difference of two figures) lets a suppressed count be recovered. A count is safe when it is 0 or at
 * least the minimum cell size; every count the figures state, or that two of them imply, must be safe:
 * - Nested counts (people ⊇ re-arrested; arrests checked ⊇ eligible ⊇ diverted ⊇ enrolled; participants ⊇
 *   a milestone): each is shown only if it and its difference from every count shown before it are safe.
 * - A column (one cell per group): a withheld cell is never the only one while others can be withheld,
 *   and the withheld cells add up to a safe count, so a total of the column recovers none of them. The
 *   smallest shown cells are withheld with it, the reference group's last (its rates anchor the indices).
 *   Nor does a withheld count lie between two equal shown ones of its group (that pins it): the one below
 *   is withheld too.
 * - A curve: a cohort whose re-arrests are withheld has none. Otherwise its steps pool re-arrests so that
 *   each step holds at least the minimum and leaves a safe number still followed; each step's at-risk is
 *   the people followed since the step before. Re-arrests after the last such step are not drawn, and a
 *   rate is read off the drawn curve only, never past it.
 * - A rate or index is shown only when its count and its denominator are; the hazard ratio only when both
 *   cohorts show their re-arrests.
 */
export const isSafe = (count: number, minimum: number): boolean => count === 0 || count >= minimum;

/** A count shown only when it is safe; otherwise suppressed (null). */
export const suppressed = (count: number, minimum: number): number | null => (isSafe(count, minimum) ? count : null);

/** Counts of nested sets, outermost first: each shown if it and its difference from every one shown before are safe. */
export function nestedCounts(counts: number[], minimum: number): Array<number | null> {
  const shown: number[] = [];
  return counts.map((count) => {
    if (!isSafe(count, minimum) || shown.some((s) => !isSafe(Math.abs(s - count), minimum))) return null;
    shown.push(count);
    return count;
  });
}

/**
 * A column's cells after withholding the smallest shown ones (the `keep` row's last) until the withheld are
 * none, or several with a safe sum.
 */
export function protectColumn(
  counts: number[],
  shown: Array<number | null>,
  minimum: number,
  keep = -1,
): Array<number | null> {
  const cells = [...shown];
  const withheld = () => counts.filter((count, i) => cells[i] === null && count > 0);
  const exposed = () => {
    const hidden = withheld();
    return (
      hidden.length === 1 ||
      !isSafe(
        hidden.reduce((a, b) => a + b, 0),
        minimum,
      )
    );
  };
  while (exposed()) {
    const candidates = counts.map((count, i) => ({ count, i })).filter((c) => cells[c.i] !== null && c.count > 0);
    if (candidates.length === 0) break; // nothing left to withhold: the column is its withheld cells alone
    const rank = (c: { count: number; i: number }) => (c.i === keep ? Infinity : c.count);
    cells[candidates.reduce((a, b) => (rank(b) < rank(a) ? b : a)).i] = null;
  }
  return cells;
}

/** A table of nested counts (one row per group) whose columns add up, protected by rows and by columns. */
export function protectTable(counts: number[][], minimum: number, keep = -1): Array<Array<number | null>> {
  const cells = counts.map((row) => nestedCounts(row, minimum));
  let changed = true;
  const withhold = (i: number, j: number) => {
    if (cells[i][j] === null) return;
    cells[i][j] = null;
    changed = true;
  };
  while (changed) {
    changed = false;
    (counts[0] ?? []).forEach((_, j) =>
      protectColumn(
        counts.map((row) => row[j]),
        cells.map((row) => row[j]),
        minimum,
        keep,
      ).forEach((cell, i) => cell === null && withhold(i, j)),
    );
    cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        const above = row.slice(0, j).findLast((c) => c !== null);
        const below = row.findIndex((c, k) => k > j && c !== null);
        if (cell === null && above !== undefined && below >= 0 && row[below] === above) withhold(i, below);
      }),
    );
  }
  return cells;
}

export interface PublishedCurve {
  /** Pooled steps: `events` re-arrests up to `time`, `atRisk` the people followed after the step before. */
  steps: SurvivalStep[];
  /** The day of the first re-arrest not drawn (the curve says nothing from then on); null when all are. */
  undrawnFrom: number | null;
}

/** The Kaplan–Meier curve as published (the rule above); null when no step can be drawn but someone was re-arrested. */
export function publishedCurve(subjects: Subject[], minimum: number): PublishedCurve | null {
  const full = kaplanMeier(subjects);
  const followedAfter = (day: number) => subjects.filter((s) => s.time > day).length;
  const ends: number[] = [];
  let pending = 0;
  full.forEach((step, i) => {
    pending += step.events;
    if (pending >= minimum && isSafe(followedAfter(step.time), minimum)) {
      ends.push(i);
      pending = 0;
    }
  });
  // Too few re-arrests after the last step: merge them into it where that leaves a safe number followed;
  // otherwise leave that step's re-arrests and theirs undrawn (together at least the minimum).
  if (pending > 0 && pending < minimum && ends.length > 0) {
    if (isSafe(followedAfter(full[full.length - 1].time), minimum)) ends[ends.length - 1] = full.length - 1;
    else ends.pop();
  }
  if (ends.length === 0 && full.length > 0) return null;
  const steps = ends.map((end, k) => {
    const start = k === 0 ? 0 : ends[k - 1] + 1;
    const since = k === 0 ? -1 : full[ends[k - 1]].time;
    const events = full.slice(start, end + 1).reduce((sum, s) => sum + s.events, 0);
    return { ...full[end], atRisk: followedAfter(since), events };
  });
  const lastDrawn = ends.at(-1) ?? -1;
  return { steps, undrawnFrom: lastDrawn + 1 < full.length ? full[lastDrawn + 1].time : null };
}

/**
 * Issue 26: several programs' figures together. A figure of the programs together is shown only where
 * every program shows its own (where any withholds it, so does the sum): the sum less the figures shown
 * would otherwise give back the one withheld. Walked path by path; a list whose length differs between
 * programs (a curve's steps) is compared as a whole.
 */
export function withheldWhereAnyProgramWithholds<T>(combined: T, programs: readonly unknown[]): T {
  if (combined === null || typeof combined !== 'object') return combined;
  if (programs.some((p) => p === null)) return null as T;
  if (Array.isArray(combined)) {
    const lists = programs.filter(Array.isArray);
    if (lists.some((l) => l.length !== combined.length)) return combined;
    return combined.map((item: unknown, i) =>
      withheldWhereAnyProgramWithholds(
        item,
        lists.map((l) => l[i] as unknown),
      ),
    ) as T;
  }
  const objects = programs.filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null);
  return Object.fromEntries(
    Object.entries(combined as Record<string, unknown>).map(([key, value]) => [
      key,
      objects.some((o) => o[key] === null)
        ? null
        : withheldWhereAnyProgramWithholds(
            value,
            objects.map((o) => o[key]),
          ),
    ]),
  ) as T;
}
