import { z } from 'zod';
import { text } from '../shared/text-schema';
import { PROTECTIVE_ORDER_TYPES } from '../eligibility/history-codes';

const name = text({ max: 100 });

/** The person's minimal identity: enough to recognise them again (R-EL-PRIOR), nothing more. */
export const personSchema = z.strictObject({
  givenName: name,
  familyName: name,
  dateOfBirth: z.iso.date().describe('YYYY-MM-DD'),
  stateId: text({ max: 40 }).optional().describe('State identification number (SID), when known'),
});

/**
 * R-EX-ORDER: whom an order protects, as written on it — full name with date of birth, or state id. The
 * service, the only party that knows who is a participant today, checks it; it is never stored.
 */
const protectedPersonSchema = z.union(
  [
    z.strictObject({
      givenName: name,
      familyName: name,
      dateOfBirth: z.iso.date().describe('YYYY-MM-DD'),
      stateId: text({ max: 40 }).optional(),
    }),
    z.strictObject({
      givenName: name.optional(),
      familyName: name.optional(),
      dateOfBirth: z.iso.date().optional().describe('YYYY-MM-DD'),
      stateId: text({ max: 40 }),
    }),
  ],
  {
    error:
      'name the person the order protects as written on it: full name with date of birth, or state id (R-EX-ORDER)',
  },
);

export const protectiveOrdersSchema = z
  .array(
    z.strictObject({
      type: z.enum(PROTECTIVE_ORDER_TYPES),
      protectedPerson: protectedPersonSchema.describe(
        'R-EX-ORDER: checked against the people enrolled in LEAD today; never stored',
      ),
    }),
  )
  .max(20)
  .default([]);

export type ProtectiveOrder = z.infer<typeof protectiveOrdersSchema>[number];

export const submissionIdSchema = z
  .uuid()
  .describe('Chosen once by the form; resubmitting with it returns the same case');
export const referredAtSchema = z.iso
  .datetime({ offset: true })
  .optional()
  .describe('When the referral was made, if the form is sent later; default: now');
