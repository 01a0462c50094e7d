import { HORIZONS, horizonObserved } from '../../shared/evaluation-horizons';
import { allows } from '../../contract/permissions';
import { api, errorMessage } from './api';
import { survivalCurves } from './charts';
import { announce, h, humanize, replaceChildren, when, type Child } from './dom';
import { exportOffer } from './evaluation-export';
import { requireSession } from './session';
import { evaluationSideBySide } from './side-by-side';

/**
 * R-EVAL: does diversion work, and for whom — re-arrest over time for participants vs the comparison
 * pool, and diversion and enrollment by perceived race/ethnicity. Honest for small numbers: small cells
 * arrive suppressed (null) from the API and are said to be withheld; a cohort under the minimum says it
 * has not enough people yet; every rate is shown with the count it rests on; a horizon nobody has been
 * followed to says so, with the longest follow-up, instead of a rate.
 */
interface Cohort {
  people: number | null;
  rearrested: number | null;
  longestFollowUpDays: number | null;
  curve: Array<{ day: number; atRisk: number | null; survival: number; lower: number; upper: number }> | null;
  rearrestRate: Record<string, number | null> | null;
  rearrestedBy: Record<string, number | null> | null;
}

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
const ratio = (r: number) => String(Math.round(r * 100) / 100);
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

