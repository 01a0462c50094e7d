import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '../support/api-client';
import { freePort } from '../../src/net/free-port';

/**
 * `npm start` launched through npm — as a developer does, and as a process manager does — stops on
 * SIGTERM and on SIGINT: every part it started (the Temporal dev server, the embedded PostgreSQL, the
 * API) is gone, it reports "[dev] stopped", and its shutdown reports no error.
 */
const ROOT = path.join(__dirname, '..', '..');

async function startNpmStart(): Promise<{ npm: ChildProcess; output: () => string; ports: Record<string, number> }> {
  const ports = {
    PORT: await freePort(),
    TEMPORAL_PORT: await freePort(),
    TEMPORAL_UI_PORT: await freePort(),
    DEV_SMTP_PORT: await freePort(),
    EMBEDDED_DB_PORT: await freePort(),
    METRICS_PORT: await freePort(),
    API_METRICS_PORT: await freePort(),
  };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lead-npm-start-'));
  chmodSync(dataDir, 0o755); // the database server's own user keeps its data in here
  let text = '';
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      LEAD_DATA_DIR: dataDir,
      NODE_OPTIONS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, as in a terminal
  });
  npm.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  npm.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  await waitFor(
    async () => text.includes('LEAD referral service is running') || npm.exitCode !== null,
    'npm start to be running',
    240_000,
  );
  expect(text).toContain('LEAD referral service is running');
  return { npm, output: () => text, ports };
}

/** Every process in the session npm started: the parts `npm start` runs. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirProc()) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), entry]);
  }
  const found: number[] = [];
  const walk = (p: number) => (children.get(p) ?? []).forEach((c) => (found.push(c), walk(c)));
  walk(pid);
  return found;
}
function readdirProc(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
}

test.each([
  ['SIGTERM', 'to npm alone, as a process manager sends it', false],
  ['SIGINT', 'to the whole process group, as Ctrl+C in a terminal sends it', true],
  ['SIGTERM', 'to the whole process group, as a container stop sends it', true],
] as const)(
  'npm start stops cleanly on %s %s',
  async (signal, _how, group) => {
    const { npm, output, ports } = await startNpmStart();
    const parts = descendants(npm.pid!);
    expect(parts.length).toBeGreaterThan(2); // the service, the Temporal dev server, PostgreSQL…
    process.kill(group ? -npm.pid! : npm.pid!, signal);
    // npm's output is complete only once its pipes close; a part's exit alone can come before the
    // last lines reach this process.
    const closed = new Promise<void>((resolve) => npm.once('close', () => resolve()));
    await waitFor(async () => parts.every((pid) => !existsSync(`/proc/${pid}`)), 'every part to stop', 60_000);
    await closed;
    expect(output()).toContain('[dev] stopped');
    expect(output()).not.toMatch(/while stopping|IllegalStateError|failed to start/);
    const answered = await fetch(`http://127.0.0.1:${ports.PORT}/livez`).then(
      () => true,
      () => false,
    );
    expect(answered).toBe(false);
  },
  300_000,
);
