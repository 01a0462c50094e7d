import { api, errorMessage } from './api';
import { h, replaceChildren, when } from './dom';
import { caseTable } from './lists';
import { requireSession } from './session';

/** A case manager's open cases, nearest deadline first. */
async function main(): Promise<void> {
  if (!(await requireSession())) return;
  const res = await api('GET', '/api/caseload');
  if (res.status !== 200)
    return void replaceChildren('caseload', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
  replaceChildren(
    'caseload',
    caseTable(res.body.cases, {
      person: true,
      caption: 'Open cases, nearest deadline first',
      // R-COORD: coordinate a new prosecution with the service plan.
      extra: (r) =>
        r.newArrestAlertAt
          ? `New arrest or referral recorded ${when(r.newArrestAlertAt)}: coordinate it with the service plan`
          : '',
    }),
  );
  document.getElementById('caseload')!.dataset.ready = 'true';
}
void main();
