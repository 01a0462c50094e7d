import { api, errorMessage } from './api';
import { noticeLabel } from '../../shared/plain-language';
import { h, replaceChildren, when } from './dom';
import { why } from './words';
import { caseTable } from './lists';
import { requireSession } from './session';

/** The prosecutor's inbox: notices for their office only (R-JURISDICTION) and decisions to make. */
async function main(): Promise<void> {
  if (!(await requireSession())) return;
  const res = await api('GET', '/api/queues/prosecutor');
  if (res.status !== 200)
    return void replaceChildren('inbox', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
  const q = res.body;
  replaceChildren(
    'inbox',
    h('p', {}, `Office: ${q.office.name} (${q.office.code})`),
    h('h2', {}, `Notices (${q.notices.length})`),
    q.notices.length === 0
      ? h('p', { class: 'hint' }, 'None.')
      : h(
          'table',
          {},
          h('thead', {}, h('tr', {}, h('th', {}, 'Case'), h('th', {}, 'Notice'), h('th', {}, 'Sent'))),
          h(
            'tbody',
            {},
            q.notices.map((n: any) =>
              h(
                'tr',
                {},
                h('td', {}, h('a', { href: `/cases/${encodeURIComponent(n.caseId)}` }, n.caseId)),
                h('td', {}, noticeLabel(n.kind), why(n.ruleId)),
                h('td', {}, n.sentAt ? when(n.sentAt) : 'not yet'),
              ),
            ),
          ),
        ),
    h('h2', {}, `Filing decisions to make (${q.awaitingDecision.length})`),
    caseTable(q.awaitingDecision),
    h('h2', {}, `Victim objection windows open (${q.objectionWindows.length})`),
    caseTable(q.objectionWindows),
  );
  document.getElementById('inbox')!.dataset.ready = 'true';
}
void main();
