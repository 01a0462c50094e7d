import { Connection } from '@temporalio/client';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';

/**
 * gRPC backs off up to two minutes between reconnection attempts; after a Temporal outage the API
 * would keep answering 503 long after the server is back. Five seconds is plenty gentle.
 */
export const RECONNECT_QUICKLY = { 'grpc.max_reconnect_backoff_ms': 5_000, 'grpc.initial_reconnect_backoff_ms': 500 };

/**
 * How every process reaches Temporal: address, namespace, TLS (server CA, client certificate for
 * mTLS) and API key, read by Temporal's own `@temporalio/envconfig` from the TEMPORAL_* variables or a
 * client configuration file (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE) — so a Temporal Cloud or mTLS
 * cluster needs no code change. `undefined` when no address is configured anywhere.
 */
export interface TemporalConnectionSettings {
  options: NativeConnectionOptions & { address: string };
  namespace: string;
}

export function temporalConnectionSettings(
  env: Record<string, string | undefined> = process.env,
): TemporalConnectionSettings | undefined {
  const given = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
  const { connectionOptions, namespace } = loadClientConnectConfig({ overrideEnvVars: given });
  if (!connectionOptions.address) return undefined;
  return { options: connectionOptions as TemporalConnectionSettings['options'], namespace: namespace ?? 'default' };
}

/** A client connection (API, schedules, search attributes). */
export function connectClient(settings: TemporalConnectionSettings): Promise<Connection> {
  const { address, tls, apiKey, metadata } = settings.options;
  return Connection.connect({ address, tls, apiKey, metadata, channelArgs: RECONNECT_QUICKLY });
}

/** A worker's connection. */
export function connectWorker(settings: TemporalConnectionSettings): Promise<NativeConnection> {
  return NativeConnection.connect(settings.options);
}
