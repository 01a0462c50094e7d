import { casePolicyOf } from '../src/config/load-config';
import { caseIdFor } from '../src/referrals/case-id';
import { releaseIdOf } from '../src/case/release-id';
import type { CarriedParticipation, SocialContactInput } from '../src/case/start-inputs';
import {
  carryReleaseOver,
  caseById,
  markWorkflowStarted,
  recordLinkedSocialContact,
} from '../src/db/queries/case-progress';
import type { ActivityDeps } from './activity-deps';

/**
 * R-VICTIM: charges filed after a victim objection hand the person on to a social contact "based on
 * the original referral", linked to the arrest diversion, for the same person. Since the protocol's
 * turn-2 decision it continues where the person had got to — an enrolled participant stays enrolled,
 * with the same release of information, IIP and place — instead of awaiting a sergeant's approval.
 * Idempotent: its id derives from the original case.
 */
export async function openLinkedSocialContact(
  { db, cases, configOf }: ActivityDeps,
  request: { fromReferralId: string; agency: string; carriedOver?: CarriedParticipation },
): Promise<{ socialContactReferralId: string }> {
  const submissionId = `handoff:${request.fromReferralId}`;
  // The social contact that continues a case is its program's, under that program's rules.
  const config = await configOf(request.fromReferralId);
  const id = caseIdFor(config.program.caseIdPrefix, submissionId);
  const original = await caseById(db, request.fromReferralId);
  const input: SocialContactInput = {
    referralId: id,
    agency: request.agency,
    source: 'ARREST_HANDOFF',
    // The activity's clock is fine here: its result, the started case, is recorded in the history.
    policy: casePolicyOf(config, new Date()),
    linkedFrom: original.id,
    ...(request.carriedOver ? { carriedOver: request.carriedOver } : {}),
  };
  await recordLinkedSocialContact(db, {
    id,
    submissionId,
    personId: original.personId,
    agency: original.agency,
    officerId: original.officerId,
    submittedById: original.submittedById,
    linkedFromId: original.id,
    details: JSON.parse(
      JSON.stringify({ source: 'ARREST_HANDOFF', linkedFrom: original.id, workflow: { type: 'socialContact', input } }),
    ) as object,
  });
  // The same release of information continues (R-VICTIM, R-CONSENT): partners read the social contact under it.
  if (request.carriedOver?.consent.status === 'GIVEN')
    await carryReleaseOver(db, original.id, id, releaseIdOf(id, request.carriedOver.consent.givenSeq));
  await cases.startSocialContact(input);
  await markWorkflowStarted(db, id);
  return { socialContactReferralId: id };
}
