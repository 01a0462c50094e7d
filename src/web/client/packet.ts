import { api, errorMessage } from './api';
import { deadlineLabel, deadlineStatusLabel, stageLabel, typeLabel } from '../../contract/plain-language';
import { h, replaceChildren, when } from './dom';
import { why } from './words';
import { codeLabels, referralRecordView } from './referral-record';
import { requireSession } from './session';

/**
 * R-PACKET: the diversion packet for the office(s) with jurisdiction — the referral record, with the
 * deadlines a reviewer needs. Prints cleanly (print stylesheet in app.css), or downloads as a PDF with
 * its cover sheet (GET /api/cases/:caseId/packet.pdf).
 */
const caseId = decodeURIComponent(location.pathname.split('/').at(-2) ?? '');

async function main(): Promise<void> {
  if (!(await requireSession())) return;
  const [res, labels] = await Promise.all([
    api('GET', `/api/cases/${encodeURIComponent(caseId)}/packet`),
    codeLabels(),
  ]);
  if (res.status !== 200) {
    replaceChildren('packet', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
    return;
  }
  const p = res.body;
  replaceChildren(
    'packet',
    h(
      'p',
      {},
      h('strong', {}, p.caseId),
      ` · ${typeLabel(p.type)} · referred ${when(p.referredAt)} · ${stageLabel(p.stage)}`,
    ),
    h(
      'p',
      {},
      `Offices with jurisdiction: ${p.prosecutorOffices.length ? p.prosecutorOffices.map((o: string) => labels.offices?.[o]?.name ?? o).join(', ') : '—'}`,
    ),
    why('R-JURISDICTION'),
    h(
      'p',
      { class: 'no-print actions' },
      h('button', { type: 'button', onclick: () => window.print() }, 'Print'),
      h(
        'a',
        { href: `/api/cases/${encodeURIComponent(p.caseId)}/packet.pdf`, id: 'packet-pdf-link', download: true },
        'Download packet (PDF)',
      ),
      h('a', { href: `/cases/${encodeURIComponent(p.caseId)}` }, 'Back to the case'),
    ),
    referralRecordView(p.referral, 'h2', labels),
    h('h2', {}, 'Deadlines'),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, 'What'), h('th', {}, 'When'), h('th', {}, 'Status'))),
      h(
        'tbody',
        {},
        p.deadlines.map((d) =>
          h(
            'tr',
            {},
            h('td', {}, deadlineLabel(d), why(d.ruleId)),
            h('td', {}, when(d.dueAt)),
            h('td', {}, deadlineStatusLabel(d.status)),
          ),
        ),
      ),
    ),
    h('p', { class: 'hint' }, 'Law-enforcement information. Showing it is recorded in the accounting of disclosures.'),
    why(['R-ROI', 'R-DISCLOSE']),
  );
  document.getElementById('packet')!.dataset.ready = 'true';
}

void main();
