import type { AnswerBody } from '../../api/contract/api-answers';
import { api, errorMessage } from './api';
import { noticeLabel } from '../../contract/plain-language';
import { h, replaceChildren, when } from './dom';
import { plainDate } from './found-cases';
import { why } from './words';
import { caseTable } from './lists';
import { requireSession } from './session';

/**
 * Who a case is about — where the office reads its referral record (R-PACKET), as the API decided and
 * recorded as a disclosure (R-DISCLOSE): name and date of birth, the offenses, the referral date.
 */
type Inbox = AnswerBody<'GET', '/api/queues/prosecutor'>;
type Notice = Inbox['notices'][number];

const about = (r: Notice) =>
  r.person
    ? h(
        'span',
        { class: 'about' },
        h('strong', {}, `${r.person.givenName} ${r.person.familyName}`),
        ', born ',
        plainDate(r.person.dateOfBirth),
        r.offenses?.length ? [h('br'), r.offenses.map((o: { label: string }) => o.label).join(', ')] : null,
      )
    : '';
const detail = (r: Inbox['awaitingDecision'][number]) =>
  [r.offenses?.map((o) => o.label).join(', '), r.referredAt ? `Referred ${when(r.referredAt)}` : '']
    .filter(Boolean)
    .join('. ');
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
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, 'Case'),
              h('th', {}, 'Person and offenses'),
              h('th', {}, 'Referred'),
              h('th', {}, 'Notice'),
              h('th', {}, 'Sent'),
            ),
          ),
          h(
            'tbody',
            {},
            q.notices.map((n) =>
              h(
                'tr',
                { 'data-notice': n.id, 'data-case': n.caseId },
                h('td', {}, h('a', { href: `/cases/${encodeURIComponent(n.caseId)}` }, n.caseId)),
                h('td', {}, about(n)),
                h('td', {}, when(n.referredAt)),
                h('td', {}, noticeLabel(n.kind), why(n.ruleId)),
                h('td', {}, n.sentAt ? when(n.sentAt) : 'not yet'),
              ),
            ),
          ),
        ),
    h('h2', {}, `Filing decisions to make (${q.awaitingDecision.length})`),
    caseTable(q.awaitingDecision, { person: true, extra: detail }),
    h('h2', {}, `Victim objection windows open (${q.objectionWindows.length})`),
    caseTable(q.objectionWindows, { person: true, extra: detail }),
  );
  document.getElementById('inbox')!.dataset.ready = 'true';
}
void main();
