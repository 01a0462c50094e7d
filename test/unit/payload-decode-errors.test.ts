import { randomBytes } from 'node:crypto';
import type { Payload } from '@temporalio/common';
import { EncryptionCodec, newPayloadKey, PayloadDecodeError } from '../../src/temporal/payload-encryption';

/** issue 22 item 11: a payload the service cannot decrypt is a named problem of that payload, not a crash. */
const codec = new EncryptionCodec([newPayloadKey('k1')]);
const plain: Payload = { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('{"note":"x"}') };

async function problemOf(payloads: Payload[]) {
  const err = await codec.decode(payloads).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PayloadDecodeError);
  const { index, field, message } = err as PayloadDecodeError;
  return { index, field, message };
}

const encrypted = (metadata: Record<string, string>, data: Buffer): Payload => ({
  metadata: Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, Buffer.from(v)])),
  data,
});

test('issue 22 item 11: an unknown key id names the key id of the payload at fault', async () => {
  const [written] = await new EncryptionCodec([newPayloadKey('other-key')]).encode([plain]);
  expect(await problemOf([plain, written])).toEqual({
    index: 1,
    field: 'metadata.encryption-key-id',
    message: 'No payload key "other-key" is configured to decrypt this payload',
  });
  const unnamed = encrypted({ encoding: 'binary/encrypted' }, randomBytes(64));
  expect(await problemOf([unnamed])).toMatchObject({ index: 0, field: 'metadata.encryption-key-id' });
  // A key id that is not one (control characters, any length) is not echoed.
  const hostile = encrypted({ encoding: 'binary/encrypted', 'encryption-key-id': '<script>\n' }, randomBytes(64));
  expect((await problemOf([hostile])).message).toBe(
    'No payload key (missing or malformed) is configured to decrypt this payload',
  );
});

test('issue 22 item 11: forged, altered and truncated ciphertexts are refused as such, naming the data', async () => {
  const [written] = await codec.encode([plain]);
  const altered = Buffer.from(written.data!);
  altered[20] ^= 1;
  for (const data of [randomBytes(80), altered, Buffer.from(written.data!).subarray(0, 20), Buffer.alloc(0)]) {
    expect(await problemOf([{ ...written, data }])).toEqual({
      index: 0,
      field: 'data',
      message: 'The ciphertext was not written with payload key "k1": forged, altered or truncated',
    });
  }
  expect(Buffer.from((await codec.decode([written]))[0].data!).toString()).toBe('{"note":"x"}');
});
