import { api, OfflineError, type ApiResult } from './api';

/**
 * Referral forms submitted without a connection wait on the device and are sent when it returns —
 * once: each carries its submissionId (the API answers a repeat with the same case) and leaves the
 * outbox as soon as the service has answered it.
 */
export interface OutboxItem {
  url: string;
  body: { submissionId: string; [key: string]: unknown };
  savedAt: string;
}

const KEY = 'lead-outbox';
let flushing: Promise<void> | undefined;

export function outbox(): OutboxItem[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]');
  } catch {
    return [];
  }
}

function save(items: OutboxItem[]): void {
  localStorage.setItem(KEY, JSON.stringify(items));
}

export function enqueue(item: OutboxItem): void {
  save([...outbox().filter((i) => i.body.submissionId !== item.body.submissionId), item]);
}

/** Sends what waits; items the service answered (accepted or refused) leave, the others stay. */
export function flush(onAnswer: (item: OutboxItem, result: ApiResult) => void): Promise<void> {
  if (flushing) return flushing;
  const run = (async () => {
    for (const item of outbox()) {
      let result: ApiResult;
      try {
        result = await api('POST', item.url, item.body);
      } catch (err) {
        if (err instanceof OfflineError) return;
        throw err;
      }
      if (result.status >= 500) return;
      save(outbox().filter((i) => i.body.submissionId !== item.body.submissionId));
      onAnswer(item, result);
    }
  })();
  // One flush at a time: a second call while one runs shares it.
  flushing = run.finally(() => {
    flushing = undefined;
  });
  return flushing;
}
