import { StopSequence } from '../../src/process/stop-sequence';

/**
 * The order in which `npm start` and `npm run stack` stop what they started (src/process/stop-sequence.ts),
 * with fake parts that take time to stop: reverse order of starting, each waited for before the next.
 */
function fakeParts() {
  const events: string[] = [];
  const part =
    (name: string, ms = 5, fail = false) =>
    async () => {
      events.push(`${name} stopping`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`${name} stopped`);
      if (fail) throw new Error(`${name} failed to stop`);
    };
  return { events, part };
}

test('parts stop in reverse order of starting, each stopped before the next begins', async () => {
  const { events, part } = fakeParts();
  const reported: string[] = [];
  const sequence = new StopSequence((name) => reported.push(name));
  // As the stack starts them: PostgreSQL, Temporal, the workers, the APIs, the front.
  sequence.add('PostgreSQL', part('PostgreSQL', 20));
  sequence.add('Temporal', part('Temporal', 10));
  sequence.add('workers', part('workers', 15));
  sequence.add('APIs', part('APIs', 5));
  sequence.add('front', part('front', 1));
  expect(sequence.pending).toEqual(['front', 'APIs', 'workers', 'Temporal', 'PostgreSQL']);
  await sequence.stop();
  expect(events).toEqual([
    'front stopping',
    'front stopped',
    'APIs stopping',
    'APIs stopped',
    'workers stopping',
    'workers stopped',
    'Temporal stopping',
    'Temporal stopped',
    'PostgreSQL stopping',
    'PostgreSQL stopped',
  ]);
  expect(reported).toEqual(['front', 'APIs', 'workers', 'Temporal', 'PostgreSQL']);
});

test('a part that fails to stop is reported, and the parts started before it still stop', async () => {
  const { events, part } = fakeParts();
  const failures: string[] = [];
  const sequence = new StopSequence((name, _ms, err) => err && failures.push(`${name}: ${(err as Error).message}`));
  sequence.add('PostgreSQL', part('PostgreSQL'));
  sequence.add('worker', part('worker', 5, true));
  sequence.add('API', () => {
    throw new Error('synchronously');
  });
  await sequence.stop();
  expect(failures).toEqual(['API: synchronously', 'worker: worker failed to stop']);
  expect(events.at(-1)).toBe('PostgreSQL stopped');
});

test('stopping twice stops once; a part that finished starting during the stop is stopped next', async () => {
  const { events, part } = fakeParts();
  const sequence = new StopSequence();
  sequence.add('PostgreSQL', part('PostgreSQL'));
  sequence.add('Temporal', async () => {
    // While Temporal stops, the worker that was still starting finishes starting.
    sequence.add('worker', part('worker'));
    await part('Temporal')();
  });
  const [first, second] = [sequence.stop(), sequence.stop()];
  await Promise.all([first, second]);
  expect(sequence.stopped).toBe(true);
  expect(events).toEqual([
    'Temporal stopping',
    'Temporal stopped',
    'worker stopping',
    'worker stopped',
    'PostgreSQL stopping',
    'PostgreSQL stopped',
  ]);
  // Once everything has stopped, a late part is stopped at once, and a later stop waits for it.
  sequence.add('API', part('API'));
  await sequence.stop();
  expect(events.slice(-2)).toEqual(['API stopping', 'API stopped']);
});
