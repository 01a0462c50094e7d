import { intakeDeadlineFrom } from '../../src/case/intake-deadline';
import { casePolicyOf, loadConfig } from '../../src/config/load-config';
import type { CaseActionArgs, CaseActionName } from '../../src/case/actions';
import type { CaseState } from '../../src/case/case-state';
import { applyEvents, type NewCaseEvent } from '../../src/case/case-events';
import { deadlinesOf } from '../../src/case/case-view';
import { decide } from '../../src/case/decisions';
import { noticesOwed } from '../../src/case/effects';
import { openArrestDiversion } from '../../src/case/open-case';
import type { Decision } from '../../src/case/rejections';

/** The case rules as pure functions, without Temporal: the fast layer under the workflow tests. */

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-03-01T10:00:00Z');
const policy = casePolicyOf(loadConfig(), new Date(T0));
const cm = { id: 'cm-1', role: 'case_manager' as const };

function newCase(victimCrime = false) {
  const { state, first } = openArrestDiversion(
    {
      referralId: 'BUR-TEST000001',
      agency: 'BURIEN_PD',
      prosecutorOffice: 'KCPAO',
      offenseLevel: 'FELONY',
      victimCrime,
      policy,
    },
    T0,
  );
  apply(state, [first]);
  return state;
}

function eventsOf(decision: Decision) {
  if (!decision.ok) throw new Error(`refused: ${decision.rejection.message}`);
  return decision.events;
}

function apply(state: CaseState, events: NewCaseEvent[]) {
  applyEvents(state, events, (event) => state.notices.push(...noticesOwed(state, event)));
}

function act<A extends CaseActionName>(
  state: CaseState,
  action: A,
  input: CaseActionArgs<A>['input'],
  at: number,
  actor: CaseActionArgs['actor'] = cm,
) {
  apply(state, eventsOf(decide(action, state, { actor, input } as CaseActionArgs<A>, at)));
  return state;
}

function refusal(fn: () => Decision) {
  const decision = fn();
  if (decision.ok) throw new Error('expected a refusal');
  return decision.rejection;
}

test('a new case owes R-CALL and R-PACKET and runs every clock from the referral', () => {
  const s = newCase(true);
  expect(s.notices.map((n) => [n.kind, n.recipient.role])).toEqual([
    ['CASE_MANAGEMENT_CALLED', 'case_manager'],
    ['DIVERSION_PACKET', 'prosecutor'],
  ]);
  expect(Object.fromEntries(deadlinesOf(s).map((d) => [d.ruleId, Date.parse(d.dueAt) - T0]))).toEqual({
    'R-SCREEN': 4 * HOUR,
    'R-SCENE': 12 * HOUR,
    'R-VICTIM': 7 * DAY,
    'R-INTAKE': Date.parse(intakeDeadlineFrom(T0, policy)) - T0,
  });
});

