import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

/**
 * AES-256-GCM encryption of every Temporal payload (workflow inputs, results, update arguments,
 * activity arguments…), so Temporal's history holds ciphertext instead of personal data. The key id
 * travels in the payload's metadata: the newest key encrypts, every configured key decrypts, so keys
 * can be rotated without losing old histories.
 */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface PayloadKey {
  id: string;
  key: Buffer;
}

/** `LEAD_PAYLOAD_KEYS="k2:<base64 32 bytes>,k1:<base64 32 bytes>"` — newest first. */
export function parsePayloadKeys(text: string): PayloadKey[] {
  const keys = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [id, material] = entry.split(':');
      const key = Buffer.from(material ?? '', 'base64');
      if (!id || !/^[\w.-]{1,40}$/.test(id) || key.length !== 32) {
        throw new Error(`LEAD_PAYLOAD_KEYS: "${id ?? entry}" must be <id>:<32 bytes in base64>`);
      }
      return { id, key };
    });
  if (keys.length === 0) throw new Error('LEAD_PAYLOAD_KEYS: at least one key is needed');
  return keys;
}

export const newPayloadKey = (id: string): PayloadKey => ({ id, key: randomBytes(32) });
export const formatPayloadKeys = (keys: PayloadKey[]) =>
  keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');

/**
 * A payload this service cannot decrypt: its key id names no configured key, or its ciphertext is not
 * one a configured key wrote (forged, altered or truncated). `field` names the part of the payload at fault.
 */
export class PayloadDecodeError extends Error {
  constructor(
    readonly index: number,
    readonly field: 'metadata.encryption-key-id' | 'data',
    message: string,
  ) {
    super(message);
    this.name = 'PayloadDecodeError';
  }
}

const text = (value: Uint8Array | null | undefined) => (value ? Buffer.from(value).toString('utf8') : undefined);

export class EncryptionCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: PayloadKey[]) {
    if (keys.length === 0) throw new Error('EncryptionCodec needs at least one key');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keys[0];
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: { [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: Buffer.from(id) },
        data,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload, index) => {
      if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
      const keyId = text(payload.metadata?.[KEY_ID_METADATA]) ?? '';
      const key = this.byId.get(keyId);
      if (!key) {
        const named = /^[\w.-]{1,40}$/.test(keyId) ? `"${keyId}"` : '(missing or malformed)';
        throw new PayloadDecodeError(
          index,
          'metadata.encryption-key-id',
          `No payload key ${named} is configured to decrypt this payload`,
        );
      }
      const data = Buffer.from(payload.data ?? new Uint8Array());
      const forged = () =>
        new PayloadDecodeError(
          index,
          'data',
          `The ciphertext was not written with payload key "${keyId}": forged, altered or truncated`,
        );
      if (data.length < IV_BYTES + TAG_BYTES) throw forged();
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      } catch {
        throw forged();
      }
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}
