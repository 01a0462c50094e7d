import type { AnswerTo, ErrorBody } from '../../api/contract/api-answers';
import { PERMISSIONS, type Permission } from '../../contract/permissions';
import { plainRefusal, stageLabel } from '../../contract/plain-language';
import { programZone } from './dom';
import { plainSentence } from './plain-errors';
import { notForYou, programsOfSession, signedIn } from './session';
import { PROGRAM_HEADER } from '../../shared/program-choice';

export class OfflineError extends Error {}

/** An answer: for a call the contracts know, one of its declared statuses with that status's body. */
export type ApiResult<A extends { status: number; body: unknown } = { status: number; body: unknown }> = A & {
  /** The answer's headers (Retry-After, RateLimit: when to ask again after a 429 or 503). */
  headers?: Headers;
};

/** The refusal an answer carries, if its body is one. */
export function refusalOf(body: unknown): ErrorBody['error'] | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'code' in error ? (error as ErrorBody['error']) : undefined;
}

let csrfToken: Promise<string | undefined> | undefined;
async function csrf(refresh = false): Promise<string | undefined> {
  if (refresh) csrfToken = undefined;
  csrfToken ??= fetch('/api/auth/csrf', { credentials: 'same-origin' })
    .then(async (res) => (res.ok ? ((await res.json()) as { csrfToken?: string }).csrfToken : undefined))
    .catch(() => undefined);
  return csrfToken;
}

/**
 * Calls the product's API with the session cookie; changes carry the CSRF token (double submit).
 * A network failure is an OfflineError. The answer's type comes from the route contract the method
 * and path reach.
 */
export async function api<M extends 'GET' | 'POST', P extends string>(
  method: M,
  path: P,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResult<AnswerTo<M, P>>> {
  // A page works in the program it was loaded in, whatever another tab chose since (issue 26).
  const session = programsOfSession();
  const program: Record<string, string> =
    session && session.programs.length > 1 ? { [PROGRAM_HEADER]: session.program.id } : {};
  const send = async (refreshCsrf: boolean): Promise<ApiResult<AnswerTo<M, P>>> => {
    const token = method === 'GET' ? undefined : await csrf(refreshCsrf);
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { 'x-csrf-token': token } : {}),
          ...program,
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new OfflineError((err as Error).message);
    }
    const text = await res.text().catch(() => '');
    // A proxy's 502 page is not JSON: the status still says what happened.
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    // The contract checked the body as it left the server: it is what the status declares.
    return { status: res.status, body: parsed, headers: res.headers } as ApiResult<AnswerTo<M, P>>;
  };
  const first = await send(false);
  if (first.status === 403 && refusalOf(first.body)?.code === 'CSRF_TOKEN_INVALID') return send(true);
  return first;
}

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** One refused field as a sentence: its label where the page knows it, never its JSON path. */
function fieldSentence(
  f: { field: string; message: string; code?: string },
  labelOf: (field: string) => string | undefined,
): string {
  const label = labelOf(f.field);
  const prefix = `${f.field}: `;
  // "observedAt: cannot be before the referral (R-SCENE)" reads "Seen at: cannot be before …".
  if (f.message.startsWith(prefix))
    return sentence(label ? `${label.replace(/[?:]\s*$/, '')}: ${f.message.slice(prefix.length)}` : f.message);
  return sentence(plainSentence({ ...f, path: f.field.split('.') }, label, 'input'));
}

/**
 * A refusal in words for the person reading it (a missing permission says whose page it is; a field
 * the service refused is named by its label, never as "Invalid request body: memorializedBy: …").
 */
export function errorMessage(
  result: ApiResult,
  labelOf: (field: string) => string | undefined = () => undefined,
): string {
  const error = refusalOf(result.body);
  if (!error) return `The service answered ${result.status}.`;
  if (result.status === 403 && error.code === 'FORBIDDEN' && error.permission && error.permission in PERMISSIONS)
    return notForYou(signedIn, error.permission as Permission);
  const fields = error.fields;
  if (error.code === 'VALIDATION_FAILED' && fields?.length)
    return fields.map((f) => plainRefusal(fieldSentence(f, labelOf), { timeZone: programZone() }).text).join(' ');
  // In words: stages and times as people say them; rule ids stay in the API (a page may add a "why").
  const { text } = plainRefusal(error.message, { timeZone: programZone() });
  return text + (error.stage ? ` The case is now: ${stageLabel(error.stage).toLowerCase()}.` : '');
}
