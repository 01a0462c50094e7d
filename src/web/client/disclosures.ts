import { api, errorMessage } from './api';
import { h, humanize, replaceChildren, when } from './dom';
import { requireSession } from './session';

/** R-DISCLOSE: every disclosure of the person's information, for case managers and supervisors. */
const caseId = decodeURIComponent(location.pathname.split('/').at(-2) ?? '');

async function main(): Promise<void> {
  if (!(await requireSession())) return;
  const res = await api('GET', `/api/cases/${encodeURIComponent(caseId)}/disclosures`);
  if (res.status !== 200) {
    replaceChildren('disclosures', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
    return;
  }
  const rows: any[] = res.body.disclosures;
  replaceChildren(
    'disclosures',
    h(
      'p',
      {},
      `Every time this person's referral record or case-management record was shown outside case management, on any of their cases. `,
      h(
        'a',
        { href: `/api/cases/${encodeURIComponent(caseId)}/disclosures.csv`, download: true, id: 'disclosures-csv' },
        'Download (CSV)',
      ),
    ),
    rows.length === 0
      ? h('p', { class: 'hint' }, 'None.')
      : h(
          'table',
          { id: 'disclosure-list' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['When', 'Who', 'What', 'Under', 'Case', 'Where'].map((c) => h('th', {}, c)),
            ),
          ),
          h(
            'tbody',
            {},
            rows.map((d) =>
              h(
                'tr',
                {},
                h('td', {}, when(d.at)),
                h(
                  'td',
                  {},
                  `${d.actorId} (${humanize(d.actorRole)}${d.actorOffice ? `, ${d.actorOffice}` : ''}${d.actorAgency ? `, ${d.actorAgency}` : ''})`,
                ),
                h('td', {}, d.kinds.map(humanize).join(', ')),
                h('td', {}, d.basis),
                h('td', {}, h('a', { href: `/cases/${encodeURIComponent(d.caseId)}` }, d.caseId)),
                h('td', {}, d.channel),
              ),
            ),
          ),
        ),
  );
  document.getElementById('disclosures')!.dataset.ready = 'true';
}

void main();
