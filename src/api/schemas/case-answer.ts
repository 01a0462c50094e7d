import { z } from 'zod';
import { INFORMATION_KINDS } from '../../disclosure/policy';
import { ACTION_CATALOGUE } from '../../contract/case-action-catalogue';
import { EXIT_REASONS } from '../../shared/case-vocabulary';
import { actorSchema, isoDate, isoDateTime, referralTypeSchema, stageSchema } from './common';

const deadlineSchema = z.strictObject({
  ruleId: z.string(),
  name: z.string(),
  dueAt: isoDateTime,
  status: z.enum(['OPEN', 'MET', 'MISSED', 'ENDED', 'OVERDUE', 'CANCELLED']),
});

/** Program status (R-ROI): stage, deadlines, whether screened, enrolled or exited, notices sent. */
export const caseStatusSchema = z.strictObject({
  referralId: z.string(),
  type: referralTypeSchema,
  stage: stageSchema,
  outcome: z.string().optional(),
  enrolled: z.boolean(),
  referredAt: isoDateTime,
  agency: z.string(),
  prosecutorOffice: z.string().optional(),
  prosecutorOffices: z.array(z.string()),
  victimCrime: z.boolean(),
  victimObjectedAt: isoDateTime.optional(),
  nci: z
    .strictObject({
      dueAt: isoDateTime,
      decision: z.enum(['REFERRED', 'DECLINED']).optional(),
      decidedAt: isoDateTime.optional(),
      by: actorSchema.optional(),
      onWordOf: z.string().optional().describe('The NCI officer on whose word a sergeant recorded it'),
    })
    .optional()
    .describe("R-EL-WARRANT: the DOC NCI team's decision"),
  source: z.string().optional(),
  linkedFrom: z.string().optional(),
  handOff: z
    .strictObject({
      to: z.literal('SOCIAL_CONTACT'),
      at: isoDateTime,
      socialContactReferralId: z.string().optional().describe('The social contact that continues the case'),
    })
    .optional()
    .describe('R-VICTIM: the arrest diversion handed off to a linked social contact'),
  screenedAt: isoDateTime.optional(),
  intakeCompletedAt: isoDateTime.optional(),
  enrolledAt: isoDateTime.optional(),
  exitedAt: isoDateTime.optional(),
  capacity: z.enum(['NONE', 'WAITING', 'GRANTED', 'PARTICIPANT', 'RELEASED']).describe('R-SC-CAPACITY'),
  contactAttempts: z.number().int().optional(),
  reassessmentDue: z.boolean(),
  approvalValidUntil: isoDateTime.optional(),
  approval: z.strictObject({ decision: z.enum(['APPROVED', 'DENIED']), at: isoDateTime, by: actorSchema }).optional(),
  renewals: z.array(z.strictObject({ at: isoDateTime, by: actorSchema, validUntil: isoDateTime })),
  filingDecision: z
    .strictObject({ decision: z.enum(['FILED', 'DECLINED']), at: isoDateTime, by: actorSchema })
    .optional(),
  filingDecisions: z
    .array(
      z.strictObject({
        office: z.string(),
        decision: z.enum(['FILED', 'DECLINED']),
        at: isoDateTime,
        by: actorSchema,
        ruleId: z.string(),
      }),
    )
    .describe("R-JURISDICTION: each office's own filing decision"),
  filingDecisionsOwedBy: z.array(z.string()).describe('R-JURISDICTION: the offices that still owe a filing decision'),
  victimFilingDueAt: isoDateTime
    .optional()
    .describe("R-VICTIM: the offices' decisions after an objection are due by then"),
  packetReviews: z
    .array(
      z.strictObject({
        office: z.string(),
        outcome: z.enum(['MEETS_CRITERIA', 'DOES_NOT_MEET_CRITERIA']),
        at: isoDateTime,
        by: actorSchema,
      }),
    )
    .describe("R-PACKET: each office's review of the diversion packet"),
  override: z
    .strictObject({
      decision: z.enum(['APPROVED', 'DENIED']).optional(),
      decidedAt: isoDateTime.optional(),
      by: actorSchema.optional(),
    })
    .optional(),
  intakeExtensions: z.array(z.strictObject({ from: isoDateTime, to: isoDateTime, at: isoDateTime, by: actorSchema })),
  deadlines: z.array(deadlineSchema),
  nextDeadline: deadlineSchema.optional(),
  stuck: z.array(z.strictObject({ reason: z.string(), ruleId: z.string(), since: isoDateTime })),
  notices: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.string(),
      ruleId: z.string(),
      recipient: z.discriminatedUnion('role', [
        z.strictObject({ role: z.enum(['case_manager', 'project_manager', 'doc_nci']) }),
        z.strictObject({ role: z.literal('sergeant'), agency: z.string() }),
        z.strictObject({ role: z.literal('prosecutor'), office: z.string() }),
      ]),
      status: z.string(),
      sentAt: isoDateTime.optional(),
    }),
  ),
  events: z.array(
    z.strictObject({
      seq: z.number().int(),
      type: z.string(),
      ruleId: z.string(),
      at: isoDateTime,
      actor: actorSchema,
      requestId: z.string().optional(),
      data: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});

/** Who was referred (or booked): part of the referral record (R-ROI). */
export const personRecordSchema = z.strictObject({
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: isoDate,
  stateId: z.string().nullable(),
});

/** The referral record (R-ROI): who was referred, by whom, for what. */
export const referralRecordSchema = z.strictObject({
  type: z.string(),
  agency: z.string(),
  officerId: z.string(),
  linkedFrom: z.string().nullable(),
  person: personRecordSchema,
  details: z.record(z.string(), z.unknown()),
  override: z
    .strictObject({
      reason: z.string(),
      ruleIds: z.array(z.string()),
      decision: z.enum(['APPROVED', 'DENIED']).optional(),
      decisionReason: z.string().optional(),
    })
    .optional(),
});

const caseManagementRecordSchema = z.strictObject({
  level: z.literal('FULL'),
  demographics: z
    .strictObject({
      raceEthnicity: z.strictObject({
        answer: z.enum(['ANSWERED', 'DECLINED', 'NOT_ASKED']),
        categories: z.array(z.string()),
      }),
      gender: z.string().nullable(),
      preferredLanguage: z.string().nullable(),
      housingAtReferral: z.string().nullable(),
      recordedAt: isoDateTime,
      recordedBy: z.string(),
    })
    .nullable()
    .describe('R-EVAL: self-reported; null until recorded'),
  milestones: z
    .array(z.strictObject({ milestone: z.string(), reachedOn: isoDate }))
    .describe('R-EVAL, R-IIP: milestones reached'),
  release: z
    .strictObject({
      id: z.string(),
      inForce: z.boolean(),
      method: z.enum(['WRITTEN', 'VERBAL_MEMORIALIZED']).optional(),
      memorializedBy: z.string().optional(),
      coversStaffing: z.boolean(),
      providers: z.array(z.string()),
      givenAt: isoDateTime.optional(),
      givenBy: z.string().optional(),
      version: z.number().int().min(1).describe('R-CONSENT: the version in force (1 as given, one more per amendment)'),
      amendedAt: isoDateTime.optional(),
      amendedBy: z.string().optional(),
      rescindedAt: isoDateTime.optional(),
      rescindedBy: z.string().optional(),
    })
    .nullable(),
  intakeScheduledFor: isoDateTime.optional(),
  iip: z.strictObject({ goals: z.array(z.string()), at: isoDateTime, by: actorSchema }).optional(),
  servicesDelivered: z.array(
    z.strictObject({ service: z.string(), provider: z.string().optional(), at: isoDateTime, by: actorSchema }),
  ),
  servicesWithdrawn: z.array(
    z.strictObject({
      service: z.string(),
      reason: z.string(),
      note: z.string().optional(),
      at: isoDateTime,
      by: actorSchema,
      reinstatedAt: isoDateTime.optional(),
    }),
  ),
  exit: z.strictObject({ reason: z.enum(EXIT_REASONS), at: isoDateTime, by: actorSchema }).optional(),
});

/** What partners may read under a release (R-ROI): goal categories, a withdrawal, the category of an exit. */
const caseManagementSummarySchema = z.strictObject({
  level: z.literal('SUMMARY'),
  iipGoals: z.array(z.string()),
  serviceWithdrawn: z.boolean(),
  exitCategory: z.enum(EXIT_REASONS).nullable(),
});

const actionFieldSchema = z.strictObject({
  name: z.string(),
  label: z.string(),
  type: z.enum(['text', 'textarea', 'select', 'datetime', 'checkboxes', 'boolean', 'list']),
  options: z.array(z.array(z.string()).length(2).describe('[value, label]')).optional(),
  required: z.boolean().optional(),
  initial: z.union([z.string(), z.boolean()]).optional().describe('What the field starts with'),
});

/** An action the reader may take on the case now, with what the page needs to ask for it. */
export const offeredActionSchema = z.strictObject({
  name: z.enum(Object.keys(ACTION_CATALOGUE) as [string, ...string[]]),
  path: z.string().describe('POST /api/cases/{caseId}/<path>'),
  label: z.string(),
  fields: z.array(actionFieldSchema),
  danger: z.boolean(),
  consequence: z.union([z.string(), z.record(z.string(), z.string())]).optional(),
  ruleIds: z.array(z.string()).describe('The rules behind the action (the page shows them as its "why")'),
});

/** A case as one reader may see it (R-ROI, R-DISCLOSE): one shape whether its workflow is open or closed. */
export const caseAnswerSchema = z.strictObject({
  case: caseStatusSchema,
  referral: referralRecordSchema.nullable(),
  caseManagement: z.union([caseManagementRecordSchema, caseManagementSummarySchema]).nullable(),
  disclosure: z.strictObject({
    kinds: z.array(z.enum(INFORMATION_KINDS)),
    caseManagement: z.enum(['FULL', 'SUMMARY', 'NONE']),
    basis: z.string(),
  }),
  actions: z.array(offeredActionSchema),
});

/** R-PACKET: the diversion packet — the referral record for the office(s) with jurisdiction. */
export const packetSchema = z.strictObject({
  caseId: z.string(),
  type: referralTypeSchema,
  stage: stageSchema,
  referredAt: isoDateTime,
  agency: z.string(),
  prosecutorOffices: z.array(z.string()),
  deadlines: z.array(deadlineSchema),
  referral: referralRecordSchema,
});
