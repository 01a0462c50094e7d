import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataConverter } from '@temporalio/common';
import { generateLocalKey, type TokenSettings } from '../auth/tokens';
import { FAILURE_CONVERTER_PATH } from '../temporal/module-paths';
import { EncryptionCodec, formatPayloadKeys, newPayloadKey, parsePayloadKeys, type PayloadKey } from '../temporal/payload-encryption';

/**
 * Keys and identity settings of the processes. In production they come from the environment and a
 * missing one stops start-up with its name; `npm start` (dev) keeps generated ones in `.data/`.
 */
export function tokenSettings(env: NodeJS.ProcessEnv, localKey?: TokenSettings['localKey']): TokenSettings {
  return {
    issuer: env.AUTH_ISSUER ?? 'lead-referrals',
    audience: env.AUTH_AUDIENCE ?? 'lead-referrals',
    sessionSeconds: Math.round(Number(env.AUTH_SESSION_HOURS ?? 8) * 3600),
    jwksUrl: env.AUTH_JWKS_URL,
    localKey: localKey ?? (env.AUTH_LOCAL_KEY ? JSON.parse(env.AUTH_LOCAL_KEY) : undefined),
  };
}

export function requireTokenSettings(env: NodeJS.ProcessEnv): TokenSettings {
  const settings = tokenSettings(env);
  if (!settings.jwksUrl && !settings.localKey) {
    throw new Error('Set AUTH_JWKS_URL (your identity provider) or AUTH_LOCAL_KEY (local sign-in key pair, JSON) — the API verifies every request');
  }
  return settings;
}

export function requirePayloadKeys(env: NodeJS.ProcessEnv): PayloadKey[] {
  if (!env.LEAD_PAYLOAD_KEYS) throw new Error('Set LEAD_PAYLOAD_KEYS ("<id>:<32 bytes base64>", newest first): Temporal payloads are encrypted');
  return parsePayloadKeys(env.LEAD_PAYLOAD_KEYS);
}

/** Every payload encrypted, failure messages and stack traces included (as encoded attributes). */
export const dataConverterFor = (keys: PayloadKey[]): DataConverter => ({ payloadCodecs: [new EncryptionCodec(keys)], failureConverterPath: FAILURE_CONVERTER_PATH });

/** Dev only: a key pair and payload keys generated once and kept under the data folder. */
export async function devSecrets(dataDir: string): Promise<{ localKey: NonNullable<TokenSettings['localKey']>; payloadKeys: PayloadKey[] }> {
  mkdirSync(dataDir, { recursive: true });
  const keyFile = path.join(dataDir, 'auth-local-key.json');
  const payloadFile = path.join(dataDir, 'payload-keys.txt');
  if (!existsSync(keyFile)) writeFileSync(keyFile, JSON.stringify(await generateLocalKey()), { mode: 0o600 });
  if (!existsSync(payloadFile)) writeFileSync(payloadFile, formatPayloadKeys([newPayloadKey('dev-1')]), { mode: 0o600 });
  return {
    localKey: JSON.parse(readFileSync(keyFile, 'utf8')),
    payloadKeys: parsePayloadKeys(process.env.LEAD_PAYLOAD_KEYS ?? readFileSync(payloadFile, 'utf8')),
  };
}
