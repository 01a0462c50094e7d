import { ApplicationFailure } from '@temporalio/common';
import { CASE_ACTION_REJECTED } from '../src/shared/case-action-rejection';
import type { Refusal } from '../src/case/rejections';

/**
 * The one place a refusal by the case domain becomes a failure: what was accepted passes through; a
 * refusal leaves the workflow as the update's non-retryable CaseActionRejected failure whose details the
 * API reads (400 or 409).
 */
export function acceptedOrFail<T extends { ok: true }>(result: T | Refusal): T {
  if (result.ok) return result;
  throw ApplicationFailure.create({
    type: CASE_ACTION_REJECTED,
    message: result.rejection.message,
    details: [result.rejection],
    nonRetryable: true,
  });
}
