import { declareAction } from './declaration';
import { decision } from './field-parts';

export const decideApproval = declareAction({
  path: 'approval-decision',
  roles: ['sergeant'],
  notBySubmitter: 'R-SC-APPROVAL',
  rules: ['R-SC-APPROVAL', 'R-SC-PDA'],
  input: ({ z, text }) =>
    z
      .discriminatedUnion(
        'decision',
        [
          z.strictObject({ decision: z.literal('APPROVE'), reason: text({ min: 3, max: 500 }).optional() }),
          z.strictObject({
            decision: z.literal('DENY'),
            reason: text({ min: 3, max: 500, missing: 'a denial must give its reason (R-SC-APPROVAL)' }).describe(
              'Why (R-SC-APPROVAL: required to deny)',
            ),
          }),
        ],
        { error: 'APPROVE or DENY (R-SC-APPROVAL)' },
      )
      .describe('R-SC-APPROVAL: a LEAD-trained sergeant approves or denies a social contact'),
  label: 'Approve or deny',
  stages: ['AWAITING_APPROVAL'],
  fields: [decision('APPROVE', 'DENY'), { name: 'reason', label: 'Reason (required to deny)', type: 'textarea' }],
  consequence: {
    APPROVE:
      'The person is taken on as capacity allows, then found and offered case management; the project manager is told.',
    DENY: 'The referral closes; the project manager is told.',
  },
});
