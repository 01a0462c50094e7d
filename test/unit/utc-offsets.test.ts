import { UTC_OFFSET_YEARS, utcOffsetsFrom } from '../../src/config/utc-offsets';

/** R-INTAKE: the offsets a case carries, read from the time-zone data outside the workflow. */

test('America/Los_Angeles: each change of 2026 and 2027 at the minute it takes effect (02:00 local)', () => {
  expect(utcOffsetsFrom('America/Los_Angeles', new Date('2026-01-15T12:34:56Z')).slice(0, 5)).toEqual([
    { from: '2026-01-15T00:00:00.000Z', minutes: -480 }, // PST from the start of the case's UTC day
    { from: '2026-03-08T10:00:00.000Z', minutes: -420 }, // 8 March 2026, 02:00 PST → PDT
    { from: '2026-11-01T09:00:00.000Z', minutes: -480 }, // 1 November 2026, 02:00 PDT → PST
    { from: '2027-03-14T10:00:00.000Z', minutes: -420 },
    { from: '2027-11-07T09:00:00.000Z', minutes: -480 },
  ]);
});

test(`the schedule runs ${UTC_OFFSET_YEARS} years from the case's start: two changes a year in Los Angeles`, () => {
  const schedule = utcOffsetsFrom('America/Los_Angeles', new Date('2026-01-15T12:00:00Z'));
  expect(schedule).toHaveLength(1 + 2 * UTC_OFFSET_YEARS);
  expect(schedule.at(-1)).toEqual({ from: '2030-11-03T09:00:00.000Z', minutes: -480 });
});

test('a start during daylight time begins with the daylight offset', () => {
  expect(utcOffsetsFrom('America/Los_Angeles', new Date('2026-07-04T18:00:00Z'))[0]).toEqual({
    from: '2026-07-04T00:00:00.000Z',
    minutes: -420,
  });
});

test('zones without daylight saving have one offset; half-hour offsets are kept to the minute', () => {
  const at = new Date('2026-03-07T20:00:00Z');
  expect(utcOffsetsFrom('UTC', at)).toEqual([{ from: '2026-03-07T00:00:00.000Z', minutes: 0 }]);
  expect(utcOffsetsFrom('America/Phoenix', at)).toEqual([{ from: '2026-03-07T00:00:00.000Z', minutes: -420 }]);
  expect(utcOffsetsFrom('Asia/Kolkata', at)).toEqual([{ from: '2026-03-07T00:00:00.000Z', minutes: 330 }]);
  // Lord Howe Island moves by half an hour, at 02:00 local (5 April 2026, 15:00 UTC the day before).
  expect(utcOffsetsFrom('Australia/Lord_Howe', at).slice(0, 2)).toEqual([
    { from: '2026-03-07T00:00:00.000Z', minutes: 660 },
    { from: '2026-04-04T15:00:00.000Z', minutes: 630 },
  ]);
});

test('one computation per zone and UTC day: referrals of the same day share it', () => {
  const morning = utcOffsetsFrom('America/Los_Angeles', new Date('2026-05-05T01:00:00Z'));
  expect(utcOffsetsFrom('America/Los_Angeles', new Date('2026-05-05T23:59:59Z'))).toBe(morning);
  expect(utcOffsetsFrom('America/Los_Angeles', new Date('2026-05-06T00:00:00Z'))).not.toBe(morning);
  expect(utcOffsetsFrom('America/Phoenix', new Date('2026-05-05T01:00:00Z'))).not.toBe(morning);
});
