import type { AnswerBody } from '../../api/contract/api-answers';
import { h, type Child } from './dom';

/**
 * R-EVAL: the de-identified export as evaluators are offered it, on the evaluation page and the data
 * dictionary's. A cohort under the minimum cell size is withheld whole, so an export can hold no rows at
 * all: the page says so — and why — before anyone downloads an empty file. It reads which cohorts an
 * export would hold now from the data dictionary's answer (`cohorts`: no counts, only the state), live,
 * rather than from the stored figures, which may be a night old.
 */
export type DataDictionary = AnswerBody<'GET', '/api/evaluation/data-dictionary'>;
type ExportCohortState = DataDictionary['cohorts']['PARTICIPANT'];

const COHORT_NAMES = { PARTICIPANT: 'participants', COMPARISON: 'the comparison pool' } as const;
const WITHHELD = { PARTICIPANT: 'Participants are', COMPARISON: 'The comparison pool is' } as const;

/** Why a cohort is not in the file, in words. */
const whyNot = (state: ExportCohortState, minimum: number) =>
  state === 'NONE_YET' ? 'nobody yet' : `fewer than ${minimum} people so far`;

/** What an export made now holds, in one sentence. */
export function exportState(d: DataDictionary): string {
  const cohorts = (['PARTICIPANT', 'COMPARISON'] as const).map((c) => ({ c, state: d.cohorts[c] }));
  const withheld = cohorts.filter((x) => x.state !== 'INCLUDED');
  const reasons = withheld.map((x) => `${COHORT_NAMES[x.c]}: ${whyNot(x.state, d.minimumCell)}`).join('; ');
  if (withheld.length === 2)
    return `Nothing to export yet: no cohort has reached the minimum of ${d.minimumCell} people (${reasons}). A cohort is exported whole once it has, never in part: a few rows could single people out.`;
  if (withheld.length === 1) {
    const included = cohorts.find((x) => x.state === 'INCLUDED')!;
    return `The export holds ${COHORT_NAMES[included.c]} only, one row per start. ${WITHHELD[withheld[0].c]} withheld until they reach ${d.minimumCell} people (${whyNot(withheld[0].state, d.minimumCell)}).`;
  }
  return 'The export holds both cohorts, participants and the comparison pool: one row per start.';
}

/** The downloads — offered only when a file would hold rows — and the state of the export, said first. */
export function exportOffer(d: DataDictionary, opts: { dictionaryLink: boolean }): Child[] {
  const empty = d.cohorts.PARTICIPANT !== 'INCLUDED' && d.cohorts.COMPARISON !== 'INCLUDED';
  const links: Child[] = empty
    ? []
    : [
        h('a', { href: '/api/evaluation/export.csv', download: true, id: 'export-csv' }, 'De-identified dataset (CSV)'),
        ' · ',
        h(
          'a',
          { href: '/api/evaluation/export.jsonl', download: true, id: 'export-jsonl' },
          'De-identified dataset (JSON lines)',
        ),
      ];
  const dictionary = opts.dictionaryLink
    ? h('a', { href: '/evaluation/data-dictionary', id: 'dictionary-link' }, 'Data dictionary: what each column holds')
    : null;
  return [
    h(
      'p',
      { id: 'export-state', class: empty ? 'panel warn' : '', 'data-empty': empty ? 'true' : 'false' },
      exportState(d),
    ),
    links.length || dictionary
      ? h('p', { id: 'export' }, ...links, links.length && dictionary ? ' · ' : null, dictionary)
      : null,
    h(
      'p',
      { class: 'hint' },
      'Every record in a download is recorded as a disclosure of that person’s information (R-DISCLOSE).',
    ),
  ];
}
