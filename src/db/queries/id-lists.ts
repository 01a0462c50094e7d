/**
 * PostgreSQL binds at most 32,767 values in one statement (Prisma P2029), so a read by a list of ids that
 * grows with the caseload — a month's report rows, the evaluation's cohort — is made in pieces of
 * `IDS_PER_STATEMENT`, each id once.
 */
export const IDS_PER_STATEMENT = 10_000;

export async function readByIds<T>(ids: readonly string[], read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const rows: T[] = [];
  for (let from = 0; from < unique.length; from += IDS_PER_STATEMENT)
    for (const row of await read(unique.slice(from, from + IDS_PER_STATEMENT))) rows.push(row);
  return rows;
}
