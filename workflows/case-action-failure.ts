import { ApplicationFailure } from '@temporalio/common';
import { CASE_ACTION_REJECTED } from '../src/shared/case-action-rejection';
import { CaseRejection } from '../src/case/rejections';

/**
 * Runs a case action's validation or decision; a refusal by the case domain leaves the workflow as the
 * update's non-retryable CaseActionRejected failure whose details the API reads (400 or 409).
 */
export function refusedAsFailure<T>(decision: () => T): T {
  try {
    return decision();
  } catch (err) {
    if (!(err instanceof CaseRejection)) throw err;
    throw ApplicationFailure.create({
      type: CASE_ACTION_REJECTED,
      message: err.rejection.message,
      details: [err.rejection],
      nonRetryable: true,
    });
  }
}
