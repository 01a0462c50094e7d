import { Prisma } from '../generated/prisma/client';
import { currentStageClock } from '../process/stage-clock';

/**
 * Every query's time, counted to the database share of the stage it runs in (src/process/stage-clock.ts)
 * when it runs for a timed request; elsewhere (the worker, scripts) it only runs the query. The begin
 * and commit of an interactive transaction are not operations: they stay in the stage's own time.
 */
export const timedQueries = Prisma.defineExtension({
  name: 'stage-timed-queries',
  query: {
    async $allOperations({ args, query }) {
      const clock = currentStageClock();
      clock?.queryStarted();
      try {
        const result: unknown = await query(args);
        return result;
      } finally {
        clock?.queryEnded();
      }
    },
  },
});
