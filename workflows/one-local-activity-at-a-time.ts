/**
 * Runs a case's local activities one at a time, in the order they were asked for.
 *
 * Why: live, the SDK hands each local activity's result to the workflow as it arrives; on replay it may
 * hand several recorded results over in one activation. A case whose projection, notices and retries ran
 * side by side could then ask for a different number of projections on replay than it recorded — a
 * nondeterminism error that stops the case ("Missing associated machine for LocalActivity(7)", seen
 * in the stack's rolling-restart test). With one in flight, each activation holds at most one
 * local activity's result, live and on replay alike.
 */
export class OneLocalActivityAtATime {
  private running = false;
  private readonly waiting: Array<() => void> = [];

  async run<T>(step: () => Promise<T>): Promise<T> {
    // A waiter is handed the turn with `running` still set.
    if (this.running) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running = true;
    try {
      return await step();
    } finally {
      // Straight to the next in line, so nothing asked later overtakes it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running = false;
    }
  }
}
