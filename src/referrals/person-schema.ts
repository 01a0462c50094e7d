import { z } from 'zod';
import { PROTECTIVE_ORDER_TYPES } from '../eligibility/history-codes';

const name = z.string().trim().min(1).max(100);

/** The person's minimal identity: enough to recognise them again (R-EL-PRIOR), nothing more. */
export const personSchema = z.strictObject({
  givenName: name,
  familyName: name,
  dateOfBirth: z.iso.date().describe('YYYY-MM-DD'),
  stateId: z.string().trim().min(1).max(40).optional().describe('State identification number (SID), when known'),
});

export const protectiveOrdersSchema = z
  .array(z.strictObject({
    type: z.enum(PROTECTIVE_ORDER_TYPES),
    protectsCurrentParticipant: z.boolean().describe('R-EX-ORDER: the order protects a current LEAD participant'),
  }))
  .max(20)
  .default([]);

export const submissionIdSchema = z.uuid().describe('Chosen once by the form; resubmitting with it returns the same case');
export const referredAtSchema = z.iso.datetime({ offset: true }).optional().describe('When the referral was made, if the form is sent later; default: now');
