import { declareAction } from './declaration';
import { OPEN_STAGES } from './field-parts';

export const recordVictimObjection = declareAction({
  path: 'victim-objection',
  roles: ['prosecutor'],
  rules: ['R-VICTIM'],
  input: ({ z, note }) =>
    z
      .strictObject({
        note: note.optional(),
      })
      .describe('R-VICTIM: the victim objected to the diversion'),
  label: 'Record victim objection',
  types: ['ARREST_DIVERSION'],
  stages: OPEN_STAGES,
  openWhen: (view) =>
    view.victimCrime &&
    !view.victimObjectionAt &&
    view.deadlines.some((d) => d.ruleId === 'R-VICTIM' && d.status === 'OPEN'),
  fields: [{ name: 'note', label: 'Note', type: 'textarea' }],
  consequence: 'The objection opens your decision whether to file the original charge.',
});
