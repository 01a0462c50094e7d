import { currentStageClock, stage, StageClock } from '../../src/process/stage-clock';

/** Issue 25 item 1: a request's time split into stages, on a clock the test moves by hand. */
function handClock() {
  let now = 0;
  return { clock: new StageClock(() => now), advance: (ms: number) => void (now += ms) };
}

const byStage = (clock: StageClock) => Object.fromEntries(clock.stages().map((s) => [s.stage, s]));

test('time counts to one stage at a time, in the order first entered, `other` last, adding up to the whole', async () => {
  const { clock, advance } = handClock();
  advance(1);
  await clock.time('eligibility', async () => {
    advance(4);
    await stage('protective_orders', async () => advance(2));
    advance(1);
  });
  clock.time('initial_view', () => advance(3));
  advance(5);
  await clock.time('eligibility', async () => advance(1));
  const stages = clock.stages();
  expect(stages.map((s) => [s.stage, s.ms])).toEqual([
    ['eligibility', 6],
    ['protective_orders', 2],
    ['initial_view', 3],
    ['other', 6],
  ]);
  expect(stages.reduce((sum, s) => sum + s.ms, 0)).toBe(17);
});

test('a stage that fails hands the time back to the stage it was entered from', async () => {
  const { clock, advance } = handClock();
  await expect(
    clock.time('record_referral', async () => {
      advance(2);
      throw new Error('refused');
    }),
  ).rejects.toThrow('refused');
  expect(() =>
    clock.time('answer', () => {
      advance(1);
      throw new Error('outside the contract');
    }),
  ).toThrow('outside the contract');
  advance(3);
  expect(byStage(clock)).toMatchObject({ record_referral: { ms: 2 }, answer: { ms: 1 }, other: { ms: 3 } });
});

test('the database share is wall time with a query in flight, overlapping queries counted once', async () => {
  const { clock, advance } = handClock();
  await clock.time('protective_orders', async () => {
    const query = currentStageClock()!;
    query.queryStarted();
    advance(2);
    query.queryStarted();
    advance(3);
    query.queryEnded();
    advance(1);
    query.queryEnded();
    advance(4);
  });
  expect(byStage(clock).protective_orders).toEqual({ stage: 'protective_orders', ms: 10, databaseMs: 6, queries: 2 });
});

test('outside a timed request a stage only runs its work', () => {
  expect(currentStageClock()).toBeUndefined();
  expect(stage('eligibility', () => 42)).toBe(42);
});
