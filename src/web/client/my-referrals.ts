import { api, errorMessage } from './api';
import { h, replaceChildren } from './dom';
import { foundCaseList, type FoundCase } from './found-cases';
import { requireSession } from './session';

/** "My referrals": the cases this officer submitted, newest first, each linked to its page and its actions. */
async function main(): Promise<void> {
  if (!(await requireSession())) return;
  const res = await api('GET', '/api/referrals/mine');
  if (res.status !== 200)
    return void replaceChildren('my-referrals', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
  const { cases, truncated } = res.body as { cases: FoundCase[]; truncated: boolean };
  replaceChildren(
    'my-referrals',
    h(
      'h2',
      { id: 'my-referrals-title' },
      cases.length === 0 ? 'You have not submitted a referral yet.' : 'Your referrals, newest first',
    ),
    truncated ? h('p', { class: 'hint' }, h('a', { href: '/search' }, 'Search'), ' to find older ones.') : null,
    cases.length > 0 ? foundCaseList(cases, 'my-referrals-title') : null,
  );
  document.getElementById('my-referrals')!.dataset.ready = 'true';
}
void main();
