/**
 * What a launcher has started, stopped in reverse order of starting: each step is waited for before
 * the next begins (a step may stop several parts at once, e.g. every API), and a step that fails is
 * reported and does not keep the steps before it from stopping. A part that finishes starting once the
 * stop has begun is stopped next, before the parts it came after. Stopping twice is stopping once.
 */
export interface StopStep {
  name: string;
  stop: () => unknown;
}

export class StopSequence {
  private readonly steps: StopStep[] = [];
  private stopping?: Promise<void>;
  private done = false;
  private readonly late: Promise<void>[] = [];

  /** `report` hears each step as it ends: its name, how long it took, and its error if it failed. */
  constructor(private readonly report: (step: string, ms: number, err?: unknown) => void = () => undefined) {}

  get stopped(): boolean {
    return this.stopping !== undefined;
  }

  /** The names of the steps still to stop, in the order they would stop. */
  get pending(): string[] {
    return this.steps.map((s) => s.name).reverse();
  }

  add(name: string, stop: () => unknown): void {
    if (this.done) this.late.push(this.run({ name, stop }));
    else this.steps.push({ name, stop });
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (let step = this.steps.pop(); step; step = this.steps.pop()) await this.run(step);
      this.done = true;
      await Promise.all(this.late);
    })();
    return this.stopping.then(() => Promise.all(this.late)).then(() => undefined);
  }

  private async run(step: StopStep): Promise<void> {
    const started = Date.now();
    try {
      await step.stop();
      this.report(step.name, Date.now() - started);
    } catch (err) {
      this.report(step.name, Date.now() - started, err);
    }
  }
}
