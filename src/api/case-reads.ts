import type { RaceEthnicityAnswer } from '../evaluation/demographics';
import type { Request } from 'express';
import type { PrismaClient } from '../generated/prisma/client';
import {
  discloseCase,
  releaseOf,
  relationOf,
  type CaseFacts,
  type DisclosureEntry,
  type ReaderIdentity,
} from '../disclosure';
import { CASE_ID_PATTERN } from '../referrals/case-id';
import type { CaseView } from '../case/query-views';
import { CaseNotRunningError, type CaseWorkflows } from '../temporal/case-workflows';
import { caseFromDatabase } from './case-from-database';
import { withRecordedHistory } from './recorded-history';
import { HttpError } from './http-error';

export interface CaseReadDeps {
  db: PrismaClient;
  cases: CaseWorkflows;
}

const caseNotFound = (caseId: string) => new HttpError(404, 'CASE_NOT_FOUND', `No case ${caseId}`);

/**
 * The case's referral row, if the reader stands in a relation to it (R-ROI); otherwise 404 — exactly
 * as for an unknown id, so ids cannot be probed.
 */
export async function referralFor(db: PrismaClient, reader: ReaderIdentity, caseId: string) {
  const referral = CASE_ID_PATTERN.test(caseId)
    ? await db.referral.findUnique({ where: { id: caseId }, include: { person: true } })
    : null;
  if (!referral || relationOf(reader, referral) === 'NONE') throw caseNotFound(caseId);
  return referral;
}
export type ReadableReferral = Awaited<ReturnType<typeof referralFor>>;

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
export async function factsOf(db: PrismaClient, referral: ReadableReferral, view: CaseView): Promise<CaseFacts> {
  const stored = await db.releaseOfInformation.findFirst({
    where: { referralId: referral.id },
    orderBy: { givenAt: 'desc' },
  });
  const reported = await db.selfReportedDemographics.findFirst({
    where: { referralId: referral.id },
    orderBy: { id: 'desc' },
  });
  const demographics = reported && {
    raceEthnicity: { answer: reported.raceEthnicityAnswer as RaceEthnicityAnswer, categories: reported.raceEthnicity },
    gender: reported.gender,
    preferredLanguage: reported.preferredLanguage,
    housingAtReferral: reported.housingAtReferral,
    recordedAt: reported.recordedAt.toISOString(),
    recordedBy: reported.recordedById,
  };
  const milestones = (
    await db.iipMilestone.findMany({
      where: { referralId: referral.id },
      orderBy: [{ reachedOn: 'asc' }, { id: 'asc' }],
    })
  ).map((m) => ({ milestone: m.milestone, reachedOn: m.reachedOn.toISOString().slice(0, 10) }));
  return { view, referral, release: releaseOf(referral.id, view.consent, stored), demographics, milestones };
}

/**
 * The program status of a case just submitted, as its submitter may see it — what the form shows after
 * "Submit" (the officer typed the referral record; nothing else is disclosed here).
 */
export async function submittedCaseStatus(
  db: PrismaClient,
  reader: ReaderIdentity,
  caseId: string,
  view: CaseView | undefined,
) {
  if (!view) return null;
  const referral = await db.referral.findUnique({ where: { id: caseId }, include: { person: true } });
  if (!referral) return null;
  return discloseCase(reader, await factsOf(db, referral, view))?.body.case ?? null;
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
