import type { CaseActionArgs } from '../shared/case-actions';
import type { CaseState } from './case-state';
import { NO_COVERAGE, type ReleaseCoverage } from '../shared/case-vocabulary';
import type { NewCaseEvent } from './case-events';
import { sameService } from './services-record';
import { CLOCK_SKEW_MS, event, NOT_TERMINAL, type Deciders } from './decision-helpers';
import { rejectField, rejectRule, requireStage, requireType } from './rejections';

/**
 * Screening, consent, intake, enrollment and exit — one implementation for both referral types
 * (R-SCREEN, R-CONSENT, R-INTAKE, R-ENROLL, R-EXIT). A social contact has no 30-day deadline.
 */

function enrollIfComplete(
  args: CaseActionArgs,
  now: number,
  after: { consent: boolean; intake: boolean },
): NewCaseEvent[] {
  return after.consent && after.intake ? [event(args, now, { type: 'ENROLLED', ruleId: 'R-ENROLL' })] : [];
}

const sameProvider = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

const sameCoverage = (a: ReleaseCoverage, b: ReleaseCoverage) =>
  a.staffing === b.staffing &&
  a.providers.length === b.providers.length &&
  a.providers.every((p) => b.providers.some((q) => sameProvider(p, q)));

function requireScreened(state: CaseState, what: string): void {
  if (state.stage === 'AWAITING_SCREENING')
    rejectRule(
      state,
      'R-SCREEN',
      `${what} cannot be recorded before the initial screening of case ${state.referralId}: record the screening first`,
    );
}

/** R-INTAKE: an intake appointment is in the future and on or before the deadline. */
function checkAppointment(state: CaseState, scheduled: string, now: number): void {
  const at = Date.parse(scheduled);
  if (at < now - CLOCK_SKEW_MS)
    rejectField('intakeScheduledFor', 'the intake appointment must be in the future', 'R-INTAKE');
  if (state.intakeDueAt && at > Date.parse(state.intakeDueAt)) {
    rejectField(
      'intakeScheduledFor',
      `the intake must be scheduled on or before the intake deadline ${state.intakeDueAt}`,
      'R-INTAKE',
    );
  }
}

type IntakeAction =
  | 'recordScreening'
  | 'recordLeftBeforeScreening'
  | 'recordConsent'
  | 'rescindConsent'
  | 'amendRelease'
  | 'recordIntake'
  | 'scheduleIntake'
  | 'recordExit'
  | 'recordIipGoals'
  | 'withdrawService'
  | 'reinstateService'
  | 'recordService'
  | 'recordCaseNote';

