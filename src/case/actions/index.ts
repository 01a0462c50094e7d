import type { z } from 'zod';
import type { CaseActionDeclaration } from './declaration';
import type { actorSchema } from './input-kit';
import { amendRelease } from './amend-release';
import { decideApproval } from './decide-approval';
import { decideNciReferral } from './decide-nci-referral';
import { decideOverride } from './decide-override';
import { decideReassessment } from './decide-reassessment';
import { extendIntakeDeadline } from './extend-intake-deadline';
import { recordCaseNote } from './record-case-note';
import { recordConsent } from './record-consent';
import { recordContact } from './record-contact';
import { recordExit } from './record-exit';
import { recordFilingDecision } from './record-filing-decision';
import { recordIipGoals } from './record-iip-goals';
import { recordIntake } from './record-intake';
import { recordLeftBeforeScreening } from './record-left-before-screening';
import { recordPacketReview } from './record-packet-review';
import { recordScreenedOut } from './record-screened-out';
import { recordScreening } from './record-screening';
import { recordService } from './record-service';
import { recordVictimObjection } from './record-victim-objection';
import { reinstateService } from './reinstate-service';
import { reportReturnToScene } from './report-return-to-scene';
import { rescindConsent } from './rescind-consent';
import { scheduleIntake } from './schedule-intake';
import { withdrawService } from './withdraw-service';

/**
 * Every case action, one declaration each (one file per action, named after it): its path, who may take
 * it, its rules, its input and how the page offers it — in the order the page shows them. Adding an
 * action is its declaration (a file here, listed below) plus its decider in src/case/: the compiler
 * refuses either without the other (`Deciders<CaseActionName>` in src/case/decisions.ts), and
 * test/unit/case-action-registry.test.ts refuses a file that is not listed.
 */
export const CASE_ACTIONS = {
  recordScreening,
  recordLeftBeforeScreening,
  recordScreenedOut,
  recordConsent,
  amendRelease,
  scheduleIntake,
  recordIntake,
  recordIipGoals,
  recordService,
  withdrawService,
  reinstateService,
  recordCaseNote,
  rescindConsent,
  recordExit,
  recordContact,
  reportReturnToScene,
  extendIntakeDeadline,
  decideNciReferral,
  decideOverride,
  decideApproval,
  decideReassessment,
  recordVictimObjection,
  recordFilingDecision,
  recordPacketReview,
} as const satisfies Record<string, CaseActionDeclaration>;

export type CaseActionName = keyof typeof CASE_ACTIONS;
export const CASE_ACTION_NAMES = Object.keys(CASE_ACTIONS) as CaseActionName[];

export type CaseActionInput<A extends CaseActionName> = z.infer<ReturnType<(typeof CASE_ACTIONS)[A]['input']>>;

/** The argument of every case-action update: who acts, on which case, and the action's validated input. */
export interface CaseActionArgs<A extends CaseActionName = CaseActionName> {
  /**
   * The case acted on. The workflow knows its own id; the argument names it so that every payload of a
   * case identifies its case — the codec server records what it decodes as a disclosure (R-DISCLOSE).
   */
  caseId?: string;
  actor: z.infer<ReturnType<typeof actorSchema>>;
  input: CaseActionInput<A>;
  /** The API request behind the action: the event and the audit trail share it. */
  requestId?: string;
  /**
   * With an Idempotency-Key: the hash of the action as sent (its input), answered back by the update,
   * so that the key resent with another input is told apart from a retry (`ActionAccepted.bodyHash`).
   */
  bodyHash?: string;
}

export type { ActionField, ActionPresentation, CaseActionDeclaration, CaseReader } from './declaration';
export { CASE_ACTION_REJECTED, type CaseActionRejection, type RejectionCode } from '../../shared/case-action-rejection';
