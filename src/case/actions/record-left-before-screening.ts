import { declareAction } from './declaration';

export const recordLeftBeforeScreening = declareAction({
  path: 'left-before-screening',
  roles: ['case_manager'],
  rules: ['R-SCREEN'],
  input: ({ z, note }) =>
    z
      .strictObject({
        note: note.optional(),
      })
      .describe('R-SCREEN: the person left before the initial screening was done'),
  label: 'Left before screening',
  stages: ['AWAITING_SCREENING'],
  types: ['ARREST_DIVERSION'],
  fields: [{ name: 'note', label: 'Note', type: 'textarea' }],
  danger: true,
  consequence:
    "The referring agency's sergeants and the prosecutor with jurisdiction are told; the prosecutor then decides whether to file the original charge.",
});
