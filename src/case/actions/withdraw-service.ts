import { WITHDRAWAL_REASONS, type WithdrawalReason } from '../../shared/case-vocabulary';
import { declareAction } from './declaration';
import { optionsOf } from './field-parts';

const WITHDRAWAL_REASON_OPTIONS = optionsOf<WithdrawalReason>({
  NO_PROGRESS_WITH_SERVICE: 'No progress with this service',
  NOT_USING_SERVICE: 'Not using the service',
  SERVICE_NO_LONGER_NEEDED: 'No longer needed',
  PARTICIPANT_DECLINED_SERVICE: 'The participant declined it',
  PROVIDER_NO_LONGER_AVAILABLE: 'The provider is no longer available',
});

export const withdrawService = declareAction({
  path: 'service-withdrawals',
  roles: ['case_manager'],
  rules: ['R-SERVICE-WITHDRAW'],
  input: ({ z, text, note }) =>
    z
      .strictObject({
        service: text({ min: 2, max: 100 }).describe('The specific service withdrawn'),
        reasonCode: z
          .enum(WITHDRAWAL_REASONS)
          .describe('Why: lack of progress with this service (never a condition such as abstinence)'),
        note: note.optional(),
      })
      .describe(
        'R-SERVICE-WITHDRAW: a specific service is withdrawn for lack of progress — not an exit; the person stays enrolled',
      ),
  // The shape before reasons were codes: an update accepted then is applied as it was.
  label: 'Withdraw a service',
  stages: ['ENROLLED'],
  fields: [
    { name: 'service', label: 'Service', type: 'text', required: true },
    {
      name: 'reasonCode',
      label: 'Why (not an exit)',
      type: 'select',
      options: WITHDRAWAL_REASON_OPTIONS,
      required: true,
    },
    { name: 'note', label: 'Note', type: 'textarea' },
  ],
  consequence: 'The service stops; the person stays a participant — this is not an exit.',
});
