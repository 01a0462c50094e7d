import { PERMISSIONS, type Permission } from '../../shared/permissions';
import { plainRefusal, stageLabel } from '../../shared/plain-language';
import { programZone } from './dom';
import { notForYou, signedIn } from './session';

export class OfflineError extends Error {}

export interface ApiResult<T = any> {
  status: number;
  body: T;
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
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const first = await send(false);
  if (
    first.status === 403 &&
    (first.body as { error?: { code?: string } } | undefined)?.error?.code === 'CSRF_TOKEN_INVALID'
  )
    return send(true);
  return first;
}

/** A refusal in words for the person reading it (a missing permission says whose page it is). */
export function errorMessage(result: ApiResult): string {
  const error = result.body?.error;
  if (!error) return `The service answered ${result.status}.`;
  if (result.status === 403 && error.code === 'FORBIDDEN' && error.permission in PERMISSIONS)
    return notForYou(signedIn, error.permission as Permission);
  // In words: stages and times as people say them; rule ids stay in the API (a page may add a "why").
  const { text } = plainRefusal(String(error.message ?? ''), { timeZone: programZone() });
  return text + (error.stage ? ` The case is now: ${stageLabel(error.stage).toLowerCase()}.` : '');
}
