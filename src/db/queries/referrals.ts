import type { Prisma } from '../../generated/prisma/client';
import { stage } from '../../process/stage-clock';
import type { ReferralType } from '../../shared/case-vocabulary';
import type { Database } from './database';
import { personIdFor, type PersonFacts } from './people';

/** Recording referrals: once per submission id, the person matched or created in the same transaction. */

/** The referral row of a submission id, if one was recorded. */
export async function referralBySubmission(db: Database, submissionId: string) {
  return (await db.referral.findUnique({ where: { submissionId } })) ?? undefined;
}

/** What every submission records, a referral or a booking: its id and hash, the person, who submitted it. */
export interface SubmittedRow {
  submissionId: string;
  submissionHash: string;
  person: PersonFacts;
  agency: string;
  officerId: string;
  submittedById: string;
}

/** A referral's row as the submission records it. */
export interface ReferralRow extends SubmittedRow {
  caseId: string;
  type: ReferralType;
  prosecutorOffice?: string;
  prosecutorOffices?: string[];
  routedToDocNci?: boolean;
  details: Prisma.InputJsonValue;
}

/** The person (matched or created) and the referral, in one transaction; the person's id. */
export function recordReferralRow(db: Database, r: ReferralRow): Promise<string> {
  return db.$transaction(async (tx) => {
    const personId = await stage('person_match', () => personIdFor(tx, r.person));
    await tx.referral.create({
      data: {
        id: r.caseId,
        submissionId: r.submissionId,
        submissionHash: r.submissionHash,
        type: r.type,
        personId,
        agency: r.agency,
        officerId: r.officerId,
        submittedById: r.submittedById,
        prosecutorOffice: r.prosecutorOffice,
        prosecutorOffices: r.prosecutorOffices ?? [],
        routedToDocNci: r.routedToDocNci ?? false,
        details: r.details,
      },
    });
    return personId;
  });
}

/** The input recorded with a referral, to start its workflow from. */
export function recordedWorkflowOf(db: Database, caseId: string) {
  return db.referral.findUniqueOrThrow({ where: { id: caseId }, select: { id: true, details: true } });
}

/** Referrals recorded over `olderThanMs` ago whose workflow was never started (at most 100). */
export function unstartedReferrals(db: Database, olderThanMs: number) {
  return db.referral.findMany({
    where: { workflowStartedAt: null, createdAt: { lt: new Date(Date.now() - olderThanMs) } },
    select: { id: true, details: true },
    take: 100,
  });
}

/** A value as the database's JSON keeps it: what JSON drops (undefined, functions) is gone before it is stored. */
export const storedJson = (value: object) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
