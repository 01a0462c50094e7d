import type { Prisma, PrismaClient } from '../generated/prisma/client';

/** Who acts, as the audit trail and the accounting of disclosures record them. */
export interface DeclaredActor {
  id: string;
  role: string;
  office?: string;
  agency?: string;
}

/**
 * Declares the actor of the current transaction (`SET LOCAL`, so a pooled connection forgets it at
 * commit). The triggers of "AuditEntry" and "Disclosure" write the rows in this actor's name and at the
 * transaction's time, whatever the INSERT says (migration `unforgeable_records`); no actor declared
 * means an anonymous audit row, and no disclosure at all (R-DISCLOSE). Put it first in the transaction.
 */
export function declareActor(db: PrismaClient | Prisma.TransactionClient, actor: DeclaredActor | undefined) {
  return db.$executeRaw`SELECT set_config('lead.actor_id', ${actor?.id ?? ''}, true),
    set_config('lead.actor_role', ${actor?.role ?? ''}, true),
    set_config('lead.actor_office', ${actor?.office ?? ''}, true),
    set_config('lead.actor_agency', ${actor?.agency ?? ''}, true)`;
}
