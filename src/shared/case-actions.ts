import { z } from 'zod';
import { releaseCoverage, releaseOf } from './release-schema';
import { text } from './text-schema';
import {
  EXIT_REASONS,
  FILING_DECISIONS,
  ASSESSMENT_DOMAINS,
  IIP_GOALS,
  NEED_LEVELS,
  PACKET_REVIEW_OUTCOMES,
  SCREENED_OUT_REASONS,
  WITHDRAWAL_REASONS,
} from './case-vocabulary';
import { ROLES } from './roles';
import type { CaseActionName } from './case-action-names';

/**
 * Case actions: one zod schema per action is the single source of truth for the HTTP body, the
 * Temporal update argument (validated again inside the workflow) and the API documentation.
 */

const isoInstant = z.iso.datetime({ offset: true });
const note = text({ max: 2000 });

export const actorSchema = z.strictObject({
  id: text({ max: 100 }),
  role: z.enum([...ROLES, 'system']),
  /** Set by the API from the sign-in, never by the caller's body (R-JURISDICTION). */
  office: text({ max: 50 }).optional(),
  agency: text({ max: 50 }).optional(),
});

export const caseActionSchemas = {
  recordScreening: z
    .strictObject({
      intakeScheduledFor: isoInstant
        .optional()
        .describe('When the in-depth intake is booked (R-INTAKE: best 24–48 h after screening, before the deadline)'),
    })
    .describe('R-SCREEN: the initial screening was done'),
  recordLeftBeforeScreening: z
    .strictObject({
      note: note.optional(),
    })
    .describe('R-SCREEN: the person left before the initial screening was done'),
  recordScreenedOut: z
    .strictObject({
      reason: z.enum(SCREENED_OUT_REASONS).describe('Why the person is not appropriate for LEAD (a category)'),
      note: note.optional(),
    })
    .describe(
      'R-SCREEN (Decision 2026-12-02): the screening found the person not appropriate; the sergeant and the prosecutors are told',
    ),
  recordConsent: releaseOf({
    covers: releaseCoverage
      .optional()
      .describe('What the release covers besides case management (default: nothing else)'),
  }).describe('R-CONSENT: release of information given (again, after a rescission before enrollment)'),
  rescindConsent: z
    .strictObject({
      note: note.optional(),
    })
    .describe('R-CONSENT: consent rescinded (after enrollment this is an exit, R-EXIT)'),
  amendRelease: releaseOf({
    covers: releaseCoverage.describe('What the amended release covers, in full (it replaces the version in force)'),
    note: note.optional(),
  }).describe(
    'R-CONSENT (Decision 2026-12-02): amend the release in force — a provider added or removed, coverage widened or narrowed; a new version, never an exit',
  ),
  scheduleIntake: z
    .strictObject({
      intakeScheduledFor: isoInstant.describe('When the in-depth intake is booked (before the intake deadline)'),
    })
    .describe('R-INTAKE (Decision 2026-12-02): book or move the intake appointment at any time before intake'),
  recordIntake: z
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
  extendIntakeDeadline: z
    .strictObject({
      newDueAt: isoInstant.describe('The new intake deadline; must be later than the current one'),
      reason: text({ min: 3, max: 500 }).describe('Why the deadline is extended (R-INTAKE)'),
    })
    .describe('R-INTAKE: the referring officer or sergeant extends the intake deadline'),
  reportReturnToScene: z
    .strictObject({
      observedAt: isoInstant.optional().describe('When the person was seen back at the scene (default: now)'),
    })
    .describe('R-SCENE: the person returned to the scene of the arrest'),
  recordVictimObjection: z
    .strictObject({
      note: note.optional(),
    })
    .describe('R-VICTIM: the victim objected to the diversion'),
  recordFilingDecision: z
    .strictObject({
      decision: z.enum(FILING_DECISIONS),
      reason: note
        .optional()
        .describe('Why — required for a decision outside R-SCREEN, R-MISSED and R-VICTIM (R-PACKET)'),
      confirmOutsideProtocol: z
        .boolean()
        .optional()
        .describe('true to decide outside R-SCREEN, R-MISSED and R-VICTIM (R-PACKET, Decision 2026-12-02)'),
    })
    .describe("R-JURISDICTION: the signed-in prosecutor's office records whether it files its charges"),
  recordPacketReview: z
    .strictObject({
      outcome: z.enum(PACKET_REVIEW_OUTCOMES),
      criterion: text({ max: 200 })
        .optional()
        .describe('The criterion the referral does not meet (required for DOES_NOT_MEET_CRITERIA)'),
      note: note.optional(),
    })
    .describe("R-PACKET (Decision 2026-12-02): the office's review of the diversion packet"),
  recordExit: z
    .strictObject({
      reason: z.enum(EXIT_REASONS),
      note: note.optional(),
    })
    .describe('R-EXIT: an enrolled participant leaves LEAD'),
  recordIipGoals: z
    .strictObject({
      goals: z.array(z.enum(IIP_GOALS)).min(1, 'choose at least one goal (R-IIP)').max(IIP_GOALS.length),
    })
    .describe(
      'R-IIP: the goals the participant chose for their Individual Intervention Plan (abstinence is never a condition)',
    ),
  withdrawService: z
    .strictObject({
      service: text({ min: 2, max: 100 }).describe('The specific service withdrawn'),
      reasonCode: z
        .enum(WITHDRAWAL_REASONS)
        .describe('Why: lack of progress with this service (never a condition such as abstinence)'),
      note: note.optional(),
    })
    .describe(
      'R-SERVICE-WITHDRAW: a specific service is withdrawn for lack of progress — not an exit; the person stays enrolled',
    ),
  reinstateService: z
    .strictObject({
      service: text({ min: 2, max: 100 }).describe('The withdrawn service, as it was named when withdrawn'),
      note: note.optional(),
    })
    .describe('R-SERVICE-WITHDRAW: a withdrawn service is offered again'),
  recordService: z
    .strictObject({
      service: text({ min: 2, max: 100 }).describe('The service delivered'),
      provider: text({ min: 2, max: 200 })
        .optional()
        .describe('The treatment provider consulted; the release of information must cover it (R-CONSENT)'),
      note: note.optional(),
    })
    .describe('R-IIP: a service delivered to the participant'),
  recordCaseNote: z
    .strictObject({
      note,
    })
    .describe("R-ROI: a case manager's note (case-management record: never shown to partners)"),
  decideOverride: z
    .strictObject({
      decision: z.enum(['APPROVE', 'DENY']),
      reason: text({ min: 3, max: 500 }).describe('Why (recorded in the case history)'),
    })
    .describe('R-EL-OVERRIDE: the sergeant approves or denies diverting an ineligible, booked person'),
  decideNciReferral: z
    .strictObject({
      decision: z
        .enum(['REFER', 'DECLINE'])
        .describe(
          'REFER: the diversion proceeds and its clocks start now; DECLINE: the person is booked, the case closes',
        ),
      reason: text({ min: 3, max: 500 }).optional(),
      onWordOf: text({ min: 2, max: 200 })
        .optional()
        .describe('A sergeant recording the decision names the NCI officer who gave it'),
    })
    .describe(
      'R-EL-WARRANT: the DOC NCI team decides whether a person arrested on a DOC warrant or violation is referred to LEAD',
    ),
  decideApproval: z
    .discriminatedUnion(
      'decision',
      [
        z.strictObject({ decision: z.literal('APPROVE'), reason: text({ min: 3, max: 500 }).optional() }),
        z.strictObject({
          decision: z.literal('DENY'),
          reason: text({ min: 3, max: 500, missing: 'a denial must give its reason (R-SC-APPROVAL)' }).describe(
            'Why (R-SC-APPROVAL: required to deny)',
          ),
        }),
      ],
      { error: 'APPROVE or DENY (R-SC-APPROVAL)' },
    )
    .describe('R-SC-APPROVAL: a LEAD-trained sergeant approves or denies a social contact'),
  recordContact: z
    .strictObject({
      willing: z.boolean().describe('The person was found and is willing to meet case management'),
      note: note.optional(),
    })
    .describe('R-SC-CONTACT: the officer or outreach staff found (or tried to find) the person'),
  decideReassessment: z
    .strictObject({
      decision: z.enum(['RENEW', 'CLOSE']),
      reason: text({ min: 3, max: 500 }),
    })
    .describe('R-SC-REASSESS: renew the approval for another period, or close the referral'),
} as const;

export {
  CASE_ACTION_NAMES,
  CASE_ACTION_REJECTED,
  type CaseActionName,
  type CaseActionRejection,
  type RejectionCode,
} from './case-action-names';
// The schemas are exactly the named actions, no more and no fewer.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchNames: Same<keyof typeof caseActionSchemas, CaseActionName> = true;
void schemasMatchNames;
export type CaseActionInput<A extends CaseActionName> = z.infer<(typeof caseActionSchemas)[A]>;

/** The argument of every case-action update: who acts, on which case, and the action's validated input. */
export interface CaseActionArgs<A extends CaseActionName = CaseActionName> {
  /**
   * The case acted on. The workflow knows its own id; the argument names it so that every payload of a
   * case identifies its case — the codec server records what it decodes as a disclosure (R-DISCLOSE).
   */
  caseId?: string;
  actor: z.infer<typeof actorSchema>;
  input: CaseActionInput<A>;
  /** The API request behind the action: the event and the audit trail share it. */
  requestId?: string;
  /**
   * With an Idempotency-Key: the hash of the action as sent (its input), answered back by the update,
   * so that the key resent with another input is told apart from a retry (`ActionAccepted.bodyHash`).
   */
  bodyHash?: string;
}
