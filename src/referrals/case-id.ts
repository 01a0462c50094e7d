import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A case id (= workflow id) derived from the submission id: short enough to read over a radio, carries
 * no personal data, and the same submission always yields the same id — the business key that makes
 * starts idempotent.
 */
export function caseIdFor(prefix: string, submissionId: string): string {
  const digest = createHash('sha256').update(submissionId.toLowerCase()).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 7)) bits = (bits << 8n) | BigInt(byte);
  let id = '';
  for (let i = 0; i < 10; i++) {
    id = CROCKFORD[Number(bits & 31n)] + id;
    bits >>= 5n;
  }
  return `${prefix}-${id}`;
}

export { CASE_ID_PATTERN } from '../shared/record-ids';
