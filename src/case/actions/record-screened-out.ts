import { SCREENED_OUT_REASONS, type ScreenedOutReason } from '../../shared/case-vocabulary';
import { declareAction } from './declaration';
import { optionsOf } from './field-parts';

const SCREENED_OUT_REASON_OPTIONS = optionsOf<ScreenedOutReason>({
  NOT_AMENABLE: 'Not amenable to diversion',
  SAFETY_RISK: 'A risk to victim or community safety',
  NEEDS_A_HIGHER_LEVEL_OF_CARE: 'Needs a higher level of care than LEAD gives',
  NO_BEHAVIORAL_HEALTH_OR_POVERTY_NEED: 'No behavioral health, drug or poverty need',
  OTHER: 'Other (say which in the note)',
});

export const recordScreenedOut = declareAction({
  path: 'screening/not-appropriate',
  roles: ['case_manager'],
  rules: ['R-SCREEN'],
  input: ({ z, note }) =>
    z
      .strictObject({
        reason: z.enum(SCREENED_OUT_REASONS).describe('Why the person is not appropriate for LEAD (a category)'),
        note: note.optional(),
      })
      .describe(
        'R-SCREEN (Decision 2026-12-02): the screening found the person not appropriate; the sergeant and the prosecutors are told',
      ),
  label: 'Screening: not appropriate',
  stages: ['AWAITING_SCREENING'],
  types: ['ARREST_DIVERSION'],
  fields: [
    { name: 'reason', label: 'Why', type: 'select', options: SCREENED_OUT_REASON_OPTIONS, required: true },
    { name: 'note', label: 'Note (case-management record)', type: 'textarea' },
  ],
  danger: true,
  consequence:
    "The referring agency's sergeants and every prosecutor office with jurisdiction are told, as for a person who left before screening; each office then decides whether to file.",
});
