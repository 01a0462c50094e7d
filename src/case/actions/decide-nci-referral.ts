import { declareAction } from './declaration';

export const decideNciReferral = declareAction({
  path: 'nci-decision',
  /** R-EL-WARRANT: the DOC NCI team, or a sergeant on their word. */
  roles: ['doc_nci', 'sergeant'],
  rules: ['R-EL-WARRANT'],
  input: ({ z, text }) =>
    z
      .strictObject({
        decision: z
          .enum(['REFER', 'DECLINE'])
          .describe(
            'REFER: the diversion proceeds and its clocks start now; DECLINE: the person is booked, the case closes',
          ),
        reason: text({ min: 3, max: 500 }).optional(),
        onWordOf: text({ min: 2, max: 200 })
          .optional()
          .describe('A sergeant recording the decision names the NCI officer who gave it'),
      })
      .describe(
        'R-EL-WARRANT: the DOC NCI team decides whether a person arrested on a DOC warrant or violation is referred to LEAD',
      ),
  label: 'Record the NCI decision',
  stages: ['AWAITING_NCI_DECISION'],
  fields: [
    {
      name: 'decision',
      label: 'Decision',
      type: 'select',
      options: [
        ['REFER', 'Refer to LEAD'],
        ['DECLINE', 'Decline: book the person'],
      ],
      required: true,
    },
    { name: 'reason', label: 'Reason', type: 'textarea' },
    { name: 'onWordOf', label: 'On the word of (NCI officer, when a sergeant records it)', type: 'text' },
  ],
  consequence: {
    REFER:
      'The diversion proceeds: case management is called and every clock (scene, victim window, intake deadline) starts now.',
    DECLINE: 'The person is booked, not diverted; the case closes and the sergeants are told.',
  },
});
