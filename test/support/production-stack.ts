import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { createTokenService, type TokenService } from '../../src/auth/tokens';
import { DEFAULT_CONFIG_FILE } from '../../src/config/load-config';
import { HARBOR_COUNTY_CONFIG_FILE } from '../../src/programs/program-sources';
import { createPrisma, type PrismaClient } from '../../src/db/prisma';
import { dataConverterFor } from '../../src/main/security-settings';
import { startProductionStack, type ProductionStack } from '../../src/stack/production-stack';
import { parsePayloadKeys } from '../../src/temporal/payload-encryption';
import { registerTestTokens } from './api-client';
import { FAULT_LOGS } from './process-stack';
import type { ConfigFile } from './config-file';

/**
 * `npm run stack`'s topology for a test file: Temporal server on PostgreSQL behind mTLS, two APIs
 * behind the front, three workers. The test acts as the identity provider (tokens signed with the
 * stack's key) and reads the database as the application does.
 */
export interface TestProductionStack extends ProductionStack {
  db: PrismaClient;
  client: Client;
  tokens: TokenService;
  dataConverter: ReturnType<typeof dataConverterFor>;
}

export async function startTestProductionStack(
  name: string,
  configChanges: (config: ConfigFile) => void = () => undefined,
  options: {
    workers?: number;
    logDir?: string;
    env?: Record<string, string>;
    apiMetrics?: boolean;
    /** Issue 26: run Harbor County beside Burien, its file changed by `configChanges` too. */
    twoPrograms?: boolean;
  } = {},
): Promise<TestProductionStack> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `lead-${name}-`));
  chmodSync(dir, 0o755); // PostgreSQL's own user keeps its data in here
  // A program's id is its file's name: `burien`, `harbor-county`.
  const programFile = (source: string) => {
    const config = JSON.parse(readFileSync(source, 'utf8')) as ConfigFile;
    configChanges(config);
    const file = path.join(dir, path.basename(source));
    writeFileSync(file, JSON.stringify(config));
    return file;
  };
  const configFile = programFile(DEFAULT_CONFIG_FILE);
  const programFiles: Record<string, string> = options.twoPrograms
    ? { LEAD_PROGRAM_FILES: [configFile, programFile(HARBOR_COUNTY_CONFIG_FILE)].join(',') }
    : {};
  const stack = await startProductionStack({
    dataDir: dir,
    logDir: options.logDir ?? path.join(FAULT_LOGS, name),
    workers: options.workers,
    configFile,
    workflowBundle: process.env.LEAD_TEST_WORKFLOW_BUNDLE,
    mail: { headersOnly: true },
    apiMetrics: options.apiMetrics,
    env: {
      LOG_LEVEL: 'info',
      RECONCILE_INTERVAL_MS: '3000',
      RECONCILE_AFTER_MS: '3000',
      RATE_LIMIT_SUBMISSIONS: '100000',
      RATE_LIMIT_ORDER_CHECKS: '100000',
      ...programFiles,
      ...options.env,
    },
  });
  const db = createPrisma(stack.database.urls.appUrl, 4);
  const dataConverter = dataConverterFor(parsePayloadKeys(stack.processEnv.LEAD_PAYLOAD_KEYS));
  const connection = await stack.connect();
  const client = new Client({ connection, namespace: stack.namespace, dataConverter });
  const tokens = await createTokenService({
    issuer: 'lead-referrals',
    audience: 'lead-referrals',
    sessionSeconds: 3600,
    localKey: JSON.parse(stack.processEnv.AUTH_LOCAL_KEY),
  });
  registerTestTokens(stack.baseUrl, tokens);
  return {
    ...stack,
    db,
    client,
    tokens,
    dataConverter,
    async stop() {
      await connection.close().catch(() => undefined);
      await db.$disconnect().catch(() => undefined);
      await stack.stop();
    },
  };
}