async function main(): Promise<void> {
  const me = await requireSession();
  if (!me) return;
  const exporter = allows(me.role, 'evaluation.export');
  const [res, dictionary] = await Promise.all([
    api('GET', '/api/evaluation'),
    exporter ? api('GET', '/api/evaluation/data-dictionary') : Promise.resolve(undefined),
  ]);
  if (res.status !== 200)
    return void replaceChildren('evaluation', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
  const f = res.body;
  const sideBySide = await evaluationSideBySide();
  const minimum: number = f.minimumCell;
  const withheld = 'withheld';
  const count = (n: number | null) => (n === null ? withheld : String(n));
  const cohorts = [
    { key: 'participants', label: 'Participants (enrolled diversions)', className: 'participants' },
    { key: 'comparison', label: 'Comparison pool (booked)', className: 'comparison' },
  ] as const;
  const cohortOf = (key: 'participants' | 'comparison'): Cohort => f[key];
  /** A cohort too small for any figure: its size is itself withheld (R-EVAL), unless it is nobody. */
  const tooFew = (c: Cohort) => c.people === null || c.people === 0;
  const notEnough = (c: Cohort) =>
    c.people === 0
      ? `no one yet (0 of the ${minimum} needed)`
      : `not enough people yet (fewer than ${minimum}; the exact number is withheld until then)`;
  const produce = async (button: HTMLButtonElement) => {
    button.disabled = true;
    const run = await api('POST', '/api/evaluation/runs');
    if (run.status === 201) location.reload();
    else {
      announce(errorMessage(run));
      button.disabled = false;
    }
  };

  /** A horizon's cell: the rate with its count, or why there is none. */
  const horizonCell = (c: Cohort, key: string, months: number): Child => {
    if (tooFew(c)) return '—';
    if (!horizonObserved(months, c.longestFollowUpDays))
      return `not yet observed (longest follow-up: ${days(c.longestFollowUpDays ?? 0)})`;
    const rate = c.rearrestRate?.[key] ?? null;
    const by = c.rearrestedBy?.[key] ?? null;
    if (rate === null || by === null)
      return c.curve
        ? `not drawn (its last re-arrests are fewer than ${minimum})`
        : `withheld (would reveal a count under ${minimum})`;
    return `${pct(rate)} (${by} re-arrested by then)`;
  };

  const bothTooFew = cohorts.every((c) => tooFew(cohortOf(c.key)));
  replaceChildren(
    'evaluation',
    h(
      'p',
      { id: 'evaluation-status' },
      f.stored
        ? `Computed ${when(f.computedAt)} by the nightly schedule or on request.`
        : `No run has stored figures yet: computed now (${when(f.computedAt)}).`,
      allows(me.role, 'evaluation.produce')
        ? [
            ' ',
            h(
              'button',
              { type: 'button', onclick: (e: Event) => void produce(e.currentTarget as HTMLButtonElement) },
              'Compute again now',
            ),
          ]
        : null,
    ),
    h(
      'p',
      { class: 'hint', id: 'small-numbers' },
      `Counts under ${minimum} are withheld, and so is any figure that would give one back (R-EVAL). A cohort shows figures once it has at least ${minimum} people.`,
    ),
    bothTooFew
      ? h(
          'p',
          { class: 'panel warn', id: 'not-enough' },
          `Not enough people yet for any figure. ${cohorts.map((c) => `${c.label}: ${notEnough(cohortOf(c.key))}.`).join(' ')}`,
        )
      : null,
    h('h2', {}, 'Time to first re-arrest'),
    cohorts.some((c) => cohortOf(c.key).curve)
      ? survivalCurves({
          id: 'km-curves',
          title: 'Share not re-arrested since the diversion or the booking (Kaplan–Meier, 95 % band)',
          cohorts: cohorts
            .filter((c) => cohortOf(c.key).curve)
            .map((c) => ({ label: c.label, className: c.className, steps: cohortOf(c.key).curve! })),
        })
      : h('p', { class: 'hint' }, 'No curve to draw yet.'),
    // Each cohort's state, unless the panel above said it for both.
    (bothTooFew ? [] : cohorts).map((c) => {
      const cohort = cohortOf(c.key);
      const state = tooFew(cohort)
        ? `${c.label}: ${notEnough(cohort)}.`
        : !cohort.curve
          ? `${c.label}: not drawn — a step would reveal a count under ${minimum}.`
          : null;
      return state
        ? h(
            'p',
            { class: 'hint', 'data-withheld': c.key, 'data-state': tooFew(cohort) ? 'too-few' : 'withheld' },
            state,
          )
        : null;
    }),
    h(
      'table',
      { id: 'rearrest-rates' },
      h(
        'caption',
        {},
        'Re-arrested within (Kaplan–Meier estimates: a person followed for less time counts while followed)',
      ),
      h(
        'tr',
        {},
        h('th', {}, 'Cohort'),
        h('th', {}, 'People'),
        h('th', {}, 'Re-arrested'),
        h('th', {}, 'Longest follow-up'),
        ...HORIZONS.map((hz) => h('th', {}, `${hz.months} months`)),
      ),
      cohorts.map((c) => {
        const cohort = cohortOf(c.key);
        return h(
          'tr',
          { 'data-cohort': c.key },
          h('th', {}, c.label),
          h('td', { 'data-count': 'people' }, tooFew(cohort) ? notEnough(cohort) : count(cohort.people)),
          h('td', { 'data-count': 'rearrested' }, tooFew(cohort) ? '—' : count(cohort.rearrested)),
          h('td', {}, cohort.longestFollowUpDays === null ? '—' : days(cohort.longestFollowUpDays)),
          ...HORIZONS.map((hz) => h('td', { 'data-months': hz.key }, horizonCell(cohort, hz.key, hz.months))),
        );
      }),
    ),
    h(
      'p',
      { id: 'hazard-ratio' },
      f.hazardRatio
        ? `Hazard of re-arrest, participants vs the comparison pool: ${ratio(f.hazardRatio.ratio)} (95 %: ${ratio(f.hazardRatio.lower)}–${ratio(f.hazardRatio.upper)}), from ${f.participants.rearrested} re-arrests of ${f.participants.people} participants and ${f.comparison.rearrested} of ${f.comparison.people} in the pool. Below 1: participants are re-arrested less.`
        : 'Hazard ratio: too few people or re-arrests to estimate.',
    ),
    h('h2', {}, 'Milestones reached by participants'),
    tooFew(cohortOf('participants'))
      ? h('p', { class: 'hint', id: 'milestones-too-few' }, `Participants: ${notEnough(cohortOf('participants'))}.`)
      : h(
          'table',
          { id: 'milestones' },
          h('caption', {}, `Of ${f.participants.people} participants, how many reached each milestone`),
          Object.entries(f.milestones).map(([m, n]) =>
            h('tr', { 'data-milestone': m }, h('th', { scope: 'row' }, humanize(m)), h('td', {}, count(n))),
          ),
        ),
    h('h2', {}, 'Eligibility, diversion and enrollment by perceived race/ethnicity'),
    f.byPerceivedRace.groups.length === 0
      ? h('p', { class: 'hint', id: 'by-race-none' }, 'No arrests checked yet.')
      : h(
          'table',
          { id: 'by-race' },
          h(
            'caption',
            {},
            `Of the arrests the eligibility check saw; each stage's rate with its count, and its index against ${humanize(f.byPerceivedRace.reference)} (1 = the same rate)`,
          ),
          h(
            'tr',
            {},
            [
              'Group',
              'Arrests checked',
              'Eligible',
              'Diverted',
              'Enrolled',
              'Eligibility',
              'Diversion',
              'Enrollment',
            ].map((t) => h('th', {}, t)),
          ),
          f.byPerceivedRace.groups.map((g) =>
            h(
              'tr',
              { 'data-group': g.group },
              h('th', {}, humanize(g.group)),
              ...(['checkedArrests', 'eligible', 'diverted', 'enrolled'] as const).map((k) => h('td', {}, count(g[k]))),
              ...(
                [
                  ['eligibility', 'eligible', 'checkedArrests'],
                  ['diversion', 'diverted', 'eligible'],
                  ['enrollment', 'enrolled', 'diverted'],
                ] as const
              ).map(([stage, n, of]) => {
                const rate: number | null = g[`${stage}Rate`];
                const index: number | null = g[`${stage}Index`];
                return h(
                  'td',
                  { 'data-index': stage },
                  rate === null || g[n] === null || g[of] === null
                    ? '—'
                    : `${pct(rate)} (${g[n]} of ${g[of]})${index === null ? '' : `, index ${ratio(index)}`}`,
                );
              }),
            ),
          ),
        ),
    sideBySide,
    dictionary
      ? [
          h('h2', {}, 'De-identified data for evaluators'),
          dictionary.status === 200
            ? exportOffer(dictionary.body, { dictionaryLink: true })
            : h('p', { class: 'panel bad', role: 'alert' }, errorMessage(dictionary)),
        ]
      : null,
  );
  document.getElementById('evaluation')!.dataset.ready = 'true';
}

void main();
