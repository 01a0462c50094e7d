import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { CODEC_ENDPOINT, TEMPORAL_UI_PATH } from '../shared/temporal-ui-paths';
import type { CertificateFiles } from './certificates';
import { httpOk, Part } from './part';

/**
 * The Temporal Web UI server on its own, as a production deployment runs it: it reaches the frontend
 * over mTLS, is served by the product's API at /temporal to signed-in supervisors, read-only, and
 * decodes payloads through the API's codec server on the same origin.
 */
export function temporalUiPart(options: {
  tools: string;
  configDir: string;
  logDir: string;
  port: number;
  frontendPort: number;
  namespace: string;
  certs: CertificateFiles;
}): Part {
  mkdirSync(options.configDir, { recursive: true });
  const config = {
    temporalGrpcAddress: `127.0.0.1:${options.frontendPort}`,
    host: '127.0.0.1',
    port: options.port,
    publicPath: TEMPORAL_UI_PATH,
    enableUi: true,
    defaultNamespace: options.namespace,
    showTemporalSystemNamespace: false,
    notifyOnNewVersion: false,
    refreshInterval: '0s',
    // Read-only: the server refuses every write (the API's proxy refuses them before it), the UI offers none.
    disableWriteActions: true,
    cors: { cookieInsecure: true, allowOrigins: [], unsafeAllowAllOrigins: false },
    tls: {
      caFile: options.certs.caCert,
      certFile: options.certs.clientCert,
      keyFile: options.certs.clientKey,
      serverName: options.certs.serverName,
      enableHostVerification: true,
    },
    codec: { endpoint: CODEC_ENDPOINT, passAccessToken: false, includeCredentials: false },
    auth: { enabled: false },
    hideLogs: true,
  };
  writeFileSync(path.join(options.configDir, 'development.yaml'), stringify(config));
  return new Part({
    name: 'temporal-ui',
    command: path.join(options.tools, 'temporal-ui-server'),
    args: ['--root', '/', '--config', options.configDir, '--env', 'development', 'start'],
    logDir: options.logDir,
    ownProcessGroup: true,
    ready: httpOk(`http://127.0.0.1:${options.port}${TEMPORAL_UI_PATH}/api/v1/namespaces`),
  });
}
