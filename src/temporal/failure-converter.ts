import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failure messages and stack traces go into Temporal's history as an encoded payload — encrypted by the
 * payload codec like every other payload — instead of plain text: an error can quote what it failed on.
 * Loaded by path (DataConverter.failureConverterPath) by clients, workers and the workflow bundle alike.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
