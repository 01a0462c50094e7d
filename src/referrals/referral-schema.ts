import { z } from 'zod';
import { text } from '../shared/text-schema';
import type { LeadConfig } from '../config/config-schema';
import { CONVICTION_CODES, DRUG_ACTIVITIES, DRUG_SUBSTANCES, WARRANT_KINDS } from '../eligibility/history-codes';
import { localDate } from '../eligibility/calendar-dates';
import { OFFENSE_LEVELS } from '../shared/case-vocabulary';
import { personSchema, protectiveOrdersSchema, referredAtSchema, submissionIdSchema } from './person-schema';

/**
 * The arrest-diversion referral form, as the API accepts it (and the form validates before sending).
 * Built from the jurisdiction's configuration so that an unknown agency or offense code is refused
 * with the accepted codes named; conviction codes are the protocol's (R-EX-HISTORY-*) plus OTHER.
 */
/** R-EL-CONSENT-LATER (corrected 2026-12-02, the seed's words): why consent is sought later. */
export const CONSENT_LATER_REASONS = [
  'INTOXICATED',
  'INCAPACITATED',
  'TOO_ILL',
  'MENTAL_ILLNESS_IMMEDIATE_RISK',
] as const;
/** R-EL-VICTIM (Decision 2026-12-02): how the victim consultation went. */
export const VICTIM_CONSULTATIONS = ['CONSULTED', 'NOT_REACHABLE', 'STANDING_AGREEMENT'] as const;

