import { casePolicyOf, loadConfig } from '../../src/config/load-config';
import { openArrestDiversion } from '../../src/case/open-case';
import { intakeDeadlineFrom } from '../../src/case/intake-deadline';

/** R-INTAKE (Decision 2026-12-02): the deadline is a local calendar date; every clock counts from acceptance. */
const policy = { ...casePolicyOf(loadConfig()), timeZone: 'America/Los_Angeles' };

test('R-INTAKE: a referral late on 28 February (Pacific) is due at the end of 30 March, local — the DST change of 8 March does not move it', () => {
  // 23:30 PST on 28 February is 07:30 UTC on 1 March: the referral's local date is 28 February.
  expect(intakeDeadlineFrom(Date.parse('2026-03-01T07:30:00Z'), policy)).toBe('2026-03-31T06:59:59.999Z');
});

test('R-INTAKE: across the return to standard time the deadline is still the end of the local day', () => {
  expect(intakeDeadlineFrom(Date.parse('2026-10-15T18:00:00Z'), policy)).toBe('2026-11-15T07:59:59.999Z');
});

test('every clock counts from when the API accepted the referral, not from when a worker first ran it', () => {
  const acceptedAt = '2026-06-10T17:00:00.000Z';
  const { state } = openArrestDiversion(
    {
      referralId: 'BUR-UNIT-1',
      agency: 'BURIEN_PD',
      prosecutorOffice: 'KCPAO',
      offenseLevel: 'FELONY',
      victimCrime: true,
      policy,
      acceptedAt,
    },
    Date.parse(acceptedAt) + 29_000, // the worker ran it 29 s later
  );
  expect(state.referredAt).toBe(acceptedAt);
  expect(state.screeningDueAt).toBe('2026-06-10T21:00:00.000Z');
  expect(state.sceneWindowEndsAt).toBe('2026-06-11T05:00:00.000Z');
  expect(state.victimObjectionDueAt).toBe('2026-06-17T17:00:00.000Z');
  expect(state.intakeDueAt).toBe('2026-07-11T06:59:59.999Z'); // end of 10 July, Pacific daylight time
});
