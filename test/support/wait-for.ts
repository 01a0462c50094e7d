/**
 * Polls `probe` until it yields a value: the barrier a test waits on instead of a fixed sleep. The
 * probe names what proves the work is done; the timeout only turns a hang into a failure that says what
 * never happened.
 */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
