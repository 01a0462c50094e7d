import { FILING_DECISIONS } from '../../shared/case-vocabulary';
import type { CaseView } from '../query-views';
import { declareAction, type CaseReader } from './declaration';
import { OPEN_STAGES } from './field-parts';

/**
 * R-JURISDICTION: an office decides on its own charges — where the protocol gives it a decision
 * (R-SCREEN, R-MISSED, R-VICTIM) until it has made it, or outside them with a reason (R-PACKET) —
 * until some office files.
 */
const filingDecisionOpen = (view: CaseView, reader: CaseReader) => {
  if (view.filingDecisions.some((d) => d.decision === 'FILED')) return false;
  const office = reader.office ?? (view.prosecutorOffices.length === 1 ? view.prosecutorOffices[0] : undefined);
  if (!office || !view.prosecutorOffices.includes(office)) return false;
  return view.filingDecisionOpenUnder ? view.filingDecisionsOwedBy.includes(office) : true;
};

export const recordFilingDecision = declareAction({
  path: 'filing-decision',
  roles: ['prosecutor'],
  rules: ['R-JURISDICTION', 'R-SCREEN', 'R-MISSED', 'R-VICTIM', 'R-PACKET'],
  input: ({ z, note }) =>
    z
      .strictObject({
        decision: z.enum(FILING_DECISIONS),
        reason: note
          .optional()
          .describe('Why — required for a decision outside R-SCREEN, R-MISSED and R-VICTIM (R-PACKET)'),
        confirmOutsideProtocol: z
          .boolean()
          .optional()
          .describe('true to decide outside R-SCREEN, R-MISSED and R-VICTIM (R-PACKET, Decision 2026-12-02)'),
      })
      .describe("R-JURISDICTION: the signed-in prosecutor's office records whether it files its charges"),
  label: 'Record filing decision',
  types: ['ARREST_DIVERSION'],
  stages: OPEN_STAGES,
  openWhen: filingDecisionOpen,
  fields: [
    {
      name: 'decision',
      label: "Your office's decision",
      type: 'select',
      options: [
        ['FILED', 'Charges filed'],
        ['DECLINED', 'Charges declined'],
      ],
      required: true,
    },
    {
      name: 'reason',
      label: 'Reason (required outside a missed intake, a screening or a victim objection)',
      type: 'textarea',
    },
    {
      name: 'confirmOutsideProtocol',
      label:
        'I decide outside a missed intake, a screening or a victim objection; the case manager and the sergeant are told',
      type: 'boolean',
    },
  ],
  danger: true,
  consequence: {
    FILED:
      "Your office files its charges: the diversion ends and the person is not diverted; the sergeants and case management are told. After a victim's objection a participant continues as a social contact instead.",
    DECLINED:
      'Your office files nothing. The case closes as charges declined only when every office owed a decision has declined; the other offices still decide on their own charges.',
  },
});
