import { z } from 'zod';
import { text } from '../../shared/text-schema';
import { REFERRAL_TYPES, STAGES } from '../../shared/case-vocabulary';
import { ROLES } from '../../shared/roles';

/** Response schemas: what a client may count on, every key named (strict): a field is added here first, or never sent. */
export const isoDateTime = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();
export const caseIdParams = z.strictObject({
  caseId: text({ max: 100, trim: false }).describe('The case id (LEAD-…)'),
});
export const actorSchema = z.strictObject({
  id: z.string(),
  role: z.enum([...ROLES, 'system']),
  office: z.string().optional().describe("A prosecutor's office: their decisions are the office's (R-JURISDICTION)"),
  agency: z.string().optional().describe("An officer's or sergeant's agency"),
  name: z.string().optional().describe("The account's display name, where the service has the account"),
});
export const stageSchema = z.enum(STAGES);
export const referralTypeSchema = z.enum(REFERRAL_TYPES);

/** A case in a list: program status only (R-ROI), with links to its page and its workflow. */
export const caseRowSchema = z.strictObject({
  caseId: z.string(),
  type: referralTypeSchema,
  stage: stageSchema,
  agency: z.string(),
  prosecutorOffice: z.string().nullable(),
  prosecutorOffices: z.array(z.string()),
  referredAt: isoDateTime.nullable(),
  nextDeadline: z.strictObject({ dueAt: isoDateTime, ruleId: z.string().nullable() }).nullable(),
  stuckReasons: z.array(z.string()),
  links: z.strictObject({ case: z.string(), temporal: z.string() }),
});
