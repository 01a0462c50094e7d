/** Records, for each bare workflow, the time from the client's start call to its activity running. */
export function createBareActivities(latencies: number[]) {
  return {
    async noop(startedAt: number): Promise<void> {
      latencies.push(Date.now() - startedAt);
    },
  };
}
