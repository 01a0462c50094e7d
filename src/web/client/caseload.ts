import { api, errorMessage } from './api';
import { h, replaceChildren } from './dom';
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
    caseTable(res.body.cases, { person: true, caption: 'Open cases, nearest deadline first' }),
  );
  document.getElementById('caseload')!.dataset.ready = 'true';
}
void main();
