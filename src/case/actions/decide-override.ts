import { declareAction } from './declaration';
import { decision } from './field-parts';

export const decideOverride = declareAction({
  path: 'override-decision',
  roles: ['sergeant'],
  notBySubmitter: 'R-EL-OVERRIDE',
  rules: ['R-EL-OVERRIDE'],
  input: ({ z, text }) =>
    z
      .strictObject({
        decision: z.enum(['APPROVE', 'DENY']),
        reason: text({ min: 3, max: 500 }).describe('Why (recorded in the case history)'),
      })
      .describe('R-EL-OVERRIDE: the sergeant approves or denies diverting an ineligible, booked person'),
  label: 'Decide override',
  stages: ['OVERRIDE_REQUESTED'],
  fields: [decision('APPROVE', 'DENY'), { name: 'reason', label: 'Reason', type: 'textarea', required: true }],
  consequence: {
    APPROVE: 'Case management is called and the diversion starts; the intake deadline runs.',
    DENY: 'The case closes: the person stays booked and is not diverted.',
  },
});
