/**
 * gRPC backs off up to two minutes between reconnection attempts; after a Temporal outage the API
 * would keep answering 503 long after the server is back. Five seconds is plenty gentle.
 */
export const RECONNECT_QUICKLY = { 'grpc.max_reconnect_backoff_ms': 5_000, 'grpc.initial_reconnect_backoff_ms': 500 };
