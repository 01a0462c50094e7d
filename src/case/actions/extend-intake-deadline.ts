import { declareAction } from './declaration';

export const extendIntakeDeadline = declareAction({
  path: 'intake-deadline/extensions',
  roles: ['officer', 'sergeant'],
  rules: ['R-INTAKE'],
  input: ({ z, text, isoInstant }) =>
    z
      .strictObject({
        newDueAt: isoInstant.describe('The new intake deadline; must be later than the current one'),
        reason: text({ min: 3, max: 500 }).describe('Why the deadline is extended (R-INTAKE)'),
      })
      .describe('R-INTAKE: the referring officer or sergeant extends the intake deadline'),
  label: 'Extend intake deadline',
  stages: ['AWAITING_SCREENING', 'AWAITING_INTAKE'],
  types: ['ARREST_DIVERSION'],
  fields: [
    { name: 'newDueAt', label: 'New deadline', type: 'datetime', required: true },
    { name: 'reason', label: 'Why', type: 'textarea', required: true },
  ],
});
