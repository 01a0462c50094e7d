import { randomBytes } from 'node:crypto';

/** R-EVAL: a new key of the evaluators' pseudonymous person ids (EVALUATION_PSEUDONYM_KEY), made once and kept. */
export const newPseudonymKey = (): string => randomBytes(32).toString('base64');
