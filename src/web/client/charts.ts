/** Small, dependency-free SVG charts: every bar carries its value as text and a <title> for screen readers. */
const NS = 'http://www.w3.org/2000/svg';

function el(tag: string, attrs: Record<string, string | number>, ...children: Array<Node | string>): SVGElement {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.append(...children);
  return node;
}

/** A chart's <svg>: an image named by its title, for screen readers. */
function chartRoot(
  opts: { id: string; title: string },
  width: number,
  height: number,
  ...children: Array<Node | string>
) {
  return el(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': `${opts.id}-title`,
      class: 'chart',
      id: opts.id,
    },
    el('title', { id: `${opts.id}-title` }, opts.title),
    ...children,
  );
}

export interface Series {
  label: string;
  className: string;
  values: number[];
}

/**
 * Vertical grouped bars, one group per category (e.g. months), one bar per series. A category is a code
 * (`data-category`); `label` gives its words for people: the axis lines under its group, and its name in
 * each bar's title (default: the code).
 */
export function groupedBars(opts: {
  title: string;
  categories: string[];
  series: Series[];
  id: string;
  label?: { axis: (category: string, index: number) => string[]; name: (category: string) => string };
}): SVGElement {
  const width = 640;
  const height = 236;
  const top = 16;
  const bottom = 54;
  const left = 28;
  const max = Math.max(1, ...opts.series.flatMap((s) => s.values));
  const group = (width - left) / opts.categories.length;
  const bar = (group - 6) / opts.series.length;
  const y = (v: number) => top + (height - top - bottom) * (1 - v / max);
  const nameOf = opts.label?.name ?? ((c: string) => c);
  const bars = opts.categories.flatMap((category, i) =>
    opts.series.map((s, j) => {
      const v = s.values[i];
      const x = left + i * group + 3 + j * bar;
      return el(
        'g',
        { class: s.className, 'data-category': category, 'data-series': s.label, 'data-value': v },
        el('title', {}, `${nameOf(category)}, ${s.label}: ${v}`),
        el('rect', { x, y: y(v), width: Math.max(bar - 2, 1), height: height - bottom - y(v) }),
        v > 0
          ? el('text', { x: x + bar / 2 - 1, y: y(v) - 3, 'text-anchor': 'middle', class: 'value' }, String(v))
          : '',
      );
    }),
  );
  const labels = opts.categories.map((c, i) => {
    const cx = left + i * group + group / 2;
    const lines = opts.label?.axis(c, i) ?? [c];
    return el(
      'text',
      { x: cx, y: height - bottom + 14, 'text-anchor': 'middle', class: 'axis', 'data-category': c },
      ...lines.map((line, k) => el('tspan', { x: cx, dy: k === 0 ? 0 : 13 }, line)),
    );
  });
  const legend = opts.series.map((s, j) =>
    el(
      'g',
      { class: s.className },
      el('rect', { x: left + j * 170, y: height - 14, width: 10, height: 10 }),
      el('text', { x: left + j * 170 + 14, y: height - 5, class: 'axis' }, s.label),
    ),
  );
  return chartRoot(
    opts,
    width,
    height,
    el('line', { x1: left, x2: width, y1: height - bottom, y2: height - bottom, class: 'axis-line' }),
    ...bars,
    ...labels,
    ...legend,
  );
}

/** Horizontal bars with their values written out, e.g. median and 90th percentile in days. */
export function horizontalBars(opts: {
  title: string;
  id: string;
  unit: string;
  bars: Array<{ label: string; value: number | null; className: string; max?: number }>;
}): SVGElement {
  const width = 640;
  const row = 30;
  const left = 210;
  const height = opts.bars.length * row + 10;
  const max = Math.max(1, ...opts.bars.map((b) => b.max ?? b.value ?? 0));
  const rows = opts.bars.map((b, i) => {
    const w = b.value === null ? 0 : ((width - left - 90) * b.value) / max;
    const text = b.value === null ? 'no data' : `${b.value} ${opts.unit}`;
    return el(
      'g',
      { class: b.className, 'data-label': b.label, 'data-value': b.value === null ? '' : b.value },
      el('title', {}, `${b.label}: ${text}`),
      el('text', { x: 0, y: i * row + 20, class: 'axis' }, b.label),
      el('rect', { x: left, y: i * row + 6, width: Math.max(w, 0), height: row - 10 }),
      el('text', { x: left + w + 6, y: i * row + 20, class: 'value' }, text),
    );
  });
  return chartRoot(opts, width, height, ...rows);
}

