import {
  TestWorkflowEnvironment,
  type LocalTestWorkflowEnvironmentOptions,
  type TimeSkippingTestWorkflowEnvironmentOptions,
} from '@temporalio/testing';

/**
 * Starts one of Temporal's ephemeral servers for a test file. The SDK gives a server 5 seconds to
 * accept connections, then kills it: on a loaded 2-core machine the test server's JVM has been seen
 * to need longer. A start that timed out is tried again (three times at most); any other failure is
 * the test's to report.
 */
export async function startEphemeralTemporal(
  options:
    | ({ kind: 'time-skipping' } & TimeSkippingTestWorkflowEnvironmentOptions)
    | ({ kind: 'dev' } & LocalTestWorkflowEnvironmentOptions),
): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return options.kind === 'dev'
        ? await TestWorkflowEnvironment.createLocal(options)
        : await TestWorkflowEnvironment.createTimeSkipping(options);
    } catch (err) {
      if (attempt >= 3 || !/did not start within/.test(String(err))) throw err;
    }
  }
}
