import { createHash } from 'node:crypto';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { ReferralRefused } from './referral-refused';
import type { ReferralType } from '../shared/case-vocabulary';
import { personIdFor } from './person-match';

/** JSON with sorted keys, so the same submission always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const submissionHashOf = (body: unknown) => createHash('sha256').update(canonical(body)).digest('hex');

export interface NewReferral {
  caseId: string;
  type: ReferralType;
  submissionId: string;
  submissionHash: string;
  person: { givenName: string; familyName: string; dateOfBirth: string; stateId?: string };
  agency: string;
  officerId: string;
  submittedById: string;
  prosecutorOffice?: string;
  prosecutorOffices?: string[];
  routedToDocNci?: boolean;
  details: Prisma.InputJsonValue;
}

/**
 * The referral row of an earlier submission with this id, or undefined; a reused submission id with
 * different content is refused.
 */
export async function existingSubmission(db: PrismaClient, submissionId: string, submissionHash: string) {
  const existing = await db.referral.findUnique({ where: { submissionId } });
  if (existing && existing.submissionHash !== submissionHash) {
    throw new ReferralRefused(
      'SUBMISSION_ID_REUSED',
      `submissionId ${submissionId} was already used for referral ${existing.id} with different content; a new referral needs a new submissionId`,
      {
        fields: [{ field: 'submissionId', message: 'already used for a different referral' }],
      },
    );
  }
  return existing ?? undefined;
}

/**
 * Records the person and the referral in one transaction, once per submission id: a concurrent copy
 * of the same submission loses the race on the unique key and answers with the winner's row.
 * Returns whether this call created it.
 */
export async function recordReferral(db: PrismaClient, r: NewReferral): Promise<boolean> {
  if (await existingSubmission(db, r.submissionId, r.submissionHash)) return false;
  try {
    await db.$transaction(async (tx) => {
      const personId = await personIdFor(tx, r.person);
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
    });
    return true;
  } catch (err) {
    if (
      err instanceof Prisma.PrismaClientKnownRequestError &&
      err.code === 'P2002' &&
      (await existingSubmission(db, r.submissionId, r.submissionHash))
    )
      return false;
    throw err;
  }
}

export async function markWorkflowStarted(db: PrismaClient, caseId: string): Promise<void> {
  await db.referral.updateMany({
    where: { id: caseId, workflowStartedAt: null },
    data: { workflowStartedAt: new Date() },
  });
}