export interface SurvivalCohort {
  label: string;
  className: string;
  steps: Array<{ day: number; survival: number; lower: number; upper: number }>;
}

/**
 * Kaplan–Meier curves: a step line per cohort over its 95 % band, days on the x axis (labelled in
 * months), the share not re-arrested on the y axis. Every step carries its values for readers and tests.
 */
export function survivalCurves(opts: { title: string; id: string; cohorts: SurvivalCohort[] }): SVGElement {
  const width = 640;
  const height = 260;
  const [left, right, top, bottom] = [44, 12, 12, 40];
  const lastDay = Math.max(365, ...opts.cohorts.flatMap((c) => c.steps.map((s) => s.day)));
  const x = (day: number) => left + ((width - left - right) * day) / lastDay;
  const y = (share: number) => top + (height - top - bottom) * (1 - share);
  const stepsOf = (points: Array<[number, number]>) =>
    points.map(([d, v], i) => (i === 0 ? `M${x(d)},${y(v)}` : `H${x(d)}V${y(v)}`)).join('') + `H${x(lastDay)}`;
  const curves = opts.cohorts.map((c) => {
    const line: Array<[number, number]> = [[0, 1], ...c.steps.map((s): [number, number] => [s.day, s.survival])];
    const upper: Array<[number, number]> = [[0, 1], ...c.steps.map((s): [number, number] => [s.day, s.upper])];
    const lower: Array<[number, number]> = [[0, 1], ...c.steps.map((s): [number, number] => [s.day, s.lower])];
    const band = `${stepsOf(upper)}V${y(lower.at(-1)![1])}${[...lower]
      .reverse()
      .map(([d, v], i, all) => `H${x(d)}V${y(i + 1 < all.length ? all[i + 1][1] : v)}`)
      .join('')}Z`;
    return el(
      'g',
      { class: `cohort ${c.className}`, 'data-cohort': c.label },
      el('title', {}, `${c.label}: share not re-arrested over time, with its 95 % band`),
      el('path', { d: band, class: 'band' }),
      el('path', { d: stepsOf(line), class: 'curve' }),
      ...c.steps.map((s) =>
        el('circle', {
          cx: x(s.day),
          cy: y(s.survival),
          r: 2,
          'data-day': s.day,
          'data-survival': Math.round(s.survival * 1000) / 1000,
        }),
      ),
    );
  });
  const months = Array.from({ length: Math.floor(lastDay / 182.6) + 1 }, (_, i) => i * 6);
  const axis = months.map((m) =>
    el('text', { x: x(m * 30.44), y: height - bottom + 14, 'text-anchor': 'middle', class: 'axis' }, `${m} mo`),
  );
  const shares = [0, 0.5, 1].map((v) =>
    el('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' }, `${v * 100}%`),
  );
  const legend = opts.cohorts.map((c, j) =>
    el(
      'g',
      { class: `cohort ${c.className}` },
      el('rect', { x: left + j * 220, y: height - 14, width: 10, height: 10 }),
      el('text', { x: left + j * 220 + 14, y: height - 5, class: 'axis' }, c.label),
    ),
  );
  return chartRoot(
    opts,
    width,
    height,
    el('line', { x1: left, x2: width - right, y1: y(0), y2: y(0), class: 'axis-line' }),
    ...curves,
    ...axis,
    ...shares,
    ...legend,
  );
}
