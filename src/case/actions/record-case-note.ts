import { declareAction } from './declaration';
import { OPEN_STAGES } from './field-parts';

export const recordCaseNote = declareAction({
  path: 'notes',
  roles: ['case_manager'],
  rules: ['R-ROI'],
  input: ({ z, note }) =>
    z
      .strictObject({
        note,
      })
      .describe("R-ROI: a case manager's note (case-management record: never shown to partners)"),
  label: 'Add a case note',
  stages: OPEN_STAGES,
  fields: [
    {
      name: 'note',
      label: 'Note (case-management record: never shown to partners)',
      type: 'textarea',
      required: true,
    },
  ],
});
