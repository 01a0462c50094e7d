import { declareAction } from './declaration';

export const reinstateService = declareAction({
  path: 'service-reinstatements',
  roles: ['case_manager'],
  rules: ['R-SERVICE-WITHDRAW'],
  input: ({ z, text, note }) =>
    z
      .strictObject({
        service: text({ min: 2, max: 100 }).describe('The withdrawn service, as it was named when withdrawn'),
        note: note.optional(),
      })
      .describe('R-SERVICE-WITHDRAW: a withdrawn service is offered again'),
  label: 'Reinstate a service',
  stages: ['ENROLLED'],
  openWhen: (view) => view.servicesWithdrawn.some((w) => !w.reinstatedAt),
  fields: [
    { name: 'service', label: 'The withdrawn service', type: 'text', required: true },
    { name: 'note', label: 'Note', type: 'textarea' },
  ],
  consequence: 'The service is offered again.',
});
