import { apiAs, waitFor, type Answer, type WithStatus } from './api-client';
import { settled } from './case-helpers';
import { arrestReferral, socialContactReferral } from './referrals';
import type { TestStack } from './test-stack';
import type { ReleaseState } from '../../src/disclosure';

/**
 * Cases for the disclosure tests (R-ROI, R-DISCLOSE), built through the API as their users would, with a
 * marker in every free-text field: `REF-<tag>-…` in what belongs to the referral record, `CM-<tag>-…` in
 * what belongs to the case-management record. A response then shows exactly which kinds reached a reader.
 */
export type Jurisdiction = 'FELONY' | 'MISDEMEANOR' | 'MIXED';
export interface Scenario {
  type: 'ARREST_DIVERSION' | 'SOCIAL_CONTACT';
  jurisdiction: Jurisdiction;
  release: ReleaseState;
  /** The participant exits (a closed case) — when enrolled and the release was not rescinded. */
  exits: boolean;
  tag: string;
}

export interface BuiltCase {
  caseId: string;
  scenario: Scenario;
  offices: string[];
  enrolled: boolean;
  closed: boolean;
  ref: string;
  cm: string;
}

/** The referring officer of every built case, and the readers the tests use. */
export const REFERRING_OFFICER = { id: 'officer-mx', role: 'officer', agency: 'BURIEN_PD' } as const;

export const OFFENSES: Record<Jurisdiction, Array<Record<string, unknown>>> = {
  FELONY: [
    { code: 'VUCSA_POSSESSION', level: 'FELONY', drug: { substance: 'OTHER', grams: 1, activity: 'POSSESSION' } },
  ],
  MISDEMEANOR: [{ code: 'CRIMINAL_TRESPASS', level: 'MISDEMEANOR' }],
  MIXED: [
    { code: 'VUCSA_POSSESSION', level: 'FELONY', drug: { substance: 'OTHER', grams: 1, activity: 'POSSESSION' } },
    { code: 'CRIMINAL_TRESPASS', level: 'MISDEMEANOR' },
  ],
};
const OFFICES: Record<Jurisdiction, string[]> = {
  FELONY: ['KCPAO'],
  MISDEMEANOR: ['BURIEN_CITY_ATTORNEY'],
  MIXED: ['KCPAO', 'BURIEN_CITY_ATTORNEY'],
};

