import type { CaseState } from './case-state';
import type { CaseView, DeadlineStatus, DeadlineView } from './query-views';
import { isTerminal } from '../shared/case-vocabulary';
import { codeUnitOrder } from '../shared/code-unit-order';
import { missedIntakeNoticesSent } from './effects';
import { filingSituationOf, officesOf, officesOwingDecision, officesOwingVictimDecision } from './filing';

const hasStuck = (state: CaseState, reason: string) => state.stuck.some((f) => f.reason === reason);

/** Every clock of a case with its rule id and status, derived from the state. */
export function deadlinesOf(state: CaseState): DeadlineView[] {
  const closed = isTerminal(state.stage);
  const deadlines: DeadlineView[] = [];

  if (state.overrideDueAt) {
    const status: DeadlineStatus = state.override?.decision
      ? 'MET'
      : hasStuck(state, 'OVERRIDE_OVERDUE')
        ? 'OVERDUE'
        : closed
          ? 'CANCELLED'
          : 'OPEN';
    deadlines.push({
      ruleId: 'R-EL-OVERRIDE',
      name: 'sergeant reviews the override',
      dueAt: state.overrideDueAt,
      status,
    });
  }

  if (state.nci) {
    const status: DeadlineStatus = state.nci.decision
      ? 'MET'
      : hasStuck(state, 'NCI_DECISION_OVERDUE')
        ? 'OVERDUE'
        : closed
          ? 'CANCELLED'
          : 'OPEN';
    deadlines.push({
      ruleId: 'R-EL-WARRANT',
      name: 'DOC NCI team decides on the referral',
      dueAt: state.nci.dueAt,
      status,
    });
  }

  if (state.approvalDueAt) {
    const status: DeadlineStatus = state.approval
      ? 'MET'
      : hasStuck(state, 'APPROVAL_OVERDUE')
        ? 'OVERDUE'
        : closed
          ? 'CANCELLED'
          : 'OPEN';
    deadlines.push({ ruleId: 'R-SC-APPROVAL', name: 'sergeant approval', dueAt: state.approvalDueAt, status });
  }

  if (state.approvalValidUntil && state.approval?.decision === 'APPROVED') {
    const status: DeadlineStatus = state.enrolledAt
      ? 'MET'
      : state.reassessmentDue
        ? 'OVERDUE'
        : closed
          ? 'CANCELLED'
          : 'OPEN';
    deadlines.push({
      ruleId: 'R-SC-REASSESS',
      name: 're-assessment of the approval',
      dueAt: state.approvalValidUntil,
      status,
    });
  }

  if (state.screeningDueAt) {
    const status: DeadlineStatus =
      state.screenedAt || state.stage === 'LEFT_BEFORE_SCREENING'
        ? 'MET'
        : hasStuck(state, 'SCREENING_OVERDUE')
          ? 'OVERDUE'
          : closed || state.stage === 'INTAKE_MISSED'
            ? 'CANCELLED'
            : 'OPEN';
    deadlines.push({ ruleId: 'R-SCREEN', name: 'initial screening recorded', dueAt: state.screeningDueAt, status });
  }

  if (state.sceneWindowEndsAt) {
    deadlines.push({
      ruleId: 'R-SCENE',
      name: 'scene exclusion window ends',
      dueAt: state.sceneWindowEndsAt,
      status: state.sceneWindowEnded ? 'ENDED' : 'OPEN',
    });
  }

  if (state.victimObjectionDueAt) {
    const status: DeadlineStatus = state.victimObjectionAt
      ? 'MET'
      : state.victimObjectionWindowEnded
        ? 'ENDED'
        : closed
          ? 'CANCELLED'
          : 'OPEN';
    deadlines.push({
      ruleId: 'R-VICTIM',
      name: 'victim objection window ends',
      dueAt: state.victimObjectionDueAt,
      status,
    });
  }

  if (state.victimFilingDueAt) {
    const decidedBeforeClosing = (state.filingDecisions ?? []).some((d) => d.at >= state.victimObjectionAt!);
    const status: DeadlineStatus =
      officesOwingVictimDecision(state).length > 0
        ? hasStuck(state, 'VICTIM_FILING_DECISION_OVERDUE')
          ? 'OVERDUE'
          : 'OPEN'
        : closed && !decidedBeforeClosing
          ? 'CANCELLED'
          : 'MET';
    deadlines.push({
      ruleId: 'R-VICTIM',
      name: "prosecutors' filing decision after the objection",
      dueAt: state.victimFilingDueAt,
      status,
    });
  }

  if (state.intakeDueAt) {
    const status: DeadlineStatus = state.enrolledAt
      ? 'MET'
      : state.intakeMissedAt
        ? 'MISSED'
        : closed || state.stage === 'LEFT_BEFORE_SCREENING' || state.stage === 'SCREENED_OUT'
          ? 'CANCELLED'
          : 'OPEN';
    deadlines.push({ ruleId: 'R-INTAKE', name: 'intake and consent complete', dueAt: state.intakeDueAt, status });
  }

  if (state.intakeMissedAt) {
    const status: DeadlineStatus = missedIntakeNoticesSent(state)
      ? 'MET'
      : hasStuck(state, 'MISSED_NOTICE_UNCONFIRMED')
        ? 'OVERDUE'
        : 'OPEN';
    const dueAt = new Date(Date.parse(state.intakeMissedAt) + state.policy.missedNoticeConfirmWithinMs).toISOString();
    deadlines.push({ ruleId: 'R-MISSED', name: 'missed-intake notice confirmed sent', dueAt, status });
  }
  return deadlines;
}

