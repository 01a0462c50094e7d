import path from 'node:path';
import type { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { TokenService } from '../src/auth/tokens';
import type { PrismaClient } from '../src/generated/prisma/client';
import type { MailCapture } from '../src/mail/capture-server';
import { connectWorker, temporalConnectionSettings } from '../src/temporal/connection-settings';
import { startProcessStack } from '../test/support/process-stack';
import { startTestProductionStack } from '../test/support/production-stack';

/**
 * What the bench runs the product on — each engine with the product's API and worker processes and a
 * bare Temporal worker on the same server, so every figure can be read against bare Temporal on the
 * same engine:
 * - `dev`: `npm start`'s engine, the Temporal CLI's dev server (SQLite file), one worker, one API;
 * - `stack1`, `stack3`: `npm run stack`'s, the Temporal server v1.29.1 on PostgreSQL behind mTLS, two
 *   APIs behind the front, and one or three workers.
 */
export interface BenchEngine {
  key: string;
  description: string;
  baseUrl: string;
  db: PrismaClient;
  client: Client;
  tokens: TokenService;
  mail: MailCapture;
  dataConverter: Client['options']['dataConverter'];
  nativeConnection(): Promise<NativeConnection>;
  workerPids(): Array<number | undefined>;
  apiPids(): Array<number | undefined>;
  /** Every API's metrics (GET /metrics) and the bearer token they need. */
  apiMetrics: { urls: string[]; token: string };
  stop(): Promise<void>;
}

export const ENGINE_KEYS = ['dev', 'stack1', 'stack3'] as const;
export type EngineKey = (typeof ENGINE_KEYS)[number];

const LOGS = path.join(__dirname, '..', 'test-artifacts', 'bench-logs');

export async function startEngine(key: EngineKey, configChanges: (config: any) => void): Promise<BenchEngine> {
  const cache = process.env.WORKER_CACHED_WORKFLOWS ?? '100';
  if (key === 'dev') {
    const stack = await startProcessStack('bench', configChanges, {
      headersOnlyMail: true,
      logDir: path.join(LOGS, key),
      env: { WORKER_CACHED_WORKFLOWS: cache },
      apiMetrics: true,
    });
    return {
      key,
      description: `Temporal CLI dev server (SQLite file), 1 worker, 1 API`,
      baseUrl: stack.baseUrl,
      db: stack.db,
      client: stack.client,
      tokens: stack.tokens,
      mail: stack.mail,
      dataConverter: stack.dataConverter,
      nativeConnection: () => NativeConnection.connect({ address: stack.temporalAddress }),
      workerPids: () => [stack.parts.worker.pid],
      apiPids: () => [stack.parts.api.pid],
      apiMetrics: { urls: [stack.apiMetrics!.url], token: stack.apiMetrics!.token },
      stop: () => stack.stop(),
    };
  }
  const workers = key === 'stack1' ? 1 : 3;
  const stack = await startTestProductionStack(`bench-${key}`, configChanges, {
    workers,
    logDir: path.join(LOGS, key),
    env: { WORKER_CACHED_WORKFLOWS: cache },
    apiMetrics: true,
  });
  return {
    key,
    description: `Temporal server v1.29.1 on PostgreSQL 18 (mTLS), ${workers} worker${workers > 1 ? 's' : ''}, 2 APIs behind the front`,
    baseUrl: stack.baseUrl,
    db: stack.db,
    client: stack.client,
    tokens: stack.tokens,
    mail: stack.mail,
    dataConverter: stack.dataConverter,
    nativeConnection: () => connectWorker(temporalConnectionSettings(stack.temporalEnv)!),
    workerPids: () => stack.parts.workers.map((w) => w.pid),
    apiPids: () => stack.parts.apis.map((a) => a.pid),
    apiMetrics: stack.apiMetrics!,
    stop: () => stack.stop(),
  };
}
