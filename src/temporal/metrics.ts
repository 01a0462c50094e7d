import { Runtime } from '@temporalio/worker';

/**
 * Serves the Temporal SDK's worker metrics (task slots, latencies, workflow and activity counts) for
 * Prometheus at http://<host>:<port>/metrics, on loopback unless told otherwise (METRICS_HOST).
 * Installs the process's one Temporal Runtime, so it must run before any NativeConnection or Worker
 * is created.
 */
export function serveTemporalMetrics(port: number, host: string): string {
  const bindAddress = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress } } } });
  return bindAddress;
}
