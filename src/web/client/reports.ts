import { WITHHELD_REASON } from '../../disclosure/nominations';
import { allows } from '../../contract/permissions';
import { api, errorMessage } from './api';
import { groupedBars, horizontalBars } from './charts';
import {
  addMonths,
  calendarDate,
  deadlineLabel,
  monthAxisLabel,
  monthName,
  plainRefusal,
  roleName,
  shortMonthName,
  stageLabel,
  stuckLabel,
  typeLabel,
} from '../../contract/plain-language';
import { announce, h, replaceChildren, when } from './dom';

import { requireSession } from './session';
import { monthSideBySide } from './side-by-side';

/**
 * R-STAFFING: a month's report as charts, with the staffing list and the CSV downloads — the month under
 * way so far by default, or any month since the first referral (stored, or computed when opened), chosen
 * in the month picker or by the previous and next month; those allowed can produce a past month again.
 * Months are codes (YYYY-MM) in the API and names ("November 2026") on the page.
 */

/** Every month a person may open, newest first: from the first referral (or the oldest stored) to now. */
function monthsToOffer(current: string, firstMonth: string | null, stored: string[], shown: string): string[] {
  const oldest = [firstMonth, ...stored, shown].filter((m): m is string => !!m && m <= current).sort()[0] ?? current;
  const months: string[] = [];
  for (let m = current; m >= oldest && months.length < 240; m = addMonths(m, -1)) months.push(m);
  return months;
}
async function main(): Promise<void> {
  const me = await requireSession();
  if (!me) return;
  const list = await api('GET', '/api/reports');
  if (list.status !== 200)
    return void replaceChildren('report', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(list)));
  const current: string = list.body.current;
  const storedMonths = new Set<string>(
    list.body.reports.filter((r: { soFar: boolean }) => !r.soFar).map((r: { month: string }) => r.month),
  );
  const month = new URLSearchParams(location.search).get('month') ?? current;
  const res = await api('GET', `/api/reports/${encodeURIComponent(month)}`);
  if (res.status !== 200)
    return void replaceChildren('report', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
  const { figures: f, staffingList, clientRows, soFar, stored, generatedAt } = res.body;
  const sideBySide = await monthSideBySide(month);
  const produce = async (button: HTMLButtonElement) => {
    button.disabled = true;
    const run = await api('POST', `/api/reports/${encodeURIComponent(month)}/runs`);
    if (run.status === 201) location.reload();
    else {
      announce(errorMessage(run));
      button.disabled = false;
    }
  };
  const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);
  const card = (key: string, value: string, label: string) =>
    h('div', { class: 'card', 'data-figure': key }, h('strong', {}, value), label);

  replaceChildren(
    'report',
    h(
      'form',
      { class: 'month-picker', method: 'get', id: 'month-picker' },
      h('label', { for: 'month' }, 'Month'),
      h(
        'select',
        { id: 'month', name: 'month' },
        monthsToOffer(current, list.body.firstMonth, [...storedMonths], month).map((m) =>
          h(
            'option',
            { value: m, selected: m === month },
            m === current
              ? `${monthName(m)} (so far)`
              : storedMonths.has(m)
                ? monthName(m)
                : `${monthName(m)} (not produced yet)`,
          ),
        ),
      ),
      h('button', { type: 'submit', class: 'secondary' }, 'Show'),
    ),
    h(
      'nav',
      { class: 'month-steps', 'aria-label': 'Other months' },
      h(
        'a',
        { href: `?month=${addMonths(month, -1)}`, id: 'previous-month', rel: 'prev' },
        `← ${monthName(addMonths(month, -1))}`,
      ),
      month < current
        ? h(
            'a',
            { href: `?month=${addMonths(month, 1)}`, id: 'next-month', rel: 'next' },
            `${monthName(addMonths(month, 1))} →`,
          )
        : null,
    ),
    h(
      'p',
      { id: 'report-status' },
      soFar
        ? `The month under way, computed now (${when(generatedAt)}); it is stored on the first of next month.`
        : stored
          ? `Produced ${when(generatedAt)} by the monthly schedule or on request.`
          : `Not produced yet: computed now (${when(generatedAt)}).`,
      !soFar && allows(me.role, 'report.produce')
        ? [
            ' ',
            h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                id: 'produce-report',
                onclick: (e: Event) => void produce(e.currentTarget as HTMLButtonElement),
              },
              stored ? 'Produce again now' : 'Produce and store now',
            ),
          ]
        : null,
    ),
    h(
      'p',
      {},
      h(
        'a',
        { href: `/api/reports/${month}/staffing-list.csv`, download: true, id: 'staffing-csv' },
        'Staffing-meeting case list (CSV)',
      ),
      clientRows
        ? [
            ' · ',
            h(
              'a',
              { href: `/api/reports/${month}/client-report.csv`, download: true, id: 'client-csv' },
              'Client-level report (CSV)',
            ),
          ]
        : null,
    ),
    h(
      'div',
      { class: 'cards' },
      card('referrals', String(f.referralsInMonth.total), `referrals in ${monthName(month)}`),
      card(
        'enrolled-share',
        pct(f.enrolledShare.share),
        `of them enrolled by month end (${f.enrolledShare.enrolled} of ${f.enrolledShare.referred})`,
      ),
      card('missed-intakes', String(f.missedIntakes), 'missed intakes'),
      card('waiting', String(f.waitingSocialContacts), 'social contacts waiting for a place'),
    ),
    sideBySide,
    h('h2', {}, 'Referrals per month by type'),
    groupedBars({
      id: 'chart-referrals',
      title: `Referrals per month by type, 12 months to ${monthName(month)}`,
      categories: f.referralsByMonth.map((m: { month: string }) => m.month),
      label: { axis: monthAxisLabel, name: shortMonthName },
      series: [
        {
          label: 'arrest diversions',
          className: 'series-a',
          values: f.referralsByMonth.map((m: { arrestDiversions: number }) => m.arrestDiversions),
        },
        {
          label: 'social contacts',
          className: 'series-b',
          values: f.referralsByMonth.map((m: { socialContacts: number }) => m.socialContacts),
        },
      ],
    }),
    h('h2', {}, 'Time from referral'),
    horizontalBars({
      id: 'chart-times',
      title: `Days from referral to screening and to intake, cases screened or enrolled in ${monthName(month)}`,
      unit: 'days',
      bars: [
        {
          label: `to screening, median (n=${f.daysToScreening.count})`,
          value: f.daysToScreening.median,
          className: 'series-a',
        },
        { label: 'to screening, 90th percentile', value: f.daysToScreening.p90, className: 'series-a light' },
        { label: `to intake, median (n=${f.daysToIntake.count})`, value: f.daysToIntake.median, className: 'series-b' },
        { label: 'to intake, 90th percentile', value: f.daysToIntake.p90, className: 'series-b light' },
      ],
    }),
    h('h2', {}, 'Capacity at month end'),
    horizontalBars({
      id: 'chart-capacity',
      title: 'Active participants against the places the case-manager FTE give',
      unit: 'people',
      bars: [
        { label: 'places used', value: f.capacity.used, className: 'series-a', max: f.capacity.available },
        { label: 'places available', value: f.capacity.available, className: 'series-b light' },
        {
          label: 'waiting social contacts',
          value: f.waitingSocialContacts,
          className: 'series-b',
          max: f.capacity.available,
        },
      ],
    }),
    h('h2', {}, `Staffing-meeting case list (${staffingList.length})`),
    staffingList.length === 0
      ? h('p', { class: 'hint' }, 'None.')
      : h(
          'table',
          { id: 'staffing-list' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Case', 'Person', 'Stage', 'Referred', 'Next deadline', 'Flags'].map((c) => h('th', {}, c)),
            ),
          ),
          h(
            'tbody',
            {},
            staffingList.map((r) =>
              h(
                'tr',
                { 'data-case': r.referralId },
                h(
                  'td',
                  {},
                  h('a', { href: `/cases/${r.referralId}` }, r.referralId),
                  h('br'),
                  h('span', { class: 'hint' }, typeLabel(r.type)),
                ),
                h(
                  'td',
                  {},
                  r.name ?? h('span', { class: 'hint' }, 'by case id only'),
                  r.nominations?.length
                    ? [
                        h('br'),
                        h(
                          'span',
                          { class: 'hint' },
                          `nominated by ${r.nominations.map((n) => `${n.by.name ?? `${n.by.id}, ${roleName(n.by.role)}`}: ${n.reason ?? plainRefusal(WITHHELD_REASON).text.toLowerCase()}`).join('; ')}`,
                        ),
                      ]
                    : null,
                ),
                h('td', { 'data-stage': r.stage }, stageLabel(r.stage)),
                h('td', {}, calendarDate(r.referredOn)),
                h(
                  'td',
                  {},
                  r.nextDeadlineOn
                    ? `${deadlineLabel({ ruleId: r.nextDeadlineRule ?? '', name: 'deadline' })}: ${calendarDate(r.nextDeadlineOn)}`
                    : '—',
                ),
                h(
                  'td',
                  {},
                  r.stuck.map((s: string) => h('span', { class: 'badge stuck' }, stuckLabel(s))),
                ),
              ),
            ),
          ),
        ),
  );
  document.getElementById('report')!.dataset.ready = 'true';
}
void main();
