import type { CaseActionArgs } from './actions';
import type { CaseState } from './case-state';
import { NO_COVERAGE, type ReleaseCoverage } from '../shared/case-vocabulary';
import type { NewCaseEvent } from './case-events';
import { sameService } from './services-record';
import { CLOCK_SKEW_MS, event, NOT_TERMINAL, type Deciders } from './decision-helpers';
import { accept, fieldRefusal, ruleRefusal, stageRefusal, typeRefusal, type Refusal } from './rejections';

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

function screeningRefusal(state: CaseState, what: string): Refusal | undefined {
  if (state.stage !== 'AWAITING_SCREENING') return undefined;
  return ruleRefusal(
    state,
    'R-SCREEN',
    `${what} cannot be recorded before the initial screening of case ${state.referralId}: record the screening first`,
  );
}

/** R-INTAKE: an intake appointment is in the future and on or before the deadline. */
function appointmentRefusal(state: CaseState, scheduled: string, now: number): Refusal | undefined {
  const at = Date.parse(scheduled);
  if (at < now - CLOCK_SKEW_MS)
    return fieldRefusal('intakeScheduledFor', 'the intake appointment must be in the future', 'R-INTAKE');
  if (state.intakeDueAt && at > Date.parse(state.intakeDueAt)) {
    return fieldRefusal(
      'intakeScheduledFor',
      `the intake must be scheduled on or before the intake deadline ${state.intakeDueAt}`,
      'R-INTAKE',
    );
  }
  return undefined;
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
    const refused = stageRefusal(state, ['AWAITING_SCREENING'], 'Recording the screening', 'R-SCREEN');
    if (refused) return refused;
    const scheduled = args.input.intakeScheduledFor;
    const badAppointment = scheduled === undefined ? undefined : appointmentRefusal(state, scheduled, now);
    if (badAppointment) return badAppointment;
    return accept(
      event(args, now, {
        type: 'SCREENING_RECORDED',
        ruleId: 'R-SCREEN',
        data: scheduled ? { intakeScheduledFor: new Date(scheduled).toISOString() } : undefined,
      }),
    );
  },

  recordLeftBeforeScreening(state, args, now) {
    const refused =
      typeRefusal(state, 'ARREST_DIVERSION', 'Recording that the person left before screening', 'R-SCREEN') ??
      stageRefusal(state, ['AWAITING_SCREENING'], 'Recording that the person left before screening', 'R-SCREEN');
    if (refused) return refused;
    return accept(
      event(args, now, {
        type: 'LEFT_BEFORE_SCREENING',
        ruleId: 'R-SCREEN',
        data: args.input.note ? { note: args.input.note } : undefined,
      }),
    );
  },

  recordConsent(state, args, now) {
    const refused =
      screeningRefusal(state, 'Consent') ?? stageRefusal(state, ['AWAITING_INTAKE'], 'Recording consent', 'R-CONSENT');
    if (refused) return refused;
    if (state.consent.status === 'GIVEN')
      return ruleRefusal(
        state,
        'R-CONSENT',
        `Consent is already in force for case ${state.referralId} (given ${state.consent.at})`,
      );
    const { method, memorializedBy, covers = NO_COVERAGE } = args.input;
    return accept(
      event(args, now, {
        type: 'CONSENT_GIVEN',
        ruleId: 'R-CONSENT',
        data: { method, ...(memorializedBy ? { memorializedBy } : {}), covers },
      }),
      ...enrollIfComplete(args, now, { consent: true, intake: state.intakeCompletedAt !== undefined }),
    );
  },

  /**
   * R-CONSENT (Decision 2026-12-02): a new version of the release in force — never an exit, even when
   * it stops covering staffing (a condition checked at intake): partners then see the status only.
   */
  amendRelease(state, args, now) {
    const refused = stageRefusal(state, ['AWAITING_INTAKE', 'ENROLLED'], 'Amending the release', 'R-CONSENT');
    if (refused) return refused;
    const consent = state.consent;
    if (consent.status !== 'GIVEN')
      return ruleRefusal(
        state,
        'R-CONSENT',
        `Case ${state.referralId} has no release in force to amend: record consent`,
      );
    const { method, memorializedBy, covers, note } = args.input;
    const current = consent.covers ?? NO_COVERAGE;
    const unchanged =
      method === consent.method &&
      (memorializedBy ?? undefined) === consent.memorializedBy &&
      sameCoverage(covers, current);
    if (unchanged)
      return ruleRefusal(
        state,
        'R-CONSENT',
        `The amendment changes nothing in the release in force on case ${state.referralId}`,
      );
    const version = (consent.version ?? 1) + 1;
    return accept(
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
    );
  },

  rescindConsent(state, args, now) {
    const refused = stageRefusal(state, ['AWAITING_INTAKE', 'ENROLLED'], 'Rescinding consent', 'R-CONSENT');
    if (refused) return refused;
    if (state.consent.status !== 'GIVEN')
      return ruleRefusal(state, 'R-CONSENT', `Case ${state.referralId} has no consent in force to rescind`);
    const rescinded = event(args, now, {
      type: 'CONSENT_RESCINDED',
      ruleId: 'R-CONSENT',
      data: args.input.note ? { note: args.input.note } : undefined,
    });
    if (state.stage !== 'ENROLLED') return accept(rescinded);
    return accept(
      rescinded,
      event(args, now, { type: 'EXITED', ruleId: 'R-EXIT', data: { reason: 'CONSENT_RESCINDED' } }),
    );
  },

  recordIntake(state, args, now) {
    const refused =
      screeningRefusal(state, 'Intake') ?? stageRefusal(state, ['AWAITING_INTAKE'], 'Recording the intake', 'R-INTAKE');
    if (refused) return refused;
    if (state.intakeCompletedAt)
      return ruleRefusal(
        state,
        'R-INTAKE',
        `The intake of case ${state.referralId} was already recorded (${state.intakeCompletedAt})`,
      );
    if (state.consent.status !== 'GIVEN') {
      return ruleRefusal(
        state,
        'R-CONSENT',
        `Intake cannot be recorded before consent on case ${state.referralId}: record the release of information first (both may be recorded in the same visit)`,
      );
    }
    // R-CONSENT (Decision 2026-12-02): a release that covers staffing is a condition of participating.
    if (!(state.consent.covers ?? NO_COVERAGE).staffing) {
      return ruleRefusal(
        state,
        'R-CONSENT',
        `Intake cannot be recorded on case ${state.referralId}: the release in force does not cover staffing with the LEAD partners, a condition of participating — amend the release first`,
      );
    }
    const { assessment } = args.input;
    return accept(
      event(args, now, { type: 'INTAKE_COMPLETED', ruleId: 'R-INTAKE', data: assessment ? { assessment } : undefined }),
      ...enrollIfComplete(args, now, { consent: state.consent.status === 'GIVEN', intake: true }),
    );
  },

  scheduleIntake(state, args, now) {
    const refused =
      screeningRefusal(state, 'An intake appointment') ??
      stageRefusal(state, ['AWAITING_INTAKE'], 'Booking the intake', 'R-INTAKE');
    if (refused) return refused;
    if (state.intakeCompletedAt)
      return ruleRefusal(
        state,
        'R-INTAKE',
        `The intake of case ${state.referralId} was already recorded (${state.intakeCompletedAt})`,
      );
    const { intakeScheduledFor } = args.input;
    const badAppointment = appointmentRefusal(state, intakeScheduledFor, now);
    if (badAppointment) return badAppointment;
    const from = state.intakeScheduledFor ? { from: state.intakeScheduledFor } : {};
    return accept(
      event(args, now, {
        type: 'INTAKE_SCHEDULED',
        ruleId: 'R-INTAKE',
        data: { intakeScheduledFor: new Date(intakeScheduledFor).toISOString(), ...from },
      }),
    );
  },

  recordIipGoals(state, args, now) {
    const refused = stageRefusal(state, ['ENROLLED'], 'Recording the Individual Intervention Plan', 'R-IIP');
    if (refused) return refused;
    return accept(
      event(args, now, { type: 'IIP_RECORDED', ruleId: 'R-IIP', data: { goals: [...new Set(args.input.goals)] } }),
    );
  },

  withdrawService(state, args, now) {
    const refused = stageRefusal(state, ['ENROLLED'], 'Withdrawing a service', 'R-SERVICE-WITHDRAW');
    if (refused) return refused;
    const { service, reasonCode, note } = args.input;
    const data = { service, reasonCode, ...(note ? { note } : {}) };
    return accept(event(args, now, { type: 'SERVICE_WITHDRAWN', ruleId: 'R-SERVICE-WITHDRAW', data }));
  },

  reinstateService(state, args, now) {
    const refused = stageRefusal(state, ['ENROLLED'], 'Reinstating a service', 'R-SERVICE-WITHDRAW');
    if (refused) return refused;
    const { service, note } = args.input;
    if (!state.servicesWithdrawn.some((w) => !w.reinstatedAt && sameService(w.service, service))) {
      return fieldRefusal(
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
    return accept(
      event(args, now, {
        type: 'SERVICE_REINSTATED',
        ruleId: 'R-SERVICE-WITHDRAW',
        data: { service, ...(note ? { note } : {}) },
      }),
    );
  },

  recordService(state, args, now) {
    const refused = stageRefusal(state, ['ENROLLED'], 'Recording a service', 'R-IIP');
    if (refused) return refused;
    const { service, provider, note } = args.input;
    if (provider !== undefined) {
      const covered =
        state.consent.status === 'GIVEN' &&
        (state.consent.covers ?? NO_COVERAGE).providers.some((p) => sameProvider(p, provider));
      if (!covered)
        return ruleRefusal(
          state,
          'R-CONSENT',
          `The release of information of case ${state.referralId} does not cover the provider "${provider}": amend the release to name it before consulting them`,
        );
    }
    return accept(
      event(args, now, {
        type: 'SERVICE_RECORDED',
        ruleId: 'R-IIP',
        data: { service, ...(provider ? { provider } : {}), ...(note ? { note } : {}) },
      }),
    );
  },

  recordCaseNote(state, args, now) {
    const refused = stageRefusal(state, NOT_TERMINAL, 'Recording a note', 'R-ROI');
    if (refused) return refused;
    return accept(event(args, now, { type: 'CASE_NOTE_RECORDED', ruleId: 'R-ROI', data: { note: args.input.note } }));
  },

  recordExit(state, args, now) {
    const refused = stageRefusal(state, ['ENROLLED'], 'Recording an exit', 'R-EXIT');
    if (refused) return refused;
    const { reason, note } = args.input;
    return accept(event(args, now, { type: 'EXITED', ruleId: 'R-EXIT', data: { reason, ...(note ? { note } : {}) } }));
  },
};
