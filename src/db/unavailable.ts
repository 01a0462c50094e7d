/**
 * Whether an error means the database could not be reached or dropped the connection (restarting,
 * shutting down, network): nothing was recorded, and the same request may be sent again.
 * PostgreSQL reports these as SQLSTATE class 08 (connection exception) and 57P01–57P03 (shut down by
 * the administrator, crashed, cannot connect now); Prisma wraps them in P2039 with the original code.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as {
    name?: string;
    message?: string;
    code?: string;
    meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } };
  };
  const cause = e?.meta?.driverAdapterError?.cause;
  if (cause?.originalCode && /^(08...|57P0[123])$/.test(cause.originalCode)) return true;
  if (cause?.kind === 'DatabaseNotReachable' || cause?.kind === 'ConnectionClosed') return true;
  const text = `${e?.name ?? ''} ${e?.message ?? ''} ${e?.code ?? ''}`;
  return /ECONNREFUSED|ECONNRESET|P1001|P1017|DatabaseNotReachable|connection terminated|Can't reach database|terminating connection due to administrator command|the database system is (shutting down|starting up|in recovery mode)/i.test(
    text,
  );
}
