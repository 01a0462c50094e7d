import { api, errorMessage } from './api';
import { h, replaceChildren, when } from './dom';
import { caseTable } from './lists';
import { requireSession } from './session';

/** The sergeant's queue: approvals, override requests, deadlines to extend, returns to scene, re-assessments. */
async function main(): Promise<void> {
  if (!(await requireSession())) return;
  const res = await api('GET', '/api/queues/sergeant');
  if (res.status !== 200)
    return void replaceChildren('queue', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
  const q = res.body;
  replaceChildren(
    'queue',
    h('h2', { id: 'approvals' }, `Social contacts awaiting approval (${q.approvals.length})`),
    caseTable(q.approvals),
    h('h2', {}, `Override requests (${q.overrides.length})`),
    caseTable(q.overrides),
    h('h2', {}, `Intake deadlines within 7 days — extend if needed (${q.extensions.length})`),
    caseTable(q.extensions),
    h('h2', {}, `Returns to scene, last 7 days (${q.returnsToScene.length})`),
    caseTable(q.returnsToScene, {
      extra: (r) => `${when(r.reportedAt)}${r.withinWindow ? ' — inside the window' : ''}`,
    }),
    h('h2', {}, `Re-assessments due (${q.reassessments.length})`),
    caseTable(q.reassessments),
  );
  document.getElementById('queue')!.dataset.ready = 'true';
}
void main();
