import ms, { type StringValue } from 'ms';
import { z } from 'zod';
import { OFFENSE_LEVELS } from '../shared/case-vocabulary';

/** A duration written the way people write them ("12 hours", "30d"), read as milliseconds. */
const duration = z.string().transform((text, ctx) => {
  const value = ms(text as StringValue);
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration such as "12 hours" or "30 days"` });
    return z.NEVER;
  }
  return value;
});

/** R-EVAL: the default race/ethnicity categories; the first is the reference of relative rate indices. */
export const RACE_ETHNICITY_CATEGORIES = [
  'WHITE',
  'BLACK',
  'HISPANIC_LATINO',
  'ASIAN',
  'AMERICAN_INDIAN_ALASKA_NATIVE',
  'NATIVE_HAWAIIAN_PACIFIC_ISLANDER',
  'MIDDLE_EASTERN_NORTH_AFRICAN',
  'OTHER',
] as const;

const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'codes are UPPER_SNAKE_CASE');
const email = z.email();

export const configSchema = z
  .strictObject({
    /** R-EVAL: counts under this many people are suppressed on the evaluation page and in exports. */
    evaluation: z
      .strictObject({
        minimumCell: z.number().int().min(1).max(100).default(11),
        /** How long the sergeants have to confirm a follow-up's outcomes before it is stuck. */
        followUpConfirmWithin: duration.default(30 * 86_400_000),
        /** The race/ethnicity categories forms offer (self-reported, and perceived where recorded); `WHITE`-like reference first. */
        raceEthnicityCategories: z
          .array(code)
          .min(2)
          .default([...RACE_ETHNICITY_CATEGORIES]),
      })
      .default({
        minimumCell: 11,
        followUpConfirmWithin: 30 * 86_400_000,
        raceEthnicityCategories: [...RACE_ETHNICITY_CATEGORIES],
      }),
    program: z.strictObject({
      name: z.string().min(1),
      /** Base address of the service, used in notice links. */
      publicUrl: z.url(),
      /** Short prefix of case ids. */
      caseIdPrefix: z
        .string()
        .regex(/^[A-Z]{2,4}$/)
        .default('LEAD'),
      /** The program's local time zone: "the referral date" and other plain dates are local dates. */
      timezone: z
        .string()
        .refine((tz) => {
          try {
            new Intl.DateTimeFormat('en-US', { timeZone: tz });
            return true;
          } catch {
            return false;
          }
        }, 'not an IANA time zone such as America/Los_Angeles')
        .default('America/Los_Angeles'),
    }),
    durations: z.strictObject({
      sceneWindow: duration.describe('R-SCENE'),
      screeningOverdueAfter: duration.describe('R-SCREEN (Decision)'),
      intakeDeadline: duration.describe('R-INTAKE'),
      victimObjectionWindow: duration.describe('R-VICTIM'),
      missedNoticeConfirmWithin: duration.describe('R-MISSED (Decision)'),
      maxReferralBackdate: duration.describe('how old a referral sent later (offline form) may be'),
      approvalOverdueAfter: duration.describe('R-SC-APPROVAL (Decision)'),
      overrideOverdueAfter: duration
        .default(ms('24 hours'))
        .describe('R-EL-OVERRIDE (Decision): an override request unreviewed this long is stuck'),
      nciDecisionOverdueAfter: duration
        .default(ms('24 hours'))
        .describe('R-EL-WARRANT (Decision): a DOC NCI referral undecided this long is stuck'),
      victimFilingDecision: duration
        .default(ms('14 days'))
        .describe(
          "R-VICTIM (Decision 2026-12-02): an office's filing decision after an objection is due this long after it",
        ),
    }),
    continueAsNewAfterEvents: z.number().int().min(10).default(500),
    /**
     * R-EL-OFFENSE: the offense catalogue — every offense an officer may enter, each with the level it is
     * usually charged at and whether LEAD diverts it. A known offense that is not eligible is an
     * eligibility reason (open to an override after booking); only a code not listed here is refused.
     */
    offenses: z.record(
      code,
      z.strictObject({
        label: z.string().min(1),
        defaultLevel: z.enum(OFFENSE_LEVELS),
        /**
         * R-EL-OFFENSE (Decision 2026-12-02): the levels the offense may be charged at and still be this
         * entry (default: its usual level only); charged at another, it is not eligible.
         */
        levels: z.array(z.enum(OFFENSE_LEVELS)).min(1).optional(),
        eligible: z.boolean().default(true),
        victimOffense: z.boolean().default(false),
        /** VUCSA offenses: drug substance, amount and activity are required (R-EX-DRUG-AMOUNT, R-EX-PROFIT). */
        drugOffense: z.boolean().default(false),
      }),
    ),
    agencies: z.record(
      code,
      z.strictObject({
        name: z.string().min(1),
        sergeantsEmail: email,
        /** R-EVAL: whether the agency's officers record their perception of a person's race/ethnicity. */
        recordsPerceivedRace: z.boolean().default(false),
        /** R-EL-WARRANT: the DOC, whose officer specialists make the NCI team's decision themselves. */
        docNciTeam: z.boolean().default(false),
      }),
    ),
    /** R-JURISDICTION: prosecutor offices. */
    offices: z.record(code, z.strictObject({ name: z.string().min(1), email })),
    /** R-JURISDICTION: first matching rule wins; an omitted criterion matches anything. */
    prosecutorRouting: z
      .array(
        z.strictObject({
          levels: z.array(z.enum(OFFENSE_LEVELS)).min(1).optional(),
          agencies: z.array(code).min(1).optional(),
          withinCityLimits: z.boolean().optional(),
          office: code,
        }),
      )
      .min(1),
    socialContact: z.strictObject({
      approvalValidMonths: z.number().int().min(1).max(24).describe('R-SC-REASSESS'),
      violationWindowMonths: z.number().int().min(1).max(120).describe('R-SC-PREREQ'),
      /** R-SC-PREREQ: the LEAD catchment area, as named areas. */
      catchmentAreas: z.record(code, z.string().min(1)),
    }),
    /** R-SC-CAPACITY: one case manager FTE per 25 active participants. */
    capacity: z.strictObject({
      caseManagerFte: z.number().min(0).max(1000),
      participantsPerFte: z.number().int().min(1).default(25),
    }),
    contacts: z.strictObject({
      caseManagementOnCall: email,
      projectManager: email,
      /** R-EL-WARRANT: the DOC NCI team, who decide on referrals with a DOC warrant or violation. */
      docNciTeam: email,
    }),
    mail: z.strictObject({ from: z.string().min(3) }),
  })
  .superRefine((config, ctx) => {
    config.prosecutorRouting.forEach((rule, i) => {
      if (!config.offices[rule.office]) {
        ctx.addIssue({
          code: 'custom',
          path: ['prosecutorRouting', i, 'office'],
          message: `unknown office ${rule.office}; configured: ${Object.keys(config.offices).join(', ')}`,
        });
      }
      (rule.agencies ?? []).forEach((agency, j) => {
        if (!config.agencies[agency]) {
          ctx.addIssue({
            code: 'custom',
            path: ['prosecutorRouting', i, 'agencies', j],
            message: `unknown agency ${agency}; configured: ${Object.keys(config.agencies).join(', ')}`,
          });
        }
      });
    });
  });

export type LeadConfig = z.output<typeof configSchema>;