export function nextDeadlineOf(deadlines: DeadlineView[]): DeadlineView | undefined {
  return deadlines
    .filter((d) => d.status === 'OPEN' || d.status === 'OVERDUE')
    .sort((a, b) => codeUnitOrder(a.dueAt, b.dueAt))[0];
}

export function viewOf(state: CaseState): CaseView {
  const deadlines = deadlinesOf(state);
  return {
    referralId: state.referralId,
    type: state.type,
    stage: state.stage,
    outcome: state.outcome,
    enrolled: state.stage === 'ENROLLED',
    referredAt: state.referredAt,
    prosecutorOffice: state.prosecutorOffice,
    agency: state.agency,
    victimCrime: state.victimCrime,
    victimObjectionAt: state.victimObjectionAt,
    nci: state.nci,
    consent: state.consent,
    screenedAt: state.screenedAt,
    intakeScheduledFor: state.intakeScheduledFor,
    intakeCompletedAt: state.intakeCompletedAt,
    enrolledAt: state.enrolledAt,
    intakeExtensions: state.intakeExtensions,
    filingDecision: state.filingDecision,
    prosecutorOffices: officesOf(state),
    filingDecisions: state.filingDecisions ?? [],
    filingDecisionsOwedBy: officesOwingDecision(state),
    filingDecisionOpenUnder: filingSituationOf(state),
    victimFilingDueAt: state.victimFilingDueAt,
    screenedOut: state.screenedOut,
    packetReviews: state.packetReviews ?? [],
    handOff: state.handOff,
    exit: state.exit,
    override: state.override,
    source: state.source,
    linkedFrom: state.linkedFrom,
    approval: state.approval,
    approvalValidUntil: state.approvalValidUntil,
    reassessmentDue: state.reassessmentDue,
    renewals: state.renewals,
    capacity: state.capacity,
    iip: state.iip,
    // In force only (and none delivered): the case read takes the whole record from the events.
    servicesWithdrawn: state.servicesWithdrawn,
    servicesDelivered: [],
    deadlines,
    nextDeadline: nextDeadlineOf(deadlines),
    stuck: state.stuck,
    // Only what is not recorded yet: the case read completes them from the database (withRecordedHistory).
    notices: state.notices,
    events: state.events,
  };
}
