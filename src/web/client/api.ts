import { identityHeaders } from './session';

export class OfflineError extends Error {}

export interface ApiResult<T = any> {
  status: number;
  body: T;
}

/** Calls the product's API as the current person; a network failure is an OfflineError. */
export async function api<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...identityHeaders(), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new OfflineError((err as Error).message);
  }
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export function errorMessage(result: ApiResult): string {
  const error = result.body?.error;
  if (!error) return `The service answered ${result.status}.`;
  return error.message + (error.stage ? ` (current stage: ${error.stage})` : '');
}
