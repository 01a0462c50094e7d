import { PACKET_REVIEW_OUTCOMES } from '../../shared/case-vocabulary';
import type { CaseView } from '../query-views';
import { declareAction, type CaseReader } from './declaration';
import { OPEN_STAGES } from './field-parts';

const packetReviewOpen = (view: CaseView, reader: CaseReader) =>
  Boolean(reader.office) && !view.packetReviews.some((r) => r.office === reader.office);

export const recordPacketReview = declareAction({
  path: 'packet-review',
  roles: ['prosecutor'],
  rules: ['R-PACKET'],
  input: ({ z, text, note }) =>
    z
      .strictObject({
        outcome: z.enum(PACKET_REVIEW_OUTCOMES),
        criterion: text({ max: 200 })
          .optional()
          .describe('The criterion the referral does not meet (required for DOES_NOT_MEET_CRITERIA)'),
        note: note.optional(),
      })
      .describe("R-PACKET (Decision 2026-12-02): the office's review of the diversion packet"),
  label: 'Review the diversion packet',
  types: ['ARREST_DIVERSION'],
  stages: OPEN_STAGES,
  openWhen: packetReviewOpen,
  fields: [
    {
      name: 'outcome',
      label: 'The referral',
      type: 'select',
      options: [
        ['MEETS_CRITERIA', 'Meets the criteria'],
        ['DOES_NOT_MEET_CRITERIA', 'Does not meet the criteria'],
      ],
      required: true,
    },
    { name: 'criterion', label: 'Which criterion it does not meet', type: 'text' },
    { name: 'note', label: 'Note', type: 'textarea' },
  ],
  consequence: {
    MEETS_CRITERIA: "Your office's review is recorded on the case.",
    DOES_NOT_MEET_CRITERIA:
      "Your office's review is recorded and the referring agency's sergeants are told. Filing stays a separate decision.",
  },
});
