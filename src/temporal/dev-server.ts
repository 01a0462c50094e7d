import { Connection } from '@temporalio/client';
import { SupervisedChild } from '../process/supervised-child';

/**
 * `npm start`'s Temporal: the CLI's dev server (with its Web UI), started as the SDK's
 * `TestWorkflowEnvironment.createLocal` starts it, but as a part of the launcher: in a process group of
 * its own (the terminal's Ctrl+C reaches the launcher, which stops it after the worker and before
 * PostgreSQL), stopped with SIGTERM and waited for — the SDK SIGKILLs its server and leaves it running
 * if its process dies first — and stopped by the launcher's watchdog should the launcher die.
 */
export interface DevServerOptions {
  executable: string;
  ip: string;
  port: number;
  uiPort: number;
  dbFilename: string;
  namespace: string;
  extraArgs: string[];
  /** How long it may take to accept calls (default 60 s: a loaded machine is slow to open a large file). */
  startTimeoutMs?: number;
}

export interface DevServer {
  address: string;
  pid: number;
  stop(): Promise<unknown>;
}

export async function startDevServer(o: DevServerOptions): Promise<DevServer> {
  const server = new SupervisedChild({
    name: 'temporal',
    command: o.executable,
    args: [
      'server',
      'start-dev',
      '--ip',
      o.ip,
      '--port',
      String(o.port),
      '--namespace',
      o.namespace,
      '--ui-port',
      String(o.uiPort),
      '--db-filename',
      o.dbFilename,
      '--log-format',
      'pretty',
      '--log-level',
      'warn',
      '--dynamic-config-value',
      'frontend.enableServerVersionCheck=false',
      ...o.extraArgs,
    ],
    // Its warnings go where the launcher's output goes, as the SDK's server's did.
    options: { stdio: ['ignore', 'inherit', 'inherit'] },
    ownProcessGroup: true,
  });
  const address = `${o.ip}:${o.port}`;
  const timeoutMs = o.startTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  try {
    while (!(await accepts(address, o.namespace))) {
      if (!server.running)
        throw new Error(
          `the Temporal dev server exited while starting (${server.spawnError?.message ?? `exit ${server.process.exitCode ?? server.process.signalCode}`})`,
        );
      if (Date.now() > deadline)
        throw new Error(`the Temporal dev server did not accept calls on ${address} within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    await server.stop();
    throw err;
  }
  return { address, pid: server.pid!, stop: () => server.stop() };
}

/** Ready once it answers for the namespace (its frontend can listen before the namespace exists). */
async function accepts(address: string, namespace: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 }).catch(() => undefined);
  if (!connection) return false;
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } catch {
    return false;
  } finally {
    await connection.close().catch(() => undefined);
  }
}