test('R-ENROLL needs consent, then intake (R-CONSENT: intake before consent is refused; the same visit enrolls)', () => {
  const screened = act(newCase(), 'recordScreening', {}, T0 + HOUR);
  expect(refusal(() => decide('recordIntake', screened, { actor: cm, input: {} }, T0 + DAY))).toMatchObject({
    code: 'RULE_CONFLICT',
    ruleId: 'R-CONSENT',
    stage: 'AWAITING_INTAKE',
  });
  const sameVisit = act(
    act(screened, 'recordConsent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } }, T0 + DAY),
    'recordIntake',
    {},
    T0 + DAY,
  );
  expect(sameVisit.stage).toBe('ENROLLED');
});

test('R-CONSENT: rescinding before enrollment keeps the case open; consent can be given again', () => {
  const s = act(
    act(newCase(), 'recordScreening', {}, T0),
    'recordConsent',
    { method: 'WRITTEN', covers: { staffing: true, providers: [] } },
    T0 + HOUR,
  );
  act(s, 'rescindConsent', {}, T0 + 2 * HOUR);
  expect(s).toMatchObject({ stage: 'AWAITING_INTAKE', consent: { status: 'RESCINDED' } });
  act(
    act(s, 'recordConsent', { method: 'WRITTEN', covers: { staffing: true, providers: [] } }, T0 + DAY),
    'recordIntake',
    {},
    T0 + DAY,
  );
  expect(s.stage).toBe('ENROLLED');
});

test('R-CONSENT (Decision 2026-12-02): intake is refused unless the release in force covers staffing; an amendment lets it proceed', () => {
  const s = act(act(newCase(), 'recordScreening', {}, T0), 'recordConsent', { method: 'WRITTEN' }, T0 + HOUR);
  expect(refusal(() => decide('recordIntake', s, { actor: cm, input: {} }, T0 + DAY))).toMatchObject({
    code: 'RULE_CONFLICT',
    ruleId: 'R-CONSENT',
  });
  const amend = { method: 'WRITTEN' as const, covers: { staffing: true, providers: [] } };
  act(s, 'amendRelease', amend, T0 + DAY);
  expect(s.consent).toMatchObject({
    status: 'GIVEN',
    version: 2,
    covers: { staffing: true },
    amendedAt: new Date(T0 + DAY).toISOString(),
  });
  expect(act(s, 'recordIntake', {}, T0 + DAY).stage).toBe('ENROLLED');
});

test('R-CONSENT (Decision 2026-12-02): an amendment is a new version, never an exit; reads follow the version in force', () => {
  const covers = (staffing: boolean, providers: string[] = []) => ({ staffing, providers });
  const s = act(
    act(newCase(), 'recordScreening', {}, T0),
    'recordConsent',
    { method: 'WRITTEN', covers: covers(true) },
    T0,
  );
  act(s, 'recordIntake', {}, T0 + HOUR);
  const service = { service: 'detox', provider: 'Valley Cities' };
  // The release names no provider: consulting one is refused until an amendment names it.
  expect(refusal(() => decide('recordService', s, { actor: cm, input: service }, T0 + DAY))).toMatchObject({
    ruleId: 'R-CONSENT',
  });
  act(s, 'amendRelease', { method: 'WRITTEN', covers: covers(true, ['Valley Cities']) }, T0 + DAY);
  expect(act(s, 'recordService', service, T0 + DAY).events.at(-1)).toMatchObject({ type: 'SERVICE_RECORDED' });
  // Narrowed (the provider removed, staffing no longer covered): still a participant, version 3.
  const narrowed = eventsOf(
    decide(
      'amendRelease',
      s,
      { actor: cm, input: { method: 'VERBAL_MEMORIALIZED', memorializedBy: 'Ofc. Reyes', covers: covers(false) } },
      T0 + 2 * DAY,
    ),
  );
  expect(narrowed.map((e) => [e.type, e.ruleId])).toEqual([['RELEASE_AMENDED', 'R-CONSENT']]);
  apply(s, narrowed);
  expect(s).toMatchObject({
    stage: 'ENROLLED',
    consent: { status: 'GIVEN', version: 3, method: 'VERBAL_MEMORIALIZED', covers: covers(false) },
  });
  expect(refusal(() => decide('recordService', s, { actor: cm, input: service }, T0 + 3 * DAY))).toMatchObject({
    ruleId: 'R-CONSENT',
  });
  // An amendment that changes nothing, or with no release in force, is refused naming R-CONSENT.
  const same = { method: 'VERBAL_MEMORIALIZED' as const, memorializedBy: 'Ofc. Reyes', covers: covers(false) };
  expect(refusal(() => decide('amendRelease', s, { actor: cm, input: same }, T0 + 3 * DAY))).toMatchObject({
    code: 'RULE_CONFLICT',
    ruleId: 'R-CONSENT',
  });
  act(s, 'rescindConsent', {}, T0 + 4 * DAY);
  expect(s.stage).toBe('EXITED');
  const screened = act(newCase(), 'recordScreening', {}, T0);
  expect(refusal(() => decide('amendRelease', screened, { actor: cm, input: same }, T0 + DAY))).toMatchObject({
    code: 'RULE_CONFLICT',
    ruleId: 'R-CONSENT',
  });
});

test('actions refused by stage name the stage and the rule', () => {
  const s = newCase();
  expect(refusal(() => decide('recordIntake', s, { actor: cm, input: {} }, T0))).toMatchObject({
    code: 'RULE_CONFLICT',
    ruleId: 'R-SCREEN',
  });
  expect(refusal(() => decide('recordExit', s, { actor: cm, input: { reason: 'MOVED_AWAY' } }, T0))).toMatchObject({
    code: 'STAGE_CONFLICT',
    stage: 'AWAITING_SCREENING',
    ruleId: 'R-EXIT',
  });
  act(s, 'recordScreening', {}, T0);
  expect(refusal(() => decide('recordScreening', s, { actor: cm, input: {} }, T0))).toMatchObject({
    code: 'STAGE_CONFLICT',
    stage: 'AWAITING_INTAKE',
  });
});

test('R-INTAKE: an extension must move the deadline later; a schedule past the deadline is refused', () => {
  const s = newCase();
  const sergeant = { id: 'sgt-1', role: 'sergeant' as const };
  expect(
    refusal(() =>
      decide(
        'extendIntakeDeadline',
        s,
        { actor: sergeant, input: { newDueAt: new Date(T0 + 29 * DAY).toISOString(), reason: 'because' } },
        T0,
      ),
    ),
  ).toMatchObject({ code: 'INVALID_FIELD', field: 'newDueAt', ruleId: 'R-INTAKE' });
  expect(
    refusal(() =>
      decide(
        'recordScreening',
        s,
        { actor: cm, input: { intakeScheduledFor: new Date(T0 + 31 * DAY).toISOString() } },
        T0,
      ),
    ),
  ).toMatchObject({ code: 'INVALID_FIELD', field: 'intakeScheduledFor' });
  act(
    s,
    'extendIntakeDeadline',
    { newDueAt: new Date(T0 + 40 * DAY).toISOString(), reason: 'hospital stay' },
    T0 + 25 * DAY,
    sergeant,
  );
  expect(s.intakeDueAt).toBe(new Date(T0 + 40 * DAY).toISOString());
  expect(s.intakeExtensions[0]).toMatchObject({ by: sergeant, reason: 'hospital stay' });
});

test('R-SCENE: a return is judged by when it was observed', () => {
  const s = newCase();
  act(s, 'reportReturnToScene', { observedAt: new Date(T0 + 11 * HOUR).toISOString() }, T0 + 14 * HOUR, {
    id: 'o-1',
    role: 'officer',
  });
  expect(s.events.at(-1)?.data).toMatchObject({ withinWindow: true });
  expect(s.notices.at(-1)).toMatchObject({
    kind: 'RETURN_TO_SCENE',
    recipient: { role: 'sergeant', agency: 'BURIEN_PD' },
  });
  expect(
    refusal(() =>
      decide(
        'reportReturnToScene',
        s,
        { actor: { id: 'o-1', role: 'officer' }, input: { observedAt: new Date(T0 + 20 * HOUR).toISOString() } },
        T0 + 14 * HOUR,
      ),
    ),
  ).toMatchObject({ field: 'observedAt' });
});

test('R-VICTIM: no objection window without an identifiable victim; objection exactly at the end of day 7 is in time', () => {
  const prosecutor = { id: 'p-1', role: 'prosecutor' as const };
  expect(
    refusal(() => decide('recordVictimObjection', newCase(false), { actor: prosecutor, input: {} }, T0 + DAY)),
  ).toMatchObject({ ruleId: 'R-VICTIM' });
  const s = newCase(true);
  act(s, 'recordVictimObjection', {}, T0 + 7 * DAY, prosecutor);
  expect(s.victimObjectionAt).toBeDefined();
  const late = newCase(true);
  expect(
    refusal(() => decide('recordVictimObjection', late, { actor: prosecutor, input: {} }, T0 + 7 * DAY + 1)),
  ).toMatchObject({ code: 'RULE_CONFLICT', ruleId: 'R-VICTIM' });
});

test('notice ids are stable: the same event always owes the same notices', () => {
  const a = newCase();
  const b = newCase();
  expect(a.notices.map((n) => n.id)).toEqual(b.notices.map((n) => n.id));
  expect(new Set(a.notices.map((n) => n.id)).size).toBe(a.notices.length);
});
