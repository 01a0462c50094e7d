import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import type { CasePolicy } from '../../src/case/case-policy';
import { casePolicyOf, loadConfig } from '../../src/config/load-config';
import { openArrestDiversion } from '../../src/case/open-case';
import { intakeDeadlineFrom } from '../../src/case/intake-deadline';

/** R-INTAKE (Decision 2026-12-02): the deadline is a local calendar date; every clock counts from acceptance. */
const DAY = 86_400_000;
const config = loadConfig();

/** A case's policy as the API builds it for a referral at `at`, in `timeZone`, with an intake deadline of `days`. */
function policyIn(timeZone: string, at: string, days = 30): CasePolicy {
  const policy = casePolicyOf({ ...config, program: { ...config.program, timezone: timeZone } }, new Date(at));
  return { ...policy, intakeDeadlineMs: days * DAY };
}
const deadline = (timeZone: string, at: string, days = 30) =>
  intakeDeadlineFrom(Date.parse(at), policyIn(timeZone, at, days));

const policy = policyIn('America/Los_Angeles', '2026-03-01T07:30:00Z');

test('R-INTAKE: a referral late on 28 February (Pacific) is due at the end of 30 March, local — the DST change of 8 March does not move it', () => {
  // 23:30 PST on 28 February is 07:30 UTC on 1 March: the referral's local date is 28 February.
  expect(intakeDeadlineFrom(Date.parse('2026-03-01T07:30:00Z'), policy)).toBe('2026-03-31T06:59:59.999Z');
});

test('R-INTAKE: across the return to standard time the deadline is still the end of the local day', () => {
  expect(deadline('America/Los_Angeles', '2026-10-15T18:00:00Z')).toBe('2026-11-15T07:59:59.999Z');
});

test('R-INTAKE: a referral on the day before the clocks go forward (7 March 2026, Pacific)', () => {
  // Noon PST, and 23:30 PST (07:30 UTC on 8 March): both on 7 March, local.
  expect(deadline('America/Los_Angeles', '2026-03-07T20:00:00Z')).toBe('2026-04-07T06:59:59.999Z'); // 6 April, PDT
  expect(deadline('America/Los_Angeles', '2026-03-08T07:30:00Z')).toBe('2026-04-07T06:59:59.999Z');
  // A one-day deadline ends at the end of 8 March, the 23-hour day of the change itself.
  expect(deadline('America/Los_Angeles', '2026-03-07T20:00:00Z', 1)).toBe('2026-03-09T06:59:59.999Z');
  expect(deadline('America/Los_Angeles', '2026-03-08T07:30:00Z', 1)).toBe('2026-03-09T06:59:59.999Z');
});

test('R-INTAKE: a referral on the day before the clocks go back (31 October 2026, Pacific)', () => {
  expect(deadline('America/Los_Angeles', '2026-10-31T19:00:00Z')).toBe('2026-12-01T07:59:59.999Z'); // 30 Nov, PST
  // A one-day deadline ends at the end of 1 November, the 25-hour day of the change itself.
  expect(deadline('America/Los_Angeles', '2026-10-31T19:00:00Z', 1)).toBe('2026-11-02T07:59:59.999Z');
});

test('R-INTAKE: in a zone without daylight saving the deadline is the end of the local day all year', () => {
  // Arizona keeps MST (UTC−7): in winter an hour before the Pacific deadline of the same dates.
  expect(deadline('America/Phoenix', '2026-01-10T20:00:00Z')).toBe('2026-02-10T06:59:59.999Z');
  expect(deadline('America/Phoenix', '2026-03-07T20:00:00Z')).toBe('2026-04-07T06:59:59.999Z');
  // India (UTC+5:30): 01:30 on 8 March, local.
  expect(deadline('Asia/Kolkata', '2026-03-07T20:00:00Z')).toBe('2026-04-07T18:29:59.999Z');
});

test('R-INTAKE: in UTC the deadline is the end of the UTC day', () => {
  expect(deadline('UTC', '2026-03-07T23:59:59Z')).toBe('2026-04-06T23:59:59.999Z');
  expect(deadline('UTC', '2026-03-08T00:00:00Z')).toBe('2026-04-07T23:59:59.999Z');
});

/** The former computation, from the host's time-zone data (date-fns-tz), calendar days counted in UTC. */
function fromHostZoneData(startMs: number, timeZone: string, days: number): string {
  const localDate = Date.parse(`${formatInTimeZone(startMs, timeZone, 'yyyy-MM-dd')}T00:00:00Z`);
  const dayAfter = new Date(localDate + (days + 1) * DAY).toISOString().slice(0, 10);
  return new Date(fromZonedTime(`${dayAfter}T00:00:00`, timeZone).getTime() - 1).toISOString();
}

test.each(['America/Los_Angeles', 'America/Phoenix', 'UTC'])(
  'R-INTAKE: %s — every referral time over 2026 and 2027 gets the deadline the time-zone data gives',
  (timeZone) => {
    const from = '2026-01-01T00:00:00Z';
    const differing: string[] = [];
    for (const days of [1, 30]) {
      const casePolicy = policyIn(timeZone, from, days);
      for (let at = Date.parse(from); at < Date.parse('2028-01-01T00:00:00Z'); at += 7 * 3600_000 + 13 * 60_000) {
        const expected = fromHostZoneData(at, timeZone, days);
        if (intakeDeadlineFrom(at, casePolicy) !== expected) differing.push(`${new Date(at).toISOString()} +${days}d`);
      }
    }
    expect(differing).toEqual([]);
  },
);

test("R-INTAKE: the deadline does not depend on the worker host's own time zone", () => {
  const hostZone = process.env.TZ;
  const at = '2026-03-07T20:00:00Z';
  const casePolicy = policyIn('America/Los_Angeles', at, 1);
  try {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Pacific/Auckland']) {
      process.env.TZ = tz;
      expect(intakeDeadlineFrom(Date.parse(at), casePolicy)).toBe('2026-03-09T06:59:59.999Z');
    }
  } finally {
    if (hostZone === undefined) delete process.env.TZ;
    else process.env.TZ = hostZone;
  }
});

test("R-INTAKE: a clock starting after the schedule's end keeps its last offset", () => {
  const casePolicy = policyIn('America/Los_Angeles', '2026-01-01T00:00:00Z');
  // The schedule ends with standard time (November 2030): a July 2032 start is counted in PST, not PDT.
  expect(casePolicy.utcOffsets.at(-1)).toEqual({ from: '2030-11-03T09:00:00.000Z', minutes: -480 });
  expect(intakeDeadlineFrom(Date.parse('2032-07-01T19:00:00Z'), casePolicy)).toBe('2032-08-01T07:59:59.999Z');
});

test('R-INTAKE: a policy without offsets is refused, never read with the host zone', () => {
  expect(() => intakeDeadlineFrom(Date.parse('2026-03-07T20:00:00Z'), { ...policy, utcOffsets: [] })).toThrow(
    /R-INTAKE.*utcOffsets/,
  );
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
      policy: policyIn('America/Los_Angeles', acceptedAt),
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