async function ok<R extends Answer>(label: string, res: Promise<R>): Promise<WithStatus<R, 200 | 201>['body']> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${label}: ${r.status} ${JSON.stringify(r.body)}`);
  return (r as WithStatus<R, 200 | 201>).body;
}

export async function buildCase(stack: TestStack, scenario: Scenario): Promise<BuiltCase> {
  const { tag } = scenario;
  const ref = `REF-${tag}`;
  const cm = `CM-${tag}`;
  const officer = apiAs(stack.baseUrl, 'officer', REFERRING_OFFICER.id, { agency: REFERRING_OFFICER.agency });
  const sergeant = apiAs(stack.baseUrl, 'sergeant', 'sgt-builder', { agency: 'BURIEN_PD' });
  const caseManager = apiAs(stack.baseUrl, 'case_manager', 'cm-builder');
  const person = {
    givenName: `${ref}-given`,
    familyName: `${ref}-family`,
    dateOfBirth: '1986-03-04',
    stateId: `${ref}-sid`,
  };
  let caseId: string;
  if (scenario.type === 'ARREST_DIVERSION') {
    const body = arrestReferral({
      person,
      officer: { id: 'B-1047', name: `${ref}-officer-name` },
      incident: { withinCityLimits: true, reportNumber: `${ref}-report` },
      offenses: OFFENSES[scenario.jurisdiction],
    });
    caseId = (await ok('referral', officer.post('/api/referrals/arrest-diversions', body))).caseId;
  } else {
    const body = socialContactReferral({
      person,
      source: { type: 'OFFICER', referrerId: `${ref}-referrer`, organization: `${ref}-organization` },
    });
    caseId = (await ok('social contact', officer.post('/api/referrals/social-contacts', body))).caseId;
    await settled(stack, caseId);
    await ok(
      'approval',
      sergeant.act(caseId, 'approval-decision', { decision: 'APPROVE', reason: `${ref}-approval-reason` }),
    );
    await waitFor(
      async () =>
        (await apiAs(stack.baseUrl, 'supervisor').getOk(`/api/cases/${caseId}`)).body.case.stage === 'AWAITING_CONTACT',
      `a place for ${caseId}`,
    );
    await ok('contact', officer.act(caseId, 'contacts', { willing: true, note: `${ref}-contact-note` }));
  }
  await settled(stack, caseId);
  await ok(
    'screening',
    caseManager.act(caseId, 'screening', { intakeScheduledFor: new Date(Date.now() + 2 * 86400_000).toISOString() }),
  );
  await ok('case note', caseManager.act(caseId, 'notes', { note: `${cm}-case-note` }));
  if (scenario.type === 'ARREST_DIVERSION') {
    await ok(
      'extension',
      sergeant.act(caseId, 'intake-deadline/extensions', {
        newDueAt: new Date(Date.now() + 40 * 86400_000).toISOString(),
        reason: `${ref}-extension-reason`,
      }),
    );
  }
  let enrolled = false;
  let closed = false;
  if (scenario.release !== 'NONE') {
    await ok(
      'consent',
      caseManager.act(caseId, 'consent', {
        method: 'VERBAL_MEMORIALIZED',
        memorializedBy: `${cm}-memorialized-by`,
        covers: { staffing: true, providers: [`${cm}-provider`] },
      }),
    );
    await ok('intake', caseManager.act(caseId, 'intake'));
    enrolled = true;
    // R-CONSENT (Decision 2026-12-02): intake needs staffing coverage; the release is then narrowed by an amendment.
    if (scenario.release === 'IN_FORCE_NOT_COVERING_STAFFING')
      await ok(
        'amendment',
        caseManager.act(caseId, 'consent/amendments', {
          method: 'VERBAL_MEMORIALIZED',
          memorializedBy: `${cm}-memorialized-by`,
          covers: { staffing: false, providers: [`${cm}-provider`] },
          note: `${cm}-amendment-note`,
        }),
      );
    await ok('iip', caseManager.act(caseId, 'iip', { goals: ['HOUSING', 'TREATMENT'] }));
    await ok(
      'service',
      caseManager.act(caseId, 'services', {
        service: `${cm}-service`,
        provider: `${cm}-provider`,
        note: `${cm}-service-note`,
      }),
    );
    await ok(
      'withdrawal',
      caseManager.act(caseId, 'service-withdrawals', {
        service: `${cm}-withdrawn-service`,
        reasonCode: 'NOT_USING_SERVICE',
        note: `${cm}-withdrawal-note`,
      }),
    );
    if (scenario.release === 'RESCINDED') {
      await ok('rescission', caseManager.act(caseId, 'consent/rescind', { note: `${cm}-rescission-note` }));
      closed = true;
    } else if (scenario.exits) {
      await ok('exit', caseManager.act(caseId, 'exit', { reason: 'TRANSITIONED_OUT', note: `${cm}-exit-note` }));
      closed = true;
    }
  }
  await settled(stack, caseId);
  // A social contact is enrolled once the capacity coordinator grants its place, a moment after intake.
  if (enrolled)
    await waitFor(
      async () => (await stack.db.caseEvent.count({ where: { referralId: caseId, type: 'ENROLLED' } })) === 1,
      `the enrollment of ${caseId} recorded`,
    );
  const offices = scenario.type === 'ARREST_DIVERSION' ? OFFICES[scenario.jurisdiction] : [];
  return { caseId, scenario, offices, enrolled, closed, ref, cm };
}