export function arrestDiversionSchema(config: LeadConfig) {
  const agencies = Object.keys(config.agencies) as [string, ...string[]];
  const offenses = Object.keys(config.offenses) as [string, ...string[]];
  return z
    .strictObject({
      submissionId: submissionIdSchema,
      agency: z.enum(agencies).describe("The referring officer's agency"),
      officer: z.strictObject({
        id: text({ max: 50 }).describe('Badge or personnel number'),
        name: text({ max: 100 }).optional(),
      }),
      person: personSchema,
      incident: z.strictObject({
        withinCityLimits: z.boolean().describe('R-JURISDICTION: misdemeanors in the city go to the city attorney'),
        occurredOn: z.iso.date().optional().describe('R-EL-ADULT is judged on this date; default: the referral date'),
        reportNumber: text({ max: 40 }).optional(),
        narrative: text({ max: 2000 }).optional().describe("What happened, in the officer's words (referral record)"),
      }),
      offenses: z
        .array(
          z.strictObject({
            code: z.enum(offenses).describe('R-EL-OFFENSE'),
            level: z
              .enum(OFFENSE_LEVELS)
              .optional()
              .describe('Defaults to the level the offense is usually charged at'),
            drug: z
              .strictObject({
                substance: z.enum(DRUG_SUBSTANCES),
                grams: z.number().min(0).max(100_000),
                activity: z.enum(DRUG_ACTIVITIES),
              })
              .optional()
              .describe('Required for VUCSA offenses (R-EX-DRUG-AMOUNT, R-EX-PROFIT)'),
          }),
        )
        .min(1, 'at least one offense is required (R-EL-OFFENSE)')
        .max(10),
      history: z
        .strictObject({
          convictions: z
            .array(
              z.strictObject({
                code: z.enum(CONVICTION_CODES).describe('R-EX-HISTORY-*: an excluding offense, or OTHER'),
                date: z.iso.date(),
                attempted: z.boolean().default(false),
              }),
            )
            .max(200),
        })
        .default({ convictions: [] }),
      protectiveOrders: protectiveOrdersSchema,
      warrants: z
        .array(z.strictObject({ kind: z.enum(WARRANT_KINDS) }))
        .max(20)
        .default([])
        .describe('R-EL-WARRANT'),
      docViolation: z.boolean().default(false).describe('R-EL-WARRANT: a DOC violation'),
      judgments: z
        .strictObject({
          amenable: z.boolean().describe('R-EX-AMENABLE'),
          dealingForProfit: z.boolean().describe('R-EX-PROFIT'),
          exploitsOthers: z.boolean().describe('R-EX-EXPLOIT'),
          promotingProstitution: z.boolean().describe('R-EX-PROMOTING'),
          safetyConcern: z.boolean().describe('R-EX-SAFETY'),
        })
        .describe("The officer's judgments (the officer decides; eligibility is advice, R-EL-NORIGHT)"),
      circumstances: z.discriminatedUnion(
        'ableToConsent',
        [
          z.strictObject({
            needsImmediateMedicalCare: z.boolean().describe('R-EL-MEDICAL'),
            ableToConsent: z.literal(true).describe('R-EL-CONSENT-LATER'),
            unableToConsentBecause: z.enum(CONSENT_LATER_REASONS).optional(),
          }),
          z.strictObject({
            needsImmediateMedicalCare: z.boolean().describe('R-EL-MEDICAL'),
            ableToConsent: z.literal(false).describe('R-EL-CONSENT-LATER'),
            unableToConsentBecause: z
              .enum(CONSENT_LATER_REASONS, {
                error: (issue) =>
                  issue.input === undefined
                    ? 'say why the person cannot give informed consent now (R-EL-CONSENT-LATER)'
                    : undefined,
              })
              .describe('R-EL-CONSENT-LATER: why the person cannot consent now (required when ableToConsent is false)'),
          }),
        ],
        { error: 'true or false (R-EL-CONSENT-LATER)' },
      ),
      victim: z
        .strictObject({
          identifiable: z.boolean().describe('R-VICTIM: an identifiable victim opens a one-week objection window'),
          consulted: z.boolean().optional().describe('R-EL-VICTIM: the officer consulted the victim'),
          consultation: z
            .discriminatedUnion(
              'outcome',
              [
                z.strictObject({
                  outcome: z.literal('CONSULTED'),
                  by: text({ max: 200, missing: 'name who consulted the victim (R-EL-VICTIM)' }).describe(
                    'Who consulted the victim (R-EL-VICTIM: required)',
                  ),
                }),
                ...VICTIM_CONSULTATIONS.filter((o) => o !== 'CONSULTED').map((outcome) =>
                  z.strictObject({
                    outcome: z.literal(outcome),
                    by: text({ max: 200 }).optional().describe('Who tried to consult the victim'),
                  }),
                ),
              ],
              { error: `one of ${VICTIM_CONSULTATIONS.join(', ')} (R-EL-VICTIM)` },
            )
            .optional()
            .describe(
              'R-EL-VICTIM (Decision 2026-12-02): consulted (by whom), not reachable, or a standing agreement with the business',
            ),
          informationSheetGiven: z.boolean().optional().describe('R-VICTIM: the victim received the information sheet'),
        })
        .optional(),
      overrideRequest: z
        .strictObject({
          reason: text({ min: 3, max: 500 }),
        })
        .optional()
        .describe('R-EL-OVERRIDE: the person is ineligible and booked; ask the sergeant to override'),
      perceivedRace: z
        .array(z.enum(config.evaluation.raceEthnicityCategories as [string, ...string[]]))
        .min(1)
        .max(config.evaluation.raceEthnicityCategories.length)
        .optional()
        .describe("R-EVAL: the officer's perception of the person's race/ethnicity, where the agency records it"),
      referredAt: referredAtSchema,
    })
    .superRefine((body, ctx) => {
      if (body.perceivedRace && !config.agencies[body.agency]?.recordsPerceivedRace)
        ctx.addIssue({
          code: 'custom',
          path: ['perceivedRace'],
          message: `${body.agency} does not record perceived race/ethnicity (R-EVAL)`,
        });
      body.offenses.forEach((offense, i) => {
        if (config.offenses[offense.code]?.drugOffense && !offense.drug) {
          ctx.addIssue({
            code: 'custom',
            path: ['offenses', i, 'drug'],
            message: `${offense.code} needs the substance, amount and activity (R-EX-DRUG-AMOUNT)`,
          });
        }
      });
      // R-EX-HISTORY: a conviction cannot postdate the referral it is weighed against.
      const referralDate = localDate(body.referredAt ? new Date(body.referredAt) : new Date(), config.program.timezone);
      body.history.convictions.forEach((conviction, i) => {
        if (conviction.date > referralDate) {
          ctx.addIssue({
            code: 'custom',
            path: ['history', 'convictions', i, 'date'],
            message: `the conviction date ${conviction.date} is after the referral date ${referralDate} (R-EX-HISTORY)`,
          });
        }
      });
    });
}

export type ArrestDiversionSubmission = z.infer<ReturnType<typeof arrestDiversionSchema>>;
