import type { Role } from '../../src/shared/roles';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** Calls the running API as a given person, the way the pages and other clients do. */
export function apiAs(baseUrl: string, role: Role, user = `${role}-1`) {
  const headers = { 'content-type': 'application/json', 'x-lead-user': user, 'x-lead-role': role };
  async function call<T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...extra },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  return {
    get: <T = any>(path: string) => call<T>('GET', path),
    post: <T = any>(path: string, body?: unknown, extra?: Record<string, string>) => call<T>('POST', path, body ?? {}, extra),
    act: <T = any>(caseId: string, action: string, body?: unknown, extra?: Record<string, string>) => call<T>('POST', `/api/cases/${caseId}/${action}`, body ?? {}, extra),
  };
}

export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
