import { casePolicyOf } from '../src/config/load-config';
import { caseIdFor } from '../src/referrals/case-id';
import type { ActivityDeps } from './index';

/**
 * R-VICTIM: charges filed after a victim objection hand the person on to social-contact consideration
 * "based on the original referral": a social contact linked to the arrest diversion, for the same
 * person, awaiting a sergeant's approval. Idempotent: its id derives from the original case.
 */
export async function openLinkedSocialContact(
  { db, cases, config }: ActivityDeps,
  request: { fromReferralId: string; agency: string },
): Promise<{ socialContactReferralId: string }> {
  const submissionId = `handoff:${request.fromReferralId}`;
  const id = caseIdFor(config.program.caseIdPrefix, submissionId);
  const original = await db.referral.findUniqueOrThrow({ where: { id: request.fromReferralId } });
  const input = { referralId: id, agency: request.agency, source: 'ARREST_HANDOFF' as const, policy: casePolicyOf(config), linkedFrom: original.id };
  await db.referral.createMany({
    skipDuplicates: true,
    data: [{
      id,
      submissionId,
      submissionHash: submissionId,
      type: 'SOCIAL_CONTACT',
      personId: original.personId,
      agency: original.agency,
      officerId: original.officerId,
      submittedById: original.submittedById,
      linkedFromId: original.id,
      details: JSON.parse(JSON.stringify({ source: 'ARREST_HANDOFF', linkedFrom: original.id, workflow: { type: 'socialContact', input } })),
    }],
  });
  await cases.startSocialContact(input);
  await db.referral.updateMany({ where: { id, workflowStartedAt: null }, data: { workflowStartedAt: new Date() } });
  return { socialContactReferralId: id };
}
