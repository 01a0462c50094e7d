/**
 * The watchdog process of a launcher (src/process/watchdog.ts): it reads, one JSON line each, the
 * processes the launcher starts ({"watch": …}) and those it has seen exit ({"forget": pid}). When its
 * input ends — the launcher has exited, however: stopped, crashed, SIGKILLed — it stops every process
 * still watched, newest first, as the launcher would have: its stop signal, up to its timeout to exit,
 * then SIGKILL (to its whole process group when it leads one). A launcher that stopped everything
 * itself leaves it nothing to do. Node built-ins only: it must start anywhere the launcher does.
 */
import { processAlive, signalProcess } from './processes';
import type { Watched } from './watchdog';

const launcher = process.argv[2] ?? '?';
const watched = new Map<number, Watched>();
const say = (text: string) => {
  try {
    process.stderr.write(`[watchdog] ${text}\n`);
  } catch {
    // the launcher's terminal may be gone: stopping matters more than saying so
  }
};
process.stderr.on('error', () => undefined);
// In a session of its own no terminal signal reaches it; should one be sent, it has work left to do.
for (const signal of ['SIGINT', 'SIGHUP', 'SIGPIPE'] as const) process.on(signal, () => undefined);

function handle(line: string): void {
  if (!line.trim()) return;
  try {
    const message = JSON.parse(line) as { watch?: Watched; forget?: number };
    if (message.watch) watched.set(message.watch.pid, message.watch);
    if (message.forget !== undefined) watched.delete(message.forget);
  } catch {
    say(`ignored a line it could not read: ${line.slice(0, 80)}`);
  }
}

async function stop(part: Watched): Promise<void> {
  if (!processAlive(part.pid)) {
    if (part.group) signalProcess(part.pid, 'SIGKILL', true); // what it left in its group
    return;
  }
  say(`launcher ${launcher} exited: stopping ${part.name} (pid ${part.pid}) with ${part.signal}`);
  signalProcess(part.pid, part.signal, false);
  const deadline = Date.now() + part.timeoutMs;
  while (processAlive(part.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (processAlive(part.pid)) say(`${part.name} (pid ${part.pid}) still ran after ${part.timeoutMs} ms: SIGKILL`);
  signalProcess(part.pid, 'SIGKILL', part.group);
}

let stopping = false;
async function launcherGone(): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const part of [...watched.values()].reverse()) await stop(part);
  process.exit(0);
}

let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  pending += chunk;
  for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
    handle(pending.slice(0, end));
    pending = pending.slice(end + 1);
  }
});
process.stdin.on('end', () => void launcherGone());
process.stdin.on('error', () => void launcherGone());
