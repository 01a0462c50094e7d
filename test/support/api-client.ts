import type { TokenService } from '../../src/auth/tokens';
import type { Role } from '../../src/shared/roles';

export { waitFor } from './wait-for';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

const issuers = new Map<string, TokenService>();

/** The test stack registers the token service its API trusts; callers then act as any person. */
export function registerTestTokens(baseUrl: string, tokens: TokenService): void {
  issuers.set(baseUrl, tokens);
}

export interface TestIdentity {
  office?: string;
  agency?: string;
  badge?: string;
}

/** The scope each role has by default in tests: Burien PD for police, the county prosecutor. */
export function defaultScope(role: Role): TestIdentity {
  if (role === 'prosecutor') return { office: 'KCPAO' };
  if (role === 'officer' || role === 'sergeant') return { agency: 'BURIEN_PD' };
  return {};
}

/** Calls the running API as a given person with a bearer token, the way other clients do. */
export function apiAs(baseUrl: string, role: Role, user = `${role}-1`, scope: TestIdentity = defaultScope(role)) {
  let token: Promise<string> | undefined;
  const bearer = () => {
    const tokens = issuers.get(baseUrl);
    if (!tokens) throw new Error(`no token service registered for ${baseUrl}`);
    token ??= tokens.issue({ id: user, role, ...scope }).then((t) => t.token);
    return token;
  };
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await bearer()}`, ...extra },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const json = /^application\/([\w.-]+\+)?json(;|$)/.test(res.headers.get('content-type') ?? '');
    return { status: res.status, body: text ? (json ? JSON.parse(text) : text) : undefined, headers: res.headers };
  }
  /** A file download (a PDF): its bytes as sent, and the refusal's JSON body when it is one. */
  async function download(path: string): Promise<ApiResponse<any> & { bytes: Uint8Array }> {
    const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${await bearer()}` } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const json = /^application\/json(;|$)/.test(res.headers.get('content-type') ?? '');
    return {
      status: res.status,
      bytes,
      body: json ? JSON.parse(new TextDecoder().decode(bytes)) : undefined,
      headers: res.headers,
    };
  }
  return {
    get: <T = any>(path: string) => call<T>('GET', path),
    download,
    post: <T = any>(path: string, body?: unknown, extra?: Record<string, string>) =>
      call<T>('POST', path, body ?? {}, extra),
    act: <T = any>(caseId: string, action: string, body?: unknown, extra?: Record<string, string>) =>
      call<T>('POST', `/api/cases/${caseId}/${action}`, body ?? {}, extra),
    /** An action the test goes on from: it must be accepted (200), or the test fails naming what refused it. */
    actOk: async <T = any>(caseId: string, action: string, body?: unknown, extra?: Record<string, string>) => {
      const res = await call<T>('POST', `/api/cases/${caseId}/${action}`, body ?? {}, extra);
      if (res.status !== 200)
        throw new Error(`${action} on case ${caseId} was not accepted: ${res.status} ${JSON.stringify(res.body)}`);
      return res;
    },
  };
}
