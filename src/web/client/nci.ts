import { api, errorMessage } from './api';
import { h, replaceChildren } from './dom';
import { caseTable } from './lists';
import { requireSession } from './session';

/** R-EL-WARRANT: the DOC NCI team's referrals — those waiting for their decision, and those decided lately. */
async function main(): Promise<void> {
  if (!(await requireSession())) return;
  const res = await api('GET', '/api/queues/nci');
  if (res.status !== 200)
    return void replaceChildren('nci', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
  replaceChildren(
    'nci',
    h('h2', {}, `Waiting for your decision (${res.body.awaiting.length})`),
    caseTable(res.body.awaiting),
    h('h2', {}, `Decided in the last two weeks (${res.body.decidedLately.length})`),
    caseTable(res.body.decidedLately),
  );
  document.getElementById('nci')!.dataset.ready = 'true';
}
void main();
