import { continueAsNew } from '@temporalio/workflow';
import type { ArrestDiversionInput } from '../src/case/start-inputs';
import { openArrestDiversion } from '../src/case/open-case';
import {
  intakeDeadlineRule,
  nciDecisionOverdueRule,
  overrideOverdueRule,
  sceneWindowRule,
  screeningOverdueRule,
  victimFilingDecisionRule,
  victimObjectionWindowRule,
} from './case-clocks';
import type { CaseResult } from '../src/contract/workflow-contract';
import { runCase } from './case-workflow';

/**
 * One arrest diversion (PROTOCOL.md "Arrest diversion: the process"), from the officer's referral —
 * or the sergeant's override after booking, or the DOC NCI team's referral — to enrollment, exit or
 * the prosecutor's decision.
 * The workflow id is the referral id.
 */
export async function arrestDiversion(input: ArrestDiversionInput): Promise<CaseResult> {
  const opened = input.resume ? { state: input.resume } : openArrestDiversion(input, Date.now());
  const run = await runCase(opened, [
    screeningOverdueRule,
    sceneWindowRule,
    victimObjectionWindowRule,
    intakeDeadlineRule,
    overrideOverdueRule,
    nciDecisionOverdueRule,
    victimFilingDecisionRule,
  ]);
  if ('continueWith' in run) return continueAsNew<typeof arrestDiversion>({ ...input, resume: run.continueWith });
  return run.result;
}
