import { declareAction } from './declaration';
import { decision, OPEN_STAGES } from './field-parts';

export const decideReassessment = declareAction({
  path: 'reassessment-decision',
  roles: ['sergeant'],
  rules: ['R-SC-REASSESS', 'R-SC-PDA'],
  input: ({ z, text }) =>
    z
      .strictObject({
        decision: z.enum(['RENEW', 'CLOSE']),
        reason: text({ min: 3, max: 500 }),
      })
      .describe('R-SC-REASSESS: renew the approval for another period, or close the referral'),
  label: 'Re-assess',
  types: ['SOCIAL_CONTACT'],
  stages: OPEN_STAGES,
  openWhen: (view) => view.reassessmentDue,
  fields: [decision('RENEW', 'CLOSE'), { name: 'reason', label: 'Reason', type: 'textarea', required: true }],
  consequence: {
    RENEW: 'The approval is good for another six months.',
    CLOSE: 'The referral closes; the project manager is told.',
  },
});
