import { declareAction } from './declaration';

export const rescindConsent = declareAction({
  path: 'consent/rescind',
  roles: ['case_manager'],
  rules: ['R-CONSENT', 'R-EXIT'],
  input: ({ z, note }) =>
    z
      .strictObject({
        note: note.optional(),
      })
      .describe('R-CONSENT: consent rescinded (after enrollment this is an exit, R-EXIT)'),
  label: 'Consent rescinded',
  stages: ['AWAITING_INTAKE', 'ENROLLED'],
  openWhen: (view) => view.consent.status === 'GIVEN',
  danger: true,
  consequence:
    'The release ends at once: from now on partners see the status only. After enrollment this is an exit — the person is no longer a participant.',
});
