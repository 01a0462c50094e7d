import type { BenchEngine } from './engines';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the worker has caught up: no notice sent for five seconds running. */
export async function settle(stack: BenchEngine): Promise<void> {
  let last = -1;
  let quietSince = Date.now();
  for (;;) {
    const sent = await stack.db.notification.count({ where: { status: 'SENT' } });
    if (sent !== last) {
      last = sent;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= 5_000) {
      return;
    }
    await sleep(1_000);
  }
}
