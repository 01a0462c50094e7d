import { EXIT_REASONS, type ExitReason } from '../../shared/case-vocabulary';
import { declareAction } from './declaration';
import { optionsOf } from './field-parts';

const EXIT_REASON_OPTIONS = optionsOf<ExitReason>({
  CONSENT_RESCINDED: 'Consent rescinded',
  NO_CLINICAL_BENEFIT: 'No clinical benefit',
  TRANSITIONED_OUT: 'Transitioned out (self-sufficient)',
  DECEASED: 'Deceased',
  MOVED_AWAY: 'Moved away',
});

export const recordExit = declareAction({
  path: 'exit',
  roles: ['case_manager'],
  rules: ['R-EXIT'],
  input: ({ z, note }) =>
    z
      .strictObject({
        reason: z.enum(EXIT_REASONS),
        note: note.optional(),
      })
      .describe('R-EXIT: an enrolled participant leaves LEAD'),
  label: 'Record exit',
  stages: ['ENROLLED'],
  fields: [
    { name: 'reason', label: 'Reason', type: 'select', options: EXIT_REASON_OPTIONS, required: true },
    { name: 'note', label: 'Note', type: 'textarea' },
  ],
  danger: true,
  consequence: 'The participant leaves LEAD and the project manager is told. This cannot be undone.',
});
