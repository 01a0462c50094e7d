import { humanize } from '../../shared/humanize';
import { isTerminal, STAGES, type Stage } from '../../shared/case-vocabulary';
import type { ActionField } from './declaration';

/** Pieces the actions' presentations share. */
export const optionsOf = <C extends string>(labels: Record<C, string>): Array<[string, string]> =>
  Object.entries(labels);

export const OPEN_STAGES: Stage[] = STAGES.filter((stage) => !isTerminal(stage));

/** A decision between two choices, each in words. */
export const decision = (approve: string, deny: string): ActionField => ({
  name: 'decision',
  label: 'Decision',
  type: 'select',
  options: [
    [approve, humanize(approve)],
    [deny, humanize(deny)],
  ],
  required: true,
});

/** R-CONSENT: how a release was given and what it covers (as given, and as amended). */
export const RELEASE_FIELDS: ActionField[] = [
  {
    name: 'method',
    label: 'How',
    type: 'select',
    options: [
      ['WRITTEN', 'Signed release of information'],
      ['VERBAL_MEMORIALIZED', 'Verbal, memorialized by the agency'],
    ],
    required: true,
  },
  { name: 'memorializedBy', label: 'Memorialized by (for verbal consent)', type: 'text' },
  {
    name: 'covers.staffing',
    label: 'The release covers staffing with the LEAD partners (they then see a progress summary)',
    type: 'boolean',
  },
  { name: 'covers.providers', label: 'Treatment providers the release names (one per line)', type: 'list' },
];
