import { Runtime } from '@temporalio/worker';

/**
 * Serves the Temporal SDK's worker metrics (task slots, latencies, workflow and activity counts) for
 * Prometheus at http://<host>:<port>/metrics, on loopback unless told otherwise (METRICS_HOST).
 * Installs the process's one Temporal Runtime, so it must run before any NativeConnection or Worker
 * is created. `shutdownSignals`: the signals on which the Runtime shuts its workers down (the SDK's
 * default: SIGINT, SIGTERM…; none in `npm start`, which stops its worker itself, after its API).
 */
export function serveTemporalMetrics(port: number, host: string, shutdownSignals?: NodeJS.Signals[]): string {
  const bindAddress = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress } } }, shutdownSignals });
  return bindAddress;
}
