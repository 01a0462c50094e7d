import { continueAsNew, setHandler } from '@temporalio/workflow';
import type { SocialContactInput } from '../src/case/start-inputs';
import { placeGrantedSignal } from '../src/contract/definitions';
import { openSocialContact } from '../src/case/open-case';
import { approvalOverdueRule, reassessmentRule, screeningOverdueRule } from './case-clocks';
import { systemEvent } from './case-runtime';
import type { CaseResult } from '../src/contract/workflow-contract';
import { runCase } from './case-workflow';

/**
 * One social-contact referral (PROTOCOL.md "Social contact: the process"): sergeant approval, a place
 * as capacity allows, contact, then the same screening, consent and intake as an arrest diversion —
 * without the 30-day deadline — and a re-assessment every six months until enrolled.
 */
export async function socialContact(input: SocialContactInput): Promise<CaseResult> {
  const opened = input.resume ? { state: input.resume } : openSocialContact(input, Date.now());
  const run = await runCase(opened, [approvalOverdueRule, reassessmentRule, screeningOverdueRule], (runtime) => {
    setHandler(placeGrantedSignal, () => {
      if (runtime.state.capacity === 'WAITING') runtime.commit([systemEvent('PLACE_GRANTED', 'R-SC-CAPACITY')]);
    });
  });
  if ('continueWith' in run) return continueAsNew<typeof socialContact>({ ...input, resume: run.continueWith });
  return run.result;
}
