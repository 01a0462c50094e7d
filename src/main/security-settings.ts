import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataConverter } from '@temporalio/common';
import { generateLocalKey, type TokenSettings } from '../auth/tokens';
import { newPseudonymKey } from '../evaluation/pseudonym-key';
import { FAILURE_CONVERTER_PATH } from '../temporal/module-paths';
import {
  EncryptionCodec,
  formatPayloadKeys,
  newPayloadKey,
  parsePayloadKeys,
  type PayloadKey,
} from '../temporal/payload-encryption';
import { required, type Environment } from './environment';

/**
 * Keys and identity settings of the processes. In production they come from the environment and a
 * missing one stops start-up with its name (`requireFor`); `npm start` (dev) keeps generated ones in `.data/`.
 */
export function tokenSettings(env: Environment, localKey?: TokenSettings['localKey']): TokenSettings {
  return {
    issuer: env.AUTH_ISSUER ?? 'lead-referrals',
    audience: env.AUTH_AUDIENCE ?? 'lead-referrals',
    sessionSeconds: Math.round(env.AUTH_SESSION_HOURS * 3600),
    jwksUrl: env.AUTH_JWKS_URL,
    localKey: localKey ?? (env.AUTH_LOCAL_KEY ? parseLocalKey(env.AUTH_LOCAL_KEY) : undefined),
  };
}

function parseLocalKey(json: string): TokenSettings['localKey'] {
  try {
    return JSON.parse(json) as TokenSettings['localKey'];
  } catch {
    throw new Error('AUTH_LOCAL_KEY is not JSON: give the key pair as {"privateJwk": …, "publicJwk": …}');
  }
}

export function payloadKeysOf(env: Environment): PayloadKey[] {
  return parsePayloadKeys(required(env, 'LEAD_PAYLOAD_KEYS'));
}

/** Every payload encrypted, failure messages and stack traces included (as encoded attributes). */
export const dataConverterFor = (keys: PayloadKey[]): DataConverter => ({
  payloadCodecs: [new EncryptionCodec(keys)],
  failureConverterPath: FAILURE_CONVERTER_PATH,
});

/** Dev only: a key pair, payload keys and the pseudonym key generated once and kept under the data folder. */
export async function devSecrets(
  dataDir: string,
  env: Environment,
): Promise<{ localKey: NonNullable<TokenSettings['localKey']>; payloadKeys: PayloadKey[]; pseudonymKey: string }> {
  mkdirSync(dataDir, { recursive: true });
  const keyFile = path.join(dataDir, 'auth-local-key.json');
  const payloadFile = path.join(dataDir, 'payload-keys.txt');
  const pseudonymFile = path.join(dataDir, 'evaluation-pseudonym-key.txt');
  if (!existsSync(keyFile)) writeFileSync(keyFile, JSON.stringify(await generateLocalKey()), { mode: 0o600 });
  if (!existsSync(payloadFile))
    writeFileSync(payloadFile, formatPayloadKeys([newPayloadKey('dev-1')]), { mode: 0o600 });
  if (!existsSync(pseudonymFile)) writeFileSync(pseudonymFile, newPseudonymKey(), { mode: 0o600 });
  return {
    localKey: JSON.parse(readFileSync(keyFile, 'utf8')) as NonNullable<TokenSettings['localKey']>,
    payloadKeys: parsePayloadKeys(env.LEAD_PAYLOAD_KEYS ?? readFileSync(payloadFile, 'utf8')),
    pseudonymKey: env.EVALUATION_PSEUDONYM_KEY ?? readFileSync(pseudonymFile, 'utf8').trim(),
  };
}

/** Where `npm start` serves the API's metrics when API_METRICS_PORT is not set (the worker's: 9464). */
export const EMBEDDED_API_METRICS_PORT = 9465;

/**
 * The API's metrics listener: on METRICS_HOST (loopback unless set), at API_METRICS_PORT — in
 * production only when that is set, and then only with METRICS_TOKEN (`apiMetricsRequirements`);
 * `npm start` (embedded defaults) serves them on loopback without a token unless one is set.
 */
export function apiMetricsListener(
  env: Environment,
  embedded: boolean,
): { host: string; port: number; token?: string } | undefined {
  const port = env.API_METRICS_PORT ?? (embedded ? EMBEDDED_API_METRICS_PORT : undefined);
  if (port === undefined) return undefined;
  if (!embedded) required(env, 'METRICS_TOKEN');
  return { host: env.METRICS_HOST, port, token: env.METRICS_TOKEN };
}

/** What the production API needs besides, for its metrics: a bearer token once they are served. */
export const apiMetricsRequirements = (env: Environment): Array<keyof Environment> =>
  env.API_METRICS_PORT === undefined ? [] : ['METRICS_TOKEN'];
