import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { stringify } from 'yaml';
import type { CertificateFiles } from './certificates';
import { Part } from './part';
import { dynamicConfigYaml, HISTORY_SHARDS, NAMESPACE_RETENTION_DAYS } from './settings';

/**
 * A real Temporal server (v1.29, built from the Go module proxy) on PostgreSQL: persistence and SQL
 * (advanced) visibility in databases of its own role, its frontend served with mutual TLS. Its own
 * system workers reach the frontend with the stack's client certificate (`global.tls.systemWorker`).
 */
export interface TemporalServerPorts {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
}
export const TEMPORAL_PORT_NAMES: Array<keyof TemporalServerPorts> = [
  'frontend',
  'frontendHttp',
  'frontendMembership',
  'history',
  'historyMembership',
  'matching',
  'matchingMembership',
  'worker',
  'workerMembership',
];

export interface TemporalServerSettings {
  tools: string;
  configDir: string;
  postgres: { port: number; role: string; password: string; databases: readonly string[] };
  ports: TemporalServerPorts;
  certs: CertificateFiles;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

const run = promisify(execFile);
/** grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING */
const SERVING = 1;

/** Creates or upgrades Temporal's schema in its two (already provisioned) databases; idempotent. */
export async function applyTemporalSchema(s: TemporalServerSettings): Promise<void> {
  const [persistence, visibility] = s.postgres.databases;
  const env = {
    ...process.env,
    SQL_PLUGIN: 'postgres12',
    SQL_HOST: '127.0.0.1',
    SQL_PORT: String(s.postgres.port),
    SQL_USER: s.postgres.role,
    SQL_PASSWORD: s.postgres.password,
  };
  const tool = path.join(s.tools, 'temporal-sql-tool');
  for (const [database, versioned] of [
    [persistence, 'temporal'],
    [visibility, 'visibility'],
  ] as const) {
    await run(tool, ['--db', database, 'setup-schema', '-v', '0.0'], { env });
    await run(
      tool,
      [
        '--db',
        database,
        'update-schema',
        '-d',
        path.join(s.tools, 'schema', 'postgresql', 'v12', versioned, 'versioned'),
      ],
      { env },
    );
  }
}

/** Writes the server's configuration (`<configDir>/development.yaml`, and its dynamic configuration). */
export function writeServerConfig(s: TemporalServerSettings): void {
  mkdirSync(s.configDir, { recursive: true });
  const dynamicConfigFile = path.join(s.configDir, 'dynamicconfig.yaml');
  writeFileSync(dynamicConfigFile, dynamicConfigYaml());
  const [persistence, visibility] = s.postgres.databases;
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `127.0.0.1:${s.postgres.port}`,
      connectProtocol: 'tcp',
      user: s.postgres.role,
      password: s.postgres.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const service = (grpcPort: number, membershipPort: number, extra: Record<string, unknown> = {}) => ({
    rpc: { grpcPort, membershipPort, bindOnLocalHost: true, ...extra },
  });
  const p = s.ports;
  const config = {
    log: { stdout: true, level: s.logLevel ?? 'warn' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: HISTORY_SHARDS,
      datastores: { 'postgres-default': store(persistence, 20), 'postgres-visibility': store(visibility, 10) },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
      tls: {
        frontend: {
          server: {
            certFile: s.certs.serverCert,
            keyFile: s.certs.serverKey,
            requireClientAuth: true,
            clientCaFiles: [s.certs.caCert],
          },
        },
        // The server's own scanners, scheduler and batcher call the frontend like any client.
        systemWorker: {
          certFile: s.certs.clientCert,
          keyFile: s.certs.clientKey,
          client: { serverName: s.certs.serverName, rootCaFiles: [s.certs.caCert] },
        },
      },
    },
    services: {
      frontend: service(p.frontend, p.frontendMembership, { httpPort: p.frontendHttp }),
      history: service(p.history, p.historyMembership),
      matching: service(p.matching, p.matchingMembership),
      worker: service(p.worker, p.workerMembership),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `localhost:${p.frontend}`,
          httpAddress: `localhost:${p.frontendHttp}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
  };
  writeFileSync(path.join(s.configDir, 'development.yaml'), stringify(config));
}

/** The mTLS client options every connection of the stack uses. */
export function mtlsOptions(certs: CertificateFiles) {
  return {
    serverNameOverride: certs.serverName,
    serverRootCACertificate: readFileSync(certs.caCert),
    clientCertPair: { crt: readFileSync(certs.clientCert), key: readFileSync(certs.clientKey) },
  };
}

/**
 * The server process. Ready when the frontend answers over mTLS and, once the namespace exists, its
 * matching service does too (a frontend can answer before matching has joined the cluster).
 */
export function temporalServerPart(s: TemporalServerSettings, logDir: string, namespace: string): Part {
  return new Part({
    name: 'temporal-server',
    command: path.join(s.tools, 'temporal-server'),
    args: ['--root', '/', '--config', s.configDir, '--env', 'development', '--allow-no-auth', 'start'],
    logDir,
    startTimeoutMs: 120_000,
    ownProcessGroup: true,
    ready: async () => {
      const connection = await Connection.connect({
        address: `127.0.0.1:${s.ports.frontend}`,
        tls: mtlsOptions(s.certs),
        connectTimeout: 2_000,
      });
      try {
        const health = await connection.healthService.check({
          service: 'temporal.api.workflowservice.v1.WorkflowService',
        });
        if (Number(health.status) !== SERVING) return false;
        const known = await connection.workflowService.describeNamespace({ namespace }).then(
          () => true,
          () => false,
        );
        if (!known) return true;
        await connection.workflowService.describeTaskQueue({ namespace, taskQueue: { name: 'lead-stack-readiness' } });
        return true;
      } finally {
        await connection.close();
      }
    },
  });
}

/** Registers the namespace when missing and waits until it accepts calls. */
export async function ensureNamespace(connection: Connection, namespace: string): Promise<void> {
  const exists = await connection.workflowService.describeNamespace({ namespace }).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs(`${NAMESPACE_RETENTION_DAYS} days`),
    });
  }
  for (let i = 0; i < 300; i++) {
    const ok = await connection.workflowService.listWorkflowExecutions({ namespace, pageSize: 1 }).then(
      () => true,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Temporal namespace ${namespace} did not become usable`);
}