export const intakeDeciders: Deciders<IntakeAction> = {
  recordScreening(state, args, now) {
    requireStage(state, ['AWAITING_SCREENING'], 'Recording the screening', 'R-SCREEN');
    const scheduled = args.input.intakeScheduledFor;
    if (scheduled !== undefined) checkAppointment(state, scheduled, now);
    return [
      event(args, now, {
        type: 'SCREENING_RECORDED',
        ruleId: 'R-SCREEN',
        data: scheduled ? { intakeScheduledFor: new Date(scheduled).toISOString() } : undefined,
      }),
    ];
  },

  recordLeftBeforeScreening(state, args, now) {
    requireType(state, 'ARREST_DIVERSION', 'Recording that the person left before screening', 'R-SCREEN');
    requireStage(state, ['AWAITING_SCREENING'], 'Recording that the person left before screening', 'R-SCREEN');
    return [
      event(args, now, {
        type: 'LEFT_BEFORE_SCREENING',
        ruleId: 'R-SCREEN',
        data: args.input.note ? { note: args.input.note } : undefined,
      }),
    ];
  },

  recordConsent(state, args, now) {
    requireScreened(state, 'Consent');
    requireStage(state, ['AWAITING_INTAKE'], 'Recording consent', 'R-CONSENT');
    if (state.consent.status === 'GIVEN')
      rejectRule(
        state,
        'R-CONSENT',
        `Consent is already in force for case ${state.referralId} (given ${state.consent.at})`,
      );
    const { method, memorializedBy, covers = NO_COVERAGE } = args.input;
    return [
      event(args, now, {
        type: 'CONSENT_GIVEN',
        ruleId: 'R-CONSENT',
        data: { method, ...(memorializedBy ? { memorializedBy } : {}), covers },
      }),
      ...enrollIfComplete(args, now, { consent: true, intake: state.intakeCompletedAt !== undefined }),
    ];
  },

  /**
   * R-CONSENT (Decision 2026-12-02): a new version of the release in force — never an exit, even when
   * it stops covering staffing (a condition checked at intake): partners then see the status only.
   */
  amendRelease(state, args, now) {
    requireStage(state, ['AWAITING_INTAKE', 'ENROLLED'], 'Amending the release', 'R-CONSENT');
    const consent = state.consent;
    if (consent.status !== 'GIVEN')
      rejectRule(state, 'R-CONSENT', `Case ${state.referralId} has no release in force to amend: record consent`);
    const { method, memorializedBy, covers, note } = args.input;
    const current = consent.covers ?? NO_COVERAGE;
    const unchanged =
      method === consent.method &&
      (memorializedBy ?? undefined) === consent.memorializedBy &&
      sameCoverage(covers, current);
    if (unchanged)
      rejectRule(
        state,
        'R-CONSENT',
        `The amendment changes nothing in the release in force on case ${state.referralId}`,
      );
    const version = (consent.version ?? 1) + 1;
    return [
      event(args, now, {
        type: 'RELEASE_AMENDED',
        ruleId: 'R-CONSENT',
        data: {
          method,
          ...(memorializedBy ? { memorializedBy } : {}),
          covers,
          version,
          ...(consent.givenSeq !== undefined ? { releaseSeq: consent.givenSeq } : {}),
          ...(note ? { note } : {}),
        },
      }),
    ];
  },

  rescindConsent(state, args, now) {
    requireStage(state, ['AWAITING_INTAKE', 'ENROLLED'], 'Rescinding consent', 'R-CONSENT');
    if (state.consent.status !== 'GIVEN')
      rejectRule(state, 'R-CONSENT', `Case ${state.referralId} has no consent in force to rescind`);
    const rescinded = event(args, now, {
      type: 'CONSENT_RESCINDED',
      ruleId: 'R-CONSENT',
      data: args.input.note ? { note: args.input.note } : undefined,
    });
    if (state.stage !== 'ENROLLED') return [rescinded];
    return [rescinded, event(args, now, { type: 'EXITED', ruleId: 'R-EXIT', data: { reason: 'CONSENT_RESCINDED' } })];
  },

  recordIntake(state, args, now) {
    requireScreened(state, 'Intake');
    requireStage(state, ['AWAITING_INTAKE'], 'Recording the intake', 'R-INTAKE');
    if (state.intakeCompletedAt)
      rejectRule(
        state,
        'R-INTAKE',
        `The intake of case ${state.referralId} was already recorded (${state.intakeCompletedAt})`,
      );
    if (state.consent.status !== 'GIVEN') {
      rejectRule(
        state,
        'R-CONSENT',
        `Intake cannot be recorded before consent on case ${state.referralId}: record the release of information first (both may be recorded in the same visit)`,
      );
    }
    // R-CONSENT (Decision 2026-12-02): a release that covers staffing is a condition of participating.
    if (!(state.consent.covers ?? NO_COVERAGE).staffing) {
      rejectRule(
        state,
        'R-CONSENT',
        `Intake cannot be recorded on case ${state.referralId}: the release in force does not cover staffing with the LEAD partners, a condition of participating — amend the release first`,
      );
    }
    const { assessment } = args.input;
    return [
      event(args, now, { type: 'INTAKE_COMPLETED', ruleId: 'R-INTAKE', data: assessment ? { assessment } : undefined }),
      ...enrollIfComplete(args, now, { consent: state.consent.status === 'GIVEN', intake: true }),
    ];
  },

  scheduleIntake(state, args, now) {
    requireScreened(state, 'An intake appointment');
    requireStage(state, ['AWAITING_INTAKE'], 'Booking the intake', 'R-INTAKE');
    if (state.intakeCompletedAt)
      rejectRule(
        state,
        'R-INTAKE',
        `The intake of case ${state.referralId} was already recorded (${state.intakeCompletedAt})`,
      );
    const { intakeScheduledFor } = args.input;
    checkAppointment(state, intakeScheduledFor, now);
    const from = state.intakeScheduledFor ? { from: state.intakeScheduledFor } : {};
    return [
      event(args, now, {
        type: 'INTAKE_SCHEDULED',
        ruleId: 'R-INTAKE',
        data: { intakeScheduledFor: new Date(intakeScheduledFor).toISOString(), ...from },
      }),
    ];
  },

  recordIipGoals(state, args, now) {
    requireStage(state, ['ENROLLED'], 'Recording the Individual Intervention Plan', 'R-IIP');
    return [
      event(args, now, { type: 'IIP_RECORDED', ruleId: 'R-IIP', data: { goals: [...new Set(args.input.goals)] } }),
    ];
  },

  withdrawService(state, args, now) {
    requireStage(state, ['ENROLLED'], 'Withdrawing a service', 'R-SERVICE-WITHDRAW');
    const { input } = args;
    // An update accepted before reasons were codes replays as it was recorded (free text).
    const data = input.reasonCode
      ? { service: input.service, reasonCode: input.reasonCode, ...(input.note ? { note: input.note } : {}) }
      : { service: input.service, reason: (input as unknown as { reason: string }).reason };
    return [event(args, now, { type: 'SERVICE_WITHDRAWN', ruleId: 'R-SERVICE-WITHDRAW', data })];
  },

  reinstateService(state, args, now) {
    requireStage(state, ['ENROLLED'], 'Reinstating a service', 'R-SERVICE-WITHDRAW');
    const { service, note } = args.input;
    if (!state.servicesWithdrawn.some((w) => !w.reinstatedAt && sameService(w.service, service))) {
      rejectField(
        'service',
        `no withdrawn service named "${service}" on case ${state.referralId}; withdrawn: ${
          state.servicesWithdrawn
            .filter((w) => !w.reinstatedAt)
            .map((w) => w.service)
            .join(', ') || 'none'
        }`,
        'R-SERVICE-WITHDRAW',
      );
    }
    return [
      event(args, now, {
        type: 'SERVICE_REINSTATED',
        ruleId: 'R-SERVICE-WITHDRAW',
        data: { service, ...(note ? { note } : {}) },
      }),
    ];
  },

  recordService(state, args, now) {
    requireStage(state, ['ENROLLED'], 'Recording a service', 'R-IIP');
    const { service, provider, note } = args.input;
    if (provider !== undefined) {
      const covered =
        state.consent.status === 'GIVEN' &&
        (state.consent.covers ?? NO_COVERAGE).providers.some((p) => sameProvider(p, provider));
      if (!covered)
        rejectRule(
          state,
          'R-CONSENT',
          `The release of information of case ${state.referralId} does not cover the provider "${provider}": amend the release to name it before consulting them`,
        );
    }
    return [
      event(args, now, {
        type: 'SERVICE_RECORDED',
        ruleId: 'R-IIP',
        data: { service, ...(provider ? { provider } : {}), ...(note ? { note } : {}) },
      }),
    ];
  },

  recordCaseNote(state, args, now) {
    requireStage(state, NOT_TERMINAL, 'Recording a note', 'R-ROI');
    return [event(args, now, { type: 'CASE_NOTE_RECORDED', ruleId: 'R-ROI', data: { note: args.input.note } })];
  },

  recordExit(state, args, now) {
    requireStage(state, ['ENROLLED'], 'Recording an exit', 'R-EXIT');
    const { reason, note } = args.input;
    return [event(args, now, { type: 'EXITED', ruleId: 'R-EXIT', data: { reason, ...(note ? { note } : {}) } })];
  },
};
