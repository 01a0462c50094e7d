import { api, errorMessage } from './api';
import { h, replaceChildren } from './dom';
import { caseTable } from './lists';
import { requireSession } from './session';

/** Stuck cases by reason: counts, then each list, every case linked to its page and its workflow. */
async function main(): Promise<void> {
  if (!(await requireSession())) return;
  const res = await api('GET', '/api/stuck');
  if (res.status !== 200)
    return void replaceChildren('stuck', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
  const { counts, lists } = res.body;
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
    keys.map((k) => [h('h2', { id: k }, `${lists[k].label} (${lists[k].ruleId})`), caseTable(lists[k].cases)]),
  );
  document.getElementById('stuck')!.dataset.ready = 'true';
}
void main();
