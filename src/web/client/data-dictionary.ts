import { api, errorMessage } from './api';
import { h, replaceChildren } from './dom';
import { exportOffer } from './evaluation-export';
import { requireSession } from './session';

/**
 * R-EVAL: the export's data dictionary as a page — every column, what it holds and how it was
 * de-identified — with what an export made now would hold, and the downloads (GET
 * /api/evaluation/data-dictionary answers the same as JSON).
 */
/** A column's meaning with the export's own values (FELONY, NCI_DECLINED…) set as code, as the CSV holds them. */
const withCodes = (meaning: string) =>
  meaning.split(/\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})\b/).map((part, i) => (i % 2 ? h('code', {}, part) : part));

async function main(): Promise<void> {
  const me = await requireSession();
  if (!me) return;
  const res = await api('GET', '/api/evaluation/data-dictionary');
  if (res.status !== 200)
    return void replaceChildren('dictionary', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
  const d = res.body;
  replaceChildren(
    'dictionary',
    h(
      'p',
      {},
      'One row per start — a diversion whose person was enrolled (participants), or an arrest that ended in booking (the comparison pool). ',
      `No name, birth date, state id, case or booking id, address or free text; months instead of dates. A cohort with fewer than ${d.minimumCell} people is withheld whole.`,
    ),
    exportOffer(d, { dictionaryLink: false }),
    h(
      'table',
      { id: 'data-dictionary' },
      h(
        'caption',
        {},
        'The columns of the export (the CSV also counts the outcomes per kind: arrests, bookings, charges)',
      ),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Column'), h('th', { scope: 'col' }, 'What it holds'))),
      h(
        'tbody',
        {},
        Object.entries(d.fields).map(([field, meaning]) =>
          h('tr', { 'data-field': field }, h('td', {}, h('code', {}, field)), h('td', {}, withCodes(meaning))),
        ),
      ),
    ),
    h('p', {}, h('a', { href: '/evaluation' }, 'Back to the evaluation')),
  );
  document.getElementById('dictionary')!.dataset.ready = 'true';
}

void main();
