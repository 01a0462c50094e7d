import { PROJECT_ROOT } from '../project-root';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createLogger } from '../logging';

const SCRIPTS = path.join(PROJECT_ROOT, 'scripts');

export type ServerExecutable = { type: 'existing-path'; path: string } | undefined;

/**
 * A Temporal binary provided by one of our scripts (built from the Go module proxy / assembled from
 * Maven Central, or named by an environment variable). `undefined` when the machine has neither:
 * the SDK then downloads its own, which needs internet access.
 */
function provide(script: string, what: string): ServerExecutable {
  try {
    const out = execFileSync(path.join(SCRIPTS, script), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    return { type: 'existing-path', path: out.trim().split('\n').pop()! };
  } catch (err) {
    if ((err as { status?: number }).status === 3) {
      createLogger('temporal').warn(`[temporal] no local ${what}; falling back to the SDK's download`);
      return undefined;
    }
    throw err;
  }
}

export const temporalCliExecutable = (): ServerExecutable => provide('provide-temporal-cli.sh', 'Temporal CLI');
export const timeSkippingServerExecutable = (): ServerExecutable =>
  provide('provide-temporal-test-server.sh', 'Temporal test server');

/** A real Temporal server with temporal-sql-tool, the Web UI server and the PostgreSQL schema (scripts/provide-temporal-server.sh). */
export function temporalServerTools(): string {
  const tools = provide('provide-temporal-server.sh', 'Temporal server');
  if (!tools)
    throw new Error(
      'The Temporal server is built from the Go module proxy: install Go (https://go.dev/dl/) or set TEMPORAL_SERVER_TOOLS_DIR',
    );
  return tools.path;
}
