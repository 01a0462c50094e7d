import { monthName } from '../../contract/plain-language';
import { api, errorMessage } from './api';
import { h } from './dom';
import { programsOfSession } from './session';

/**
 * Issue 26: a person of several programs reads them side by side under their own program's month and
 * evaluation — figures only, as the API gives them (a withheld count stays withheld, together too).
 */
const WITHHELD = 'withheld';
const pct = (share: number | null | undefined) => (share == null ? '—' : `${Math.round(share * 1000) / 10}%`);
const count = (n: number | null) => (n === null ? WITHHELD : String(n));
const days = (d: number | null) => (d === null ? '—' : `${d} days`);

function table(id: string, caption: string, columns: string[], rows: Array<[string, ...string[]]>): HTMLElement {
  return h(
    'table',
    { id },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Figure'),
        columns.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map(([label, ...cells]) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, label),
          cells.map((c) => h('td', {}, c)),
        ),
      ),
    ),
  );
}

const severalPrograms = () => (programsOfSession()?.programs.length ?? 0) > 1;

/** R-STAFFING: each of the person's programs' month. */
export async function monthSideBySide(month: string): Promise<HTMLElement[]> {
  if (!severalPrograms()) return [];
  const res = await api('GET', `/api/reports/${encodeURIComponent(month)}/programs`);
  if (res.status !== 200) return [h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res))];
  type Figures = (typeof res.body.programs)[number]['figures'];
  const rows: Array<[string, (f: Figures) => string]> = [
    ['Referrals', (f) => String(f.referralsInMonth.total)],
    [
      'Enrolled by month end',
      (f) => `${pct(f.enrolledShare.share)} (${f.enrolledShare.enrolled} of ${f.enrolledShare.referred})`,
    ],
    ['Days to screening, median', (f) => days(f.daysToScreening.median)],
    ['Days to intake, median', (f) => days(f.daysToIntake.median)],
    ['Missed intakes', (f) => String(f.missedIntakes)],
    ['Places used', (f) => `${f.capacity.used} of ${f.capacity.available}`],
    ['Social contacts waiting', (f) => String(f.waitingSocialContacts)],
  ];
  const { programs } = res.body;
  return [
    h('h2', {}, 'Your programs side by side'),
    table(
      'programs-side-by-side',
      `${monthName(month)}, each program's own cases`,
      programs.map((p) => (p.stored ? p.name : `${p.name} (computed now)`)),
      rows.map(([label, of]) => [label, ...programs.map((p) => of(p.figures))]),
    ),
  ];
}

/** R-EVAL: each of the person's programs' evaluation, and all of them together. */
export async function evaluationSideBySide(): Promise<HTMLElement[]> {
  if (!severalPrograms()) return [];
  const res = await api('GET', '/api/evaluation/programs');
  if (res.status !== 200) return [h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res))];
  const { programs, combined } = res.body;
  type Figures = (typeof programs)[number]['figures'];
  const rows: Array<[string, (f: Figures) => string]> = [
    ['Participants', (f) => count(f.participants.people)],
    ['Comparison pool', (f) => count(f.comparison.people)],
    ['Participants re-arrested by 12 months', (f) => pct(f.participants.rearrestRate?.months12)],
    ['Comparison re-arrested by 12 months', (f) => pct(f.comparison.rearrestRate?.months12)],
    ['Hazard ratio', (f) => (f.hazardRatio ? f.hazardRatio.ratio.toFixed(2) : '—')],
  ];
  const columns = [...programs.map((p) => ({ name: p.name, figures: p.figures }))];
  if (combined) columns.push({ name: 'Together', figures: combined });
  return [
    h('h2', {}, 'Your programs side by side'),
    table(
      'evaluation-side-by-side',
      "Each program's own participants and comparison pool, and together (small cells withheld there too)",
      columns.map((c) => c.name),
      rows.map(([label, of]) => [label, ...columns.map((c) => of(c.figures))]),
    ),
  ];
}
