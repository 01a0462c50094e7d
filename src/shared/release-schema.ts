import { z } from 'zod';
import { text } from './text-schema';

/**
 * R-CONSENT: what a release of information covers besides case management. A function, not a schema:
 * the workers preload this module and freeze what it exports, and zod cannot use a frozen schema
 * (`src/case/actions/inputs.ts`).
 */
export const releaseCoverage = () =>
  z.strictObject({
    staffing: z
      .boolean()
      .describe(
        'The release covers staffing with the LEAD partners: they may then see a progress summary (R-ROI, R-STAFFING)',
      ),
    providers: z
      .array(text({ min: 2, max: 200 }))
      .max(30)
      .default([])
      .describe('Treatment providers the case manager may consult'),
  });

const VERBAL_NEEDS_WHO = 'a verbal consent must name who memorialized it (R-CONSENT)';

/**
 * R-CONSENT: a release as given (or as amended), one shape per method so that the schema itself says
 * what the service enforces: a WRITTEN release may name who memorialized it, a VERBAL_MEMORIALIZED one
 * must (`rest` is the action's other fields, the same for both).
 */
export function releaseOf<const S extends z.core.$ZodLooseShape>(rest: S) {
  return z.discriminatedUnion(
    'method',
    [
      z.strictObject({
        method: z.literal('WRITTEN').describe('A written release'),
        memorializedBy: text({ max: 200 }).optional().describe('Who memorialized it, if anyone'),
        ...rest,
      }),
      z.strictObject({
        method: z.literal('VERBAL_MEMORIALIZED').describe('A verbal consent, memorialized by the agency'),
        memorializedBy: text({ max: 200, missing: VERBAL_NEEDS_WHO }).describe(
          'Who memorialized the verbal consent (R-CONSENT: required)',
        ),
        ...rest,
      }),
    ],
    { error: 'WRITTEN or VERBAL_MEMORIALIZED (R-CONSENT)' },
  );
}
