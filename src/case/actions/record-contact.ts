import { declareAction } from './declaration';

export const recordContact = declareAction({
  path: 'contacts',
  roles: ['officer', 'sergeant', 'case_manager'],
  rules: ['R-SC-CONTACT'],
  input: ({ z, note }) =>
    z
      .strictObject({
        willing: z.boolean().describe('The person was found and is willing to meet case management'),
        note: note.optional(),
      })
      .describe('R-SC-CONTACT: the officer or outreach staff found (or tried to find) the person'),
  label: 'Record contact',
  stages: ['AWAITING_CONTACT'],
  fields: [{ name: 'willing', label: 'Found and willing to meet case management', type: 'boolean' }],
});
