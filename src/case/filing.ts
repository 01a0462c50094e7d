import type { CaseState } from './case-state';
import { isTerminal } from '../shared/case-vocabulary';
import type { RuleId } from '../shared/rules';

/**
 * R-JURISDICTION (Decision 2026-12-02): each office decides on its own charges. Which offices a case
 * has, which situation gives them a decision to make (R-SCREEN, R-MISSED, R-VICTIM), and who still owes one.
 */

/** Every office with jurisdiction over any of the offenses (or the one named). */
export function officesOf(state: Pick<CaseState, 'prosecutorOffices' | 'prosecutorOffice'>): string[] {
  return state.prosecutorOffices ?? (state.prosecutorOffice ? [state.prosecutorOffice] : []);
}

export type FilingSituation = Extract<RuleId, 'R-SCREEN' | 'R-MISSED' | 'R-VICTIM'>;

/** The stages that give the offices a decision by themselves (R-SCREEN, R-MISSED); any other stage needs an objection. */
export function situationOfStage(stage: string): FilingSituation | undefined {
  if (stage === 'LEFT_BEFORE_SCREENING' || stage === 'SCREENED_OUT') return 'R-SCREEN';
  if (stage === 'INTAKE_MISSED') return 'R-MISSED';
  return undefined;
}

/** The situation in which the protocol gives the prosecutor a filing decision now, if any. */
export function filingSituationOf(state: CaseState): FilingSituation | undefined {
  if (state.type !== 'ARREST_DIVERSION' || isTerminal(state.stage)) return undefined;
  return situationOfStage(state.stage) ?? (state.victimObjectionAt ? 'R-VICTIM' : undefined);
}

/** Whether an office already decided in this situation. */
export function officeDecided(state: CaseState, office: string, situation: RuleId): boolean {
  return (state.filingDecisions ?? []).some((d) => d.office === office && d.ruleId === situation);
}

/** The offices that owe a decision now. */
export function officesOwingDecision(state: CaseState): string[] {
  const situation = filingSituationOf(state);
  if (!situation) return [];
  return officesOf(state).filter((office) => !officeDecided(state, office, situation));
}

/**
 * R-VICTIM (Decision 2026-12-02): the offices that have not decided since the victim objected — in
 * whatever situation they decided — while the case is open.
 */
export function officesOwingVictimDecision(state: CaseState): string[] {
  const objectedAt = state.victimObjectionAt;
  if (!objectedAt || isTerminal(state.stage)) return [];
  const decided = (office: string) =>
    (state.filingDecisions ?? []).some((d) => d.office === office && d.at >= objectedAt);
  return officesOf(state).filter((office) => !decided(office));
}
