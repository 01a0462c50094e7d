import { StopSequence } from './stop-sequence';
import { say, complain } from './terminal';

/**
 * What `npm start` and `npm run stack` share: the parts they start, stopped in reverse order of starting
 * when asked to stop — SIGINT (Ctrl+C: the parts run in process groups of their own, so it reaches the
 * launcher only), SIGTERM (to npm, to the launcher or to its process group), SIGHUP (the terminal
 * closed) — or when its parent goes away (npm runs it under a shell, which may exit on SIGTERM without
 * passing it on). A launcher that dies without stopping them leaves them to its watchdog
 * (./watchdog.ts). Each step is reported as `[label] stopped <part>`, then `[label] stopped`.
 */
export interface Launcher {
  parts: StopSequence;
  /** Stops every part, then exits with `code`. */
  shutdown: (code: number) => Promise<void>;
}

export function launcher(label: string): Launcher {
  const parts = new StopSequence((part, ms, err) =>
    err
      ? complain(`[${label}] while stopping ${part}:`, err)
      : say(`[${label}] stopped ${part} (${(ms / 1000).toFixed(1)} s)`),
  );
  let stopping: Promise<void> | undefined;
  const shutdown = (code: number): Promise<void> => {
    stopping ??= (async () => {
      const pending = parts.pending;
      if (pending.length) say(`[${label}] stopping ${pending.join(', ')}`);
      await parts.stop();
      say(`[${label}] stopped`);
      process.exit(code);
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => {
      if (stopping) say(`[${label}] ${signal}: still stopping (${parts.pending.join(', ') || 'last steps'})`);
      void shutdown(0);
    });
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(0);
  }, 1_000).unref();
  return { parts, shutdown };
}
