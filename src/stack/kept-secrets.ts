import { randomBytes } from 'node:crypto';
import { generateLocalKey } from '../auth/tokens';
import { newPseudonymKey } from '../evaluation/pseudonym-key';
import { formatPayloadKeys, newPayloadKey } from '../temporal/payload-encryption';

/** The stack's secrets: chosen once per data directory, the same for every process, found again after a restart. */
export interface StackSecrets {
  passwords: { leadOwner: string; leadApp: string; temporal: string };
  payloadKeys: string;
  authLocalKey: string;
  csrfSecret: string;
  /** R-EVAL: one key for every API, so one person has one pseudonym whichever API answers (issue 22 item 8). */
  pseudonymKey: string;
}

const secret = () => randomBytes(24).toString('hex');

/** The secrets kept so far, with any that are missing (a data directory of an earlier version) made now. */
export async function keptSecrets(kept: Partial<StackSecrets>): Promise<StackSecrets> {
  return {
    passwords: kept.passwords ?? { leadOwner: secret(), leadApp: secret(), temporal: secret() },
    payloadKeys: kept.payloadKeys ?? formatPayloadKeys([newPayloadKey('stack-1')]),
    authLocalKey: kept.authLocalKey ?? JSON.stringify(await generateLocalKey()),
    csrfSecret: kept.csrfSecret ?? randomBytes(32).toString('base64'),
    pseudonymKey: kept.pseudonymKey ?? newPseudonymKey(),
  };
}
