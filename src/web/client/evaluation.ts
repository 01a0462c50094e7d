import { allows } from '../../shared/permissions';
import { api, errorMessage } from './api';
import { survivalCurves } from './charts';
import { announce, h, humanize, replaceChildren, when } from './dom';
import { requireSession } from './session';

/**
 * R-EVAL: does diversion work, and for whom — re-arrest over time for participants vs the comparison
 * pool, and diversion and enrollment by perceived race/ethnicity. Small cells arrive suppressed (null)
 * from the API and are shown as such; so do the curves and rates that would reveal one (R-EVAL).
 */
async function main(): Promise<void> {
  const me = await requireSession();
  if (!me) return;
  const res = await api('GET', '/api/evaluation');
  if (res.status !== 200)
    return void replaceChildren('evaluation', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
  const f = res.body;
  const hidden = `suppressed (under ${f.minimumCell})`;
  const count = (n: number | null) => (n === null ? hidden : String(n));
  const pct = (share: number | null | undefined) =>
    share === null || share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`;
  const ratio = (r: number | null) => (r === null ? '—' : String(Math.round(r * 100) / 100));
  const cohorts = [
    { key: 'participants', label: 'Participants (enrolled diversions)', className: 'participants' },
    { key: 'comparison', label: 'Comparison pool (booked)', className: 'comparison' },
  ] as const;
  const produce = async (button: HTMLButtonElement) => {
    button.disabled = true;
    const run = await api('POST', '/api/evaluation/runs');
    if (run.status === 201) location.reload();
    else {
      announce(errorMessage(run));
      button.disabled = false;
    }
  };
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
    h('h2', {}, 'Time to first re-arrest'),
    cohorts.some((c) => f[c.key].curve)
      ? survivalCurves({
          id: 'km-curves',
          title: 'Share not re-arrested since the diversion or the booking (Kaplan–Meier, 95 % band)',
          cohorts: cohorts
            .filter((c) => f[c.key].curve)
            .map((c) => ({ label: c.label, className: c.className, steps: f[c.key].curve })),
        })
      : h('p', { class: 'hint' }, `Too few people to draw (${hidden}).`),
    cohorts
      .filter((c) => f[c.key].people && !f[c.key].curve)
      .map((c) =>
        h(
          'p',
          { class: 'hint', 'data-withheld': c.key },
          `${c.label}: not drawn — a step would reveal a count under ${f.minimumCell}.`,
        ),
      ),
    h(
      'table',
      { id: 'rearrest-rates' },
      h('caption', {}, 'Re-arrested within'),
      h(
        'tr',
        {},
        h('th', {}, 'Cohort'),
        h('th', {}, 'People'),
        h('th', {}, 'Re-arrested'),
        ...['6', '12', '24'].map((m) => h('th', {}, `${m} months`)),
      ),
      cohorts.map((c) =>
        h(
          'tr',
          { 'data-cohort': c.key },
          h('th', {}, c.label),
          h('td', {}, count(f[c.key].people)),
          h('td', {}, count(f[c.key].rearrested)),
          ...(['months6', 'months12', 'months24'] as const).map((m) =>
            h('td', { 'data-months': m }, pct(f[c.key].rearrestRate?.[m])),
          ),
        ),
      ),
    ),
    h(
      'p',
      { id: 'hazard-ratio' },
      f.hazardRatio
        ? `Hazard of re-arrest, participants vs the comparison pool: ${ratio(f.hazardRatio.ratio)} (95 %: ${ratio(f.hazardRatio.lower)}–${ratio(f.hazardRatio.upper)}). Below 1: participants are re-arrested less.`
        : 'Hazard ratio: too few people or re-arrests to estimate.',
    ),
    h('h2', {}, 'Milestones reached by participants'),
    h(
      'table',
      { id: 'milestones' },
      Object.entries(f.milestones as Record<string, number | null>).map(([m, n]) =>
        h('tr', { 'data-milestone': m }, h('th', {}, humanize(m)), h('td', {}, count(n))),
      ),
    ),
    h('h2', {}, 'Eligibility, diversion and enrollment by perceived race/ethnicity'),
    h(
      'table',
      { id: 'by-race' },
      h(
        'caption',
        {},
        `Of the arrests the eligibility check saw; each stage's index against ${humanize(f.byPerceivedRace.reference)} (1 = the same rate)`,
      ),
      h(
        'tr',
        {},
        ['Group', 'Arrests checked', 'Eligible', 'Diverted', 'Enrolled', 'Eligibility', 'Diversion', 'Enrollment'].map(
          (t) => h('th', {}, t),
        ),
      ),
      f.byPerceivedRace.groups.map((g: any) =>
        h(
          'tr',
          { 'data-group': g.group },
          h('th', {}, humanize(g.group)),
          ...['checkedArrests', 'eligible', 'diverted', 'enrolled'].map((k) => h('td', {}, count(g[k]))),
          ...['eligibility', 'diversion', 'enrollment'].map((stage) =>
            h('td', { 'data-index': stage }, `${pct(g[`${stage}Rate`])} (index ${ratio(g[`${stage}Index`])})`),
          ),
        ),
      ),
    ),
    allows(me.role, 'evaluation.export')
      ? h(
          'p',
          { id: 'export' },
          h('a', { href: '/api/evaluation/export.jsonl' }, 'De-identified dataset (JSON lines)'),
          ' · ',
          h('a', { href: '/api/evaluation/data-dictionary' }, 'Data dictionary'),
        )
      : null,
  );
  document.getElementById('evaluation')!.dataset.ready = 'true';
}

void main();
