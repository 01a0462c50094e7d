import { Client } from '@temporalio/client';
import { apiAs, expectStatus, refusalOf } from '../../support/api-client';
import { settled, submitArrest } from '../../support/case-helpers';
import { arrestReferral } from '../../support/referrals';
import { startTestStack, type TestStack } from '../../support/test-stack';
import { EncryptionCodec, newPayloadKey } from '../../../src/temporal/payload-encryption';

/**
 * Temporal's history holds ciphertext: the raw history (read without the codec) carries no byte of
 * the person's name or date of birth, though the case's notes mention them; authorized supervisors
 * read it through the codec server; old keys still decrypt after rotation.
 */
const oldKey = newPayloadKey('2026-01');
const newKey = newPayloadKey('2026-11');
let stack: TestStack;
let caseId: string;
const person = { givenName: 'Evangeline', familyName: 'Marchbanks', dateOfBirth: '1983-10-17' };

beforeAll(async () => {
  stack = await startTestStack({ payloadKeys: [newKey, oldKey] });
  caseId = await submitArrest(stack, arrestReferral({ person }));
  // Free text is where personal data slips in: a case manager names the person in a note.
  await apiAs(stack.baseUrl, 'case_manager').act(caseId, 'left-before-screening', {
    note: `${person.givenName} ${person.familyName} (born ${person.dateOfBirth}) walked off towards the transit center`,
  });
  await settled(stack, caseId);
});
afterAll(async () => {
  await stack?.stop();
});

async function rawHistory() {
  const plain = new Client({ connection: stack.env.connection, namespace: 'default' }); // no codec
  return plain.workflow.getHandle(caseId).fetchHistory();
}

test('the raw history holds ciphertext: no byte sequence of the name or date of birth', async () => {
  const history = await rawHistory();
  const bytes = Buffer.from(JSON.stringify(history));
  for (const secret of [person.givenName, person.familyName, person.dateOfBirth]) {
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect(bytes.includes(Buffer.from(Buffer.from(secret).toString('base64').slice(0, 8)))).toBe(false);
  }
  const update = history.events!.find((e) => e.workflowExecutionUpdateAcceptedEventAttributes)!;
  const payload = update.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest!.input!.args!.payloads![0];
  expect(Buffer.from(payload.metadata!.encoding).toString()).toBe('binary/encrypted');
  expect(Buffer.from(payload.metadata!['encryption-key-id']).toString()).toBe('2026-11');
  // …while the product, which has the keys, reads the note.
  const view = await apiAs(stack.baseUrl, 'supervisor').getOk(`/api/cases/${caseId}`);
  expect(JSON.stringify(view.body.case.events)).toContain(person.familyName);
});

function toJson(payload: { metadata?: Record<string, Uint8Array | null> | null; data?: Uint8Array | null }) {
  return {
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')]),
    ),
    data: Buffer.from(payload.data ?? []).toString('base64'),
  };
}

test('the codec server decodes the same history for a supervisor, and refuses others', async () => {
  const history = await rawHistory();
  const update = history.events!.find((e) => e.workflowExecutionUpdateAcceptedEventAttributes)!;
  const encrypted = toJson(
    update.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest!.input!.args!.payloads![0],
  );
  const origin = 'http://localhost:8233';
  const decode = (headers: Record<string, string>) =>
    fetch(`${stack.baseUrl}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'x-namespace': 'default', ...headers },
      body: JSON.stringify({ payloads: [encrypted] }),
    });

  const { token: supervisorToken } = await stack.tokens.issue({ id: 'sup-1', role: 'supervisor' });
  const ok = await decode({ authorization: `Bearer ${supervisorToken}` });
  expect(ok.status).toBe(200);
  expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
  const [plain] = (await ok.json()).payloads;
  expect(Buffer.from(plain.metadata.encoding, 'base64').toString()).toBe('json/plain');
  expect(Buffer.from(plain.data, 'base64').toString()).toContain(person.familyName);

  expect((await decode({})).status).toBe(401);
  const { token: officerToken } = await stack.tokens.issue({ id: 'o-1', role: 'officer', agency: 'BURIEN_PD' });
  const denied = await decode({ authorization: `Bearer ${officerToken}` });
  expect(denied.status).toBe(403);
  expect((await denied.json()).error.permission).toBe('codec.decode');

  // CORS: the Web UI's origin only.
  const preflight = (from: string) =>
    fetch(`${stack.baseUrl}/codec/decode`, {
      method: 'OPTIONS',
      headers: {
        origin: from,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
  expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBe(origin);
  expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
});

test('a payload written under an old key still decodes after rotation; the newest key encrypts', async () => {
  const before = new EncryptionCodec([oldKey]);
  const [written] = await before.encode([
    { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('{"note":"written before rotation"}') },
  ]);
  expect(Buffer.from(written.metadata!['encryption-key-id']).toString()).toBe('2026-01');
  const [read] = await stack.codec.decode([written]);
  expect(Buffer.from(read.data!).toString()).toBe('{"note":"written before rotation"}');
  const [fresh] = await stack.codec.encode([read]);
  expect(Buffer.from(fresh.metadata!['encryption-key-id']).toString()).toBe('2026-11');
  await expect(new EncryptionCodec([newPayloadKey('other')]).decode([fresh])).rejects.toThrow(
    /No payload key "2026-11"/,
  );
});

test('issue 22 item 11: the codec server answers 400 naming the payload it cannot decode — unknown key id, forged ciphertext — never 500', async () => {
  const supervisor = apiAs(stack.baseUrl, 'supervisor', 'sup-codec-errors');
  const [foreign] = await new EncryptionCodec([newPayloadKey('retired-key')]).encode([
    { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('{}') },
  ]);
  const [genuine] = await stack.codec.encode([
    { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('{}') },
  ]);
  const forged = { ...toJson(genuine), data: Buffer.alloc(64, 7).toString('base64') };

  const unknownKey = await supervisor.post('/codec/decode', {
    payloads: [toJson(genuine as never), toJson(foreign as never)],
  });
  expectStatus(unknownKey, 400);
  expect(refusalOf(unknownKey)).toMatchObject({
    code: 'PAYLOAD_NOT_DECODABLE',
    fields: [
      {
        field: 'payloads.1.metadata.encryption-key-id',
        message: 'No payload key "retired-key" is configured to decrypt this payload',
      },
    ],
  });
  const forgery = await supervisor.post('/codec/decode', { payloads: [forged] });
  expectStatus(forgery, 400);
  expect(refusalOf(forgery)?.code).toBe('PAYLOAD_NOT_DECODABLE');
  expect(refusalOf(forgery)?.fields).toEqual([
    {
      field: 'payloads.0.data',
      message: 'The ciphertext was not written with payload key "2026-11": forged, altered or truncated',
    },
  ]);
  expect(refusalOf(forgery)?.message).toContain('payloads.0.data');
});
