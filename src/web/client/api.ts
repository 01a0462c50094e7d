import { PERMISSIONS, type Permission } from '../../shared/permissions';
import { plainRefusal, stageLabel } from '../../shared/plain-language';
import { programZone } from './dom';
import { plainSentence } from './plain-errors';
import { notForYou, signedIn } from './session';

export class OfflineError extends Error {}

export interface ApiResult<T = any> {
  status: number;
  body: T;
  /** The answer's headers (Retry-After, RateLimit: when to ask again after a 429 or 503). */
  headers?: Headers;
}

let csrfToken: Promise<string | undefined> | undefined;
async function csrf(refresh = false): Promise<string | undefined> {
  if (refresh) csrfToken = undefined;
  csrfToken ??= fetch('/api/auth/csrf', { credentials: 'same-origin' })
    .then(async (res) => (res.ok ? (await res.json()).csrfToken : undefined))
    .catch(() => undefined);
  return csrfToken;
}

/**
 * Calls the product's API with the session cookie; changes carry the CSRF token (double submit).
 * A network failure is an OfflineError.
 */
export async function api<T = any>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResult<T>> {
  const send = async (refreshCsrf: boolean): Promise<ApiResult<T>> => {
    const token = method === 'GET' ? undefined : await csrf(refreshCsrf);
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { 'x-csrf-token': token } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new OfflineError((err as Error).message);
    }
    const text = await res.text().catch(() => '');
    // A proxy's 502 page is not JSON: the status still says what happened.
    let parsed: T | undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
  const first = await send(false);
  if (
    first.status === 403 &&
    (first.body as { error?: { code?: string } } | undefined)?.error?.code === 'CSRF_TOKEN_INVALID'
  )
    return send(true);
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
  const error = result.body?.error;
  if (!error) return `The service answered ${result.status}.`;
  if (result.status === 403 && error.code === 'FORBIDDEN' && error.permission in PERMISSIONS)
    return notForYou(signedIn, error.permission as Permission);
  const fields = error.fields as Array<{ field: string; message: string; code?: string }> | undefined;
  if (error.code === 'VALIDATION_FAILED' && fields?.length)
    return fields.map((f) => plainRefusal(fieldSentence(f, labelOf), { timeZone: programZone() }).text).join(' ');
  // In words: stages and times as people say them; rule ids stay in the API (a page may add a "why").
  const { text } = plainRefusal(String(error.message ?? ''), { timeZone: programZone() });
  return text + (error.stage ? ` The case is now: ${stageLabel(error.stage).toLowerCase()}.` : '');
}
