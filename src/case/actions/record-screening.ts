import { declareAction } from './declaration';

export const recordScreening = declareAction({
  path: 'screening',
  roles: ['case_manager'],
  rules: ['R-SCREEN', 'R-INTAKE'],
  input: ({ z, isoInstant }) =>
    z
      .strictObject({
        intakeScheduledFor: isoInstant
          .optional()
          .describe('When the in-depth intake is booked (R-INTAKE: best 24–48 h after screening, before the deadline)'),
      })
      .describe('R-SCREEN: the initial screening was done'),
  label: 'Record screening',
  stages: ['AWAITING_SCREENING'],
  fields: [{ name: 'intakeScheduledFor', label: 'Intake booked for', type: 'datetime' }],
});
