/**
 * Validation problems in words an officer on a phone understands: "Enter the given name", "Choose the
 * agency" — never "Invalid input: expected object, received undefined" or a list of every accepted
 * code. The schemas' own messages (written as sentences, citing their rule) are kept as they are.
 */
export interface Problem {
  path: Array<string | number>;
  message: string;
  code?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  expected?: string;
  /** The value refused, when validation reports it (an absent one means the field was left empty). */
  input?: unknown;
}

export type FieldKind = 'input' | 'select' | 'choice' | 'group';

/** zod's own wording (ours never starts like this): those are rewritten, the rest kept. */
const GENERIC =
  /^(Invalid input|Invalid option|Invalid string|Invalid date|Invalid|Too small|Too big|Expected|Required)/i;

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
const the = (label: string) => (/^(the|a|an|your|their)\b/i.test(label) ? lower(label) : `the ${lower(label)}`);

export function plainSentence(problem: Problem, label: string | undefined, kind: FieldKind): string {
  const message = problem.message;
  if (!GENERIC.test(message)) return message.charAt(0).toUpperCase() + message.slice(1);
  const what = label ? the(label.replace(/[?:]\s*$/, '')) : 'this';
  const missing =
    ('input' in problem && (problem.input === undefined || problem.input === null)) ||
    /received undefined|received null|Required/i.test(message) ||
    (problem.code === 'too_small' && Number(problem.minimum) <= 1 && problem.origin === 'string');
  if (kind === 'choice') return label ? `Answer “${label}”` : 'Choose yes or no';
  if (problem.code === 'invalid_format' || /date|datetime/i.test(problem.format ?? ''))
    return `Enter ${what} as a date${problem.format === 'datetime' ? ' and time' : ''}`;
  if ((problem.code === undefined || problem.code === 'invalid_type') && /expected number/i.test(message) && !missing)
    return `Enter ${what} as a number`;
  if (missing) return kind === 'select' || kind === 'group' ? `Choose ${what}` : `Enter ${what}`;
  if (problem.code === 'invalid_value' || /Invalid option/i.test(message)) return `Choose ${what} from the list`;
  if (problem.code === 'too_small') {
    if (problem.origin === 'array') return `Choose at least ${problem.minimum} for ${what}`;
    if (problem.origin === 'number') return `${label ?? 'This'} must be at least ${problem.minimum}`;
    return `${label ?? 'This'} needs at least ${problem.minimum} characters`;
  }
  if (problem.code === 'too_big')
    return problem.origin === 'number'
      ? `${label ?? 'This'} is too large (at most ${problem.maximum})`
      : `${label ?? 'This'} is too long (at most ${problem.maximum} characters)`;
  return `Check ${what}`;
}
