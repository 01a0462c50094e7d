import type { ConnectionOptions, ConnectionPlugin } from '@temporalio/client';
import {
  TestWorkflowEnvironment,
  type LocalTestWorkflowEnvironmentOptions,
  type TimeSkippingTestWorkflowEnvironmentOptions,
} from '@temporalio/testing';

/**
 * Starts one of Temporal's ephemeral servers for a test file. The SDK gives a server 5 seconds to
 * accept connections, then kills it: on a loaded 2-core machine the test server's JVM has been seen
 * to need longer (CI saw three starts in a row miss it while other work loaded both cores). A start
 * that timed out is tried again, up to six times, each after a pause that grows so the load can pass;
 * any other failure is the test's to report.
 */
const START_ATTEMPTS = 6;

export async function startEphemeralTemporal(
  options:
    | ({ kind: 'time-skipping' } & TimeSkippingTestWorkflowEnvironmentOptions)
    | ({ kind: 'dev' } & LocalTestWorkflowEnvironmentOptions),
): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return options.kind === 'dev'
        ? await TestWorkflowEnvironment.createLocal(options)
        : await TestWorkflowEnvironment.createTimeSkipping({
            ...options,
            plugins: [...(options.plugins ?? []), TEST_SERVER_KEEPALIVE],
          });
    } catch (err) {
      if (attempt >= START_ATTEMPTS || !/did not start within/.test(String(err))) throw err;
      await new Promise((resolve) => setTimeout(resolve, attempt * 2_000));
    }
  }
}

/**
 * The Java test server allows a client's keepalive ping once every 5 minutes (gRPC's default); the
 * client pings every 30 s, so a test file that runs for minutes is answered "too many pings" and its
 * connection is dropped under the calls in flight — seen as a workflow test that hung in CI. Its
 * client pings no more often than the server allows.
 */
const TEST_SERVER_KEEPALIVE: ConnectionPlugin = {
  name: 'lead-test-server-keepalive',
  configureConnection: (options: ConnectionOptions): ConnectionOptions => ({
    ...options,
    channelArgs: { ...options.channelArgs, 'grpc.keepalive_time_ms': 310_000 },
  }),
};
