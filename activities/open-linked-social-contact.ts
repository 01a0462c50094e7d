import { casePolicyOf } from '../src/config/load-config';
import { caseIdFor } from '../src/referrals/case-id';
import { releaseIdOf } from '../src/referrals/release-id';
import type { CarriedParticipation, SocialContactInput } from '../src/shared/case-model';
import type { ActivityDeps } from './activity-deps';

/**
 * R-VICTIM: charges filed after a victim objection hand the person on to a social contact "based on
 * the original referral", linked to the arrest diversion, for the same person. Since the protocol's
 * turn-2 decision it continues where the person had got to — an enrolled participant stays enrolled,
 * with the same release of information, IIP and place — instead of awaiting a sergeant's approval.
 * Idempotent: its id derives from the original case.
 */
export async function openLinkedSocialContact(
  { db, cases, config }: ActivityDeps,
  request: { fromReferralId: string; agency: string; carriedOver?: CarriedParticipation },
): Promise<{ socialContactReferralId: string }> {
  const submissionId = `handoff:${request.fromReferralId}`;
  const id = caseIdFor(config.program.caseIdPrefix, submissionId);
  const original = await db.referral.findUniqueOrThrow({ where: { id: request.fromReferralId } });
  const input: SocialContactInput = {
    referralId: id,
    agency: request.agency,
    source: 'ARREST_HANDOFF',
    policy: casePolicyOf(config),
    linkedFrom: original.id,
    ...(request.carriedOver ? { carriedOver: request.carriedOver } : {}),
  };
  await db.referral.createMany({
    skipDuplicates: true,
    data: [
      {
        id,
        submissionId,
        submissionHash: submissionId,
        type: 'SOCIAL_CONTACT',
        personId: original.personId,
        agency: original.agency,
        officerId: original.officerId,
        submittedById: original.submittedById,
        linkedFromId: original.id,
        details: JSON.parse(
          JSON.stringify({
            source: 'ARREST_HANDOFF',
            linkedFrom: original.id,
            workflow: { type: 'socialContact', input },
          }),
        ),
      },
    ],
  });
  // The same release of information continues (R-VICTIM, R-CONSENT): partners read the social contact under it.
  const release =
    request.carriedOver?.consent.status === 'GIVEN'
      ? await db.releaseOfInformation.findFirst({
          where: { referralId: original.id, rescindedAt: null },
          orderBy: { givenAt: 'desc' },
        })
      : null;
  if (release) {
    const carriedId = releaseIdOf(id, request.carriedOver!.consent.givenSeq);
    await db.releaseOfInformation.createMany({
      skipDuplicates: true,
      data: [{ ...release, id: carriedId, referralId: id, createdAt: undefined }],
    });
    const versions = await db.releaseVersion.findMany({ where: { releaseId: release.id } });
    await db.releaseVersion.createMany({
      skipDuplicates: true,
      data: versions.map((v) => ({ ...v, releaseId: carriedId, createdAt: undefined })),
    });
  }
  await cases.startSocialContact(input);
  await db.referral.updateMany({ where: { id, workflowStartedAt: null }, data: { workflowStartedAt: new Date() } });
  return { socialContactReferralId: id };
}
