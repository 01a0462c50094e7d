import { api, errorMessage } from './api';
import { basisLabel, channelLabel, DISCLOSED_KIND_LABELS, roleName } from '../../contract/plain-language';
import { h, humanize, replaceChildren, when } from './dom';
import { codeLabels } from './referral-record';
import { why } from './words';
import { requireSession } from './session';

/** R-DISCLOSE: every disclosure of the person's information, for case managers and supervisors. */
const caseId = decodeURIComponent(location.pathname.split('/').at(-2) ?? '');

async function main(): Promise<void> {
  if (!(await requireSession())) return;
  const [res, labels] = await Promise.all([
    api('GET', `/api/cases/${encodeURIComponent(caseId)}/disclosures`),
    codeLabels(),
  ]);
  if (res.status !== 200) {
    replaceChildren('disclosures', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
    return;
  }
  const rows = res.body.disclosures;
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
                  // By name where the service has the account; the id always (it is what the records hold).
                  `${d.actorName ? `${d.actorName} (${d.actorId})` : d.actorId}, ${roleName(d.actorRole)}${
                    d.actorOffice ? `, ${labels.offices?.[d.actorOffice]?.name ?? d.actorOffice}` : ''
                  }${d.actorAgency ? `, ${labels.agencies?.[d.actorAgency]?.name ?? d.actorAgency}` : ''}`,
                ),
                h('td', {}, d.kinds.map((k: string) => DISCLOSED_KIND_LABELS[k] ?? humanize(k)).join(', ')),
                h('td', {}, basisLabel(d.basis).text, why(basisLabel(d.basis).ruleIds)),
                h('td', {}, h('a', { href: `/cases/${encodeURIComponent(d.caseId)}` }, d.caseId)),
                h('td', {}, channelLabel(d.channel)),
              ),
            ),
          ),
        ),
  );
  document.getElementById('disclosures')!.dataset.ready = 'true';
}

void main();
