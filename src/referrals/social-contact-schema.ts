import { z } from 'zod';
import { text } from '../shared/text-schema';
import type { LeadConfig } from '../config/config-schema';
import { personSchema, protectiveOrdersSchema, referredAtSchema, submissionIdSchema } from './person-schema';

export const VERIFICATION_BASES = ['POLICE_RECORDS', 'DIRECT_OBSERVATION', 'RELIABLE_INFORMATION'] as const;
export const OUTSIDE_CATCHMENT = 'OUTSIDE_CATCHMENT';

/** The social-contact referral form (R-SC-PREREQ, R-SC-SOURCE), built from the configured catchment areas. */
export function socialContactSchema(config: LeadConfig) {
  const agencies = Object.keys(config.agencies) as [string, ...string[]];
  const areas: [string, ...string[]] = [OUTSIDE_CATCHMENT, ...Object.keys(config.socialContact.catchmentAreas)];
  return z
    .strictObject({
      submissionId: submissionIdSchema,
      agency: z.enum(agencies).describe('The agency whose sergeants approve the referral'),
      source: z.strictObject({
        type: z.enum(['OFFICER', 'DOC', 'COMMUNITY']).describe('R-SC-SOURCE'),
        referrerId: text({ max: 100 }).describe("Badge number, DOC id, or the community referrer's name"),
        organization: text({ max: 200 }).optional(),
      }),
      vouchedBy: z
        .strictObject({
          id: text({ max: 50 }),
          role: z.enum(['officer', 'sergeant']),
        })
        .optional()
        .describe('R-SC-SOURCE: required for a community source'),
      person: personSchema,
      verification: z
        .strictObject({
          bases: z
            .array(z.enum(VERIFICATION_BASES))
            .min(1, 'say how law enforcement verified the law violations (R-SC-PREREQ)'),
          reliableSource: z.enum(['FIRST_RESPONDER', 'PROFESSIONAL', 'COMMUNITY_MEMBER']).optional(),
        })
        .refine((v) => !v.bases.includes('RELIABLE_INFORMATION') || v.reliableSource, {
          path: ['reliableSource'],
          message: 'reliable information must say who gave it (R-SC-PREREQ)',
        }),
      drivers: z
        .array(z.enum(['BEHAVIORAL_HEALTH', 'DRUG_ACTIVITY', 'EXTREME_POVERTY']))
        .min(1)
        .describe('Why the person engages in law violations'),
      narrative: text({ max: 2000 })
        .optional()
        .describe("Why LEAD, in the referrer's words: what was seen or learned (referral record)"),
      violations: z
        .array(
          z.strictObject({
            date: z.iso.date(),
            area: z.enum(areas).describe(`A catchment area, or ${OUTSIDE_CATCHMENT}`),
          }),
        )
        .min(1, 'at least one law violation is required (R-SC-PREREQ)')
        .max(50),
      protectiveOrders: protectiveOrdersSchema,
      referredAt: referredAtSchema,
      fromArrest: text({ max: 40 })
        .optional()
        .describe('R-SC-FROM-ARREST: the arrest diversion, not diverted, this referral starts from'),
    })
    .superRefine((body, ctx) => {
      if (body.source.type === 'COMMUNITY' && !body.vouchedBy) {
        ctx.addIssue({
          code: 'custom',
          path: ['vouchedBy'],
          message: 'a community-sourced referral names the officer or sergeant who vouches for it (R-SC-SOURCE)',
        });
      }
    });
}

export type SocialContactSubmission = z.infer<ReturnType<typeof socialContactSchema>>;
