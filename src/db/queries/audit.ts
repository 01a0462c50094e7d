import type { DisclosureEntry } from '../../disclosure';
import { declareActor, type DeclaredActor } from '../declared-actor';
import type { Database } from './database';

/** One request's row of the audit trail. */
export interface AuditRow {
  requestId: string;
  clientRequestId: string | null;
  action: string;
  caseId: string | null;
  method: string;
  path: string;
  status: number;
  outcome: string;
}

/**
 * A request's audit row and the disclosures it made (R-DISCLOSE), in one transaction under the declared
 * actor, whose id, role and time the triggers stamp on both (issue 22 item 9).
 */
export function writeAuditTrail(
  db: Database,
  actor: DeclaredActor | undefined,
  row: AuditRow,
  disclosures: { channel: string; entries: DisclosureEntry[] },
) {
  const audit = db.auditEntry.create({
    data: { ...row, actorId: actor?.id ?? null, actorRole: actor?.role ?? null },
  });
  const declared = declareActor(db, actor);
  if (!actor || disclosures.entries.length === 0) return db.$transaction([declared, audit]);
  return db.$transaction([
    declared,
    audit,
    db.disclosure.createMany({
      data: disclosures.entries.map((d) => ({
        requestId: row.requestId,
        actorId: actor.id,
        actorRole: actor.role,
        actorOffice: actor.office ?? null,
        actorAgency: actor.agency ?? null,
        personId: d.personId,
        caseId: d.caseId,
        kinds: d.kinds,
        basis: d.basis,
        releaseId: d.releaseId ?? null,
        channel: disclosures.channel,
      })),
    }),
  ]);
}

/** A request nobody signed in for, counted per minute, address, route and status (not audited one by one). */
export function countUnauthenticated(
  db: Database,
  r: { address: string; method: string; route: string; status: number },
) {
  return db.$executeRaw`
    INSERT INTO "UnauthenticatedRequestCount" ("minute", "address", "method", "route", "status", "count")
    VALUES (date_trunc('minute', now()), ${r.address}, ${r.method}, ${r.route}, ${r.status}, 1)
    ON CONFLICT ("minute", "address", "method", "route", "status")
    DO UPDATE SET "count" = "UnauthenticatedRequestCount"."count" + 1`;
}
