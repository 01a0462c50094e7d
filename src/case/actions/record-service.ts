import { declareAction } from './declaration';

export const recordService = declareAction({
  path: 'services',
  roles: ['case_manager'],
  rules: ['R-IIP', 'R-CONSENT'],
  input: ({ z, text, note }) =>
    z
      .strictObject({
        service: text({ min: 2, max: 100 }).describe('The service delivered'),
        provider: text({ min: 2, max: 200 })
          .optional()
          .describe('The treatment provider consulted; the release of information must cover it (R-CONSENT)'),
        note: note.optional(),
      })
      .describe('R-IIP: a service delivered to the participant'),
  label: 'Record a service',
  stages: ['ENROLLED'],
  fields: [
    { name: 'service', label: 'Service delivered', type: 'text', required: true },
    { name: 'provider', label: 'Treatment provider consulted (must be named by the release)', type: 'text' },
    { name: 'note', label: 'Note', type: 'textarea' },
  ],
});
