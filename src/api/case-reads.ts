import type { RaceEthnicityAnswer } from '../evaluation/demographics';
import type { Request } from 'express';
import { caseRecordsOf } from '../db/queries/case-records';
import { readableCase, type CaseWithPerson, type ReadableCase } from '../db/queries/cases';
import type { Database } from '../db/queries/database';
import { discloseCase, releaseOf, type CaseFacts, type DisclosureEntry, type ReaderIdentity } from '../disclosure';
import type { CaseView } from '../case/query-views';
import { CaseNotRunningError, type CaseWorkflows } from '../temporal/case-workflows';
import { caseFromDatabase } from './case-from-database';
import { withRecordedHistory } from './recorded-history';
import { HttpError } from './http-error';

export interface CaseReadDeps {
  db: Database;
  cases: CaseWorkflows;
}

const caseNotFound = (caseId: string) => new HttpError(404, 'CASE_NOT_FOUND', `No case ${caseId}`);

/**
 * The case's referral row, if the reader stands in a relation to it (R-ROI); otherwise 404 — exactly
 * as for an unknown id, so ids cannot be probed.
 */
export async function referralFor(db: Database, reader: ReaderIdentity, caseId: string): Promise<ReadableCase> {
  const referral = await readableCase(db, reader, caseId);
  if (!referral) throw caseNotFound(caseId);
  return referral;
}
export type ReadableReferral = ReadableCase;

/**
 * The case in one shape, open or closed: as its workflow answers with its recorded history, or rebuilt
 * from the database once the workflow is closed.
 */
export async function viewOfCase(deps: CaseReadDeps, caseId: string): Promise<CaseView> {
  const live = await deps.cases.view(caseId).catch((err) => {
    if (err instanceof CaseNotRunningError) return undefined;
    throw err;
  });
  return live ? withRecordedHistory(deps.db, live) : caseFromDatabase(deps.db, caseId);
}

/** Everything the disclosure policy decides on: the case, its parties and its release of information. */
export async function factsOf(db: Database, referral: CaseWithPerson, view: CaseView): Promise<CaseFacts> {
  const { release: stored, demographics: reported, milestones: reached } = await caseRecordsOf(db, referral);
  const demographics = reported && {
    raceEthnicity: { answer: reported.raceEthnicityAnswer as RaceEthnicityAnswer, categories: reported.raceEthnicity },
    gender: reported.gender,
    preferredLanguage: reported.preferredLanguage,
    housingAtReferral: reported.housingAtReferral,
    recordedAt: reported.recordedAt.toISOString(),
    recordedBy: reported.recordedById,
  };
  const milestones = reached.map((m) => ({
    milestone: m.milestone,
    reachedOn: m.reachedOn.toISOString().slice(0, 10),
  }));
  return { view, referral, release: releaseOf(referral.id, view.consent, stored), demographics, milestones };
}

/**
 * The program status of a case just submitted, as its submitter may see it — what the form shows after
 * "Submit" (the officer typed the referral record; nothing else is disclosed here). A case this request
 * opened is shown as its start input makes it (`opened`): nothing can be recorded of it yet that this view
 * would show (a release needs consent, demographics and milestones an intake), so its records are not read.
 */
export async function submittedCaseStatus(
  db: Database,
  reader: ReaderIdentity,
  caseId: string,
  seen: { opened: CaseView } | { view: CaseView | undefined },
) {
  const view = 'opened' in seen ? seen.opened : seen.view;
  if (!view) return null;
  const referral = await readableCase(db, reader, caseId);
  if (!referral) return null;
  const facts: CaseFacts =
    'opened' in seen
      ? { view, referral, release: releaseOf(referral.id, view.consent, null), demographics: null, milestones: [] }
      : await factsOf(db, referral, view);
  return discloseCase(reader, facts)?.body.case ?? null;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** R-DISCLOSE: what this request showed, written with its audit row before the response leaves. */
    disclosures?: DisclosureEntry[];
  }
}

export function recordDisclosure(req: Request, entry: DisclosureEntry | undefined): void {
  if (entry) (req.disclosures ??= []).push(entry);
}

/** Answers with what the policy lets this reader see; a case they may not see is 404. */
export function disclosedOr404<T>(
  req: Request,
  caseId: string,
  disclosed: { body: T; entry?: DisclosureEntry } | undefined,
): T {
  if (!disclosed) throw caseNotFound(caseId);
  recordDisclosure(req, disclosed.entry);
  return disclosed.body;
}
