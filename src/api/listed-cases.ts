import type { Request } from 'express';
import type { LeadConfig } from '../config/config-schema';
import { discloseListedPerson, type DisclosureEntry, type ListedReferral, type ReaderIdentity } from '../disclosure';
import { recordDisclosure } from './case-reads';
import { caseRow, type CaseLinks } from './case-rows';

/**
 * A case in a list that names people (search, "My referrals", the prosecutor's inbox): its program
 * status row, and who it is about only for a reader of its referral record — each case so shown
 * recorded once per request in the accounting of disclosures (R-ROI, R-DISCLOSE), exactly as a read of
 * the case would be.
 */
export function listedCaseRow(
  req: Request,
  reader: ReaderIdentity,
  referral: ListedReferral,
  deps: { links: CaseLinks; config: LeadConfig },
) {
  const shown = discloseListedPerson(reader, referral, deps.config.offenses);
  recordOnce(req, shown?.entry);
  return {
    ...caseRow(referral, deps.links),
    person: shown?.body.person ?? null,
    offenses: shown?.body.offenses ?? null,
  };
}

/** One disclosure per case and kind per request, however many of its lists show the case. */
function recordOnce(req: Request, entry: DisclosureEntry | undefined): void {
  if (!entry) return;
  const same = (d: DisclosureEntry) => d.caseId === entry.caseId && d.kinds.join() === entry.kinds.join();
  if (req.disclosures?.some(same)) return;
  recordDisclosure(req, entry);
}
