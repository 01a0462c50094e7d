import { declareAction } from './declaration';

export const scheduleIntake = declareAction({
  path: 'intake/appointment',
  roles: ['case_manager'],
  rules: ['R-INTAKE'],
  input: ({ z, isoInstant }) =>
    z
      .strictObject({
        intakeScheduledFor: isoInstant.describe('When the in-depth intake is booked (before the intake deadline)'),
      })
      .describe('R-INTAKE (Decision 2026-12-02): book or move the intake appointment at any time before intake'),
  label: 'Book or move the intake',
  stages: ['AWAITING_INTAKE'],
  openWhen: (view) => !view.intakeCompletedAt,
  fields: [{ name: 'intakeScheduledFor', label: 'Intake booked for', type: 'datetime', required: true }],
});
