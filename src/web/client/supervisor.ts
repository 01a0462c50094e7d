import { api, errorMessage } from './api';
import { h, replaceChildren, when } from './dom';
import { caseTable } from './lists';
import { why } from './words';
import { requireSession } from './session';

/** Stuck cases by reason: counts, then each list, every case linked to its page and its workflow. */
async function main(): Promise<void> {
  if (!(await requireSession())) return;
  const res = await api('GET', '/api/stuck');
  if (res.status !== 200)
    return void replaceChildren('stuck', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
  const { counts, lists, followUpsUnconfirmed: followUps } = res.body;
  const keys = Object.keys(lists);
  replaceChildren(
    'stuck',
    h(
      'div',
      { class: 'cards' },
      keys.map((k) =>
        h('a', { class: 'card', href: `#${k}`, 'data-count': k }, h('strong', {}, String(counts[k])), lists[k].label),
      ),
    ),
    h(
      'a',
      { class: 'card', href: '#followUpsUnconfirmed', 'data-count': 'followUpsUnconfirmed' },
      h('strong', {}, String(followUps.items.length)),
      followUps.label,
    ),
    keys.map((k) => [
      h('h2', { id: k }, lists[k].label),
      why(lists[k].ruleId),
      caseTable(lists[k].cases),
      counts[k] > lists[k].cases.length
        ? h(
            'p',
            { class: 'hint', 'data-more': k },
            `The first ${lists[k].cases.length} of ${counts[k]} cases: the Temporal Web UI's queries list them all.`,
          )
        : null,
    ]),
    // R-EVAL: follow-ups of cases and bookings; a booking has no case page, so its id is shown as it is.
    h('h2', { id: 'followUpsUnconfirmed' }, followUps.label),
    why(followUps.ruleId),
    followUps.items.length
      ? h(
          'table',
          { id: 'follow-ups' },
          h(
            'tr',
            {},
            ['Case or booking', 'Follow-up', 'Agency', 'Due', 'Stuck since'].map((t) => h('th', {}, t)),
          ),
          followUps.items.map((f) =>
            h(
              'tr',
              { 'data-record': f.recordId },
              h(
                'td',
                {},
                /-BK-/.test(f.recordId)
                  ? f.recordId
                  : h('a', { href: `/cases/${encodeURIComponent(f.recordId)}` }, f.recordId),
              ),
              h('td', {}, `${f.months} months`),
              h('td', {}, f.agency),
              h('td', {}, when(f.dueAt)),
              h('td', {}, when(f.stuckSince)),
            ),
          ),
        )
      : h('p', { class: 'hint' }, 'None.'),
  );
  document.getElementById('stuck')!.dataset.ready = 'true';
}
void main();
