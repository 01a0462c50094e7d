import type { z } from 'zod';
import { humanize } from '../../shared/humanize';
import { ASSESSMENT_DOMAINS, NEED_LEVELS } from '../../shared/case-vocabulary';
import { declareAction, type ActionField } from './declaration';

// R-CONSENT: intake is recorded after the release of information (both may be in the same visit).
export const recordIntake = declareAction({
  path: 'intake',
  roles: ['case_manager'],
  rules: ['R-INTAKE', 'R-CONSENT', 'R-ENROLL'],
  input: ({ z, text }) =>
    z
      .strictObject({
        assessment: z
          .strictObject({
            causeOfLawViolations: text({ max: 2000 }).describe('The immediate cause of the law violations'),
            ...(Object.fromEntries(ASSESSMENT_DOMAINS.map((d) => [d, z.enum(NEED_LEVELS)])) as Record<
              (typeof ASSESSMENT_DOMAINS)[number],
              z.ZodEnum<{ [L in (typeof NEED_LEVELS)[number]]: L }>
            >),
          })
          .optional()
          .describe(
            "R-INTAKE (Decision 2026-12-02): the seed's assessment — the cause of the law violations and the level of need in each domain (case-management record)",
          ),
      })
      .describe('R-INTAKE: the in-depth intake was completed'),
  label: 'Record intake',
  stages: ['AWAITING_INTAKE'],
  // R-CONSENT (Decision 2026-12-02): refused unless the release covers staffing; the refusal says so.
  openWhen: (view) => view.consent.status === 'GIVEN',
  // R-INTAKE (Decision 2026-12-02): the seed's assessment, as structured answers.
  fields: [
    {
      name: 'assessment.causeOfLawViolations',
      label: 'The immediate cause of the law violations',
      type: 'textarea',
      required: true,
    },
    ...ASSESSMENT_DOMAINS.map((domain): ActionField => ({
      name: `assessment.${domain}`,
      label: `Need: ${humanize(domain.replace(/([A-Z])/g, '_$1').toUpperCase())}`,
      type: 'select',
      options: NEED_LEVELS.map((l): [string, string] => [l, humanize(l)]),
      required: true,
    })),
  ],
});
