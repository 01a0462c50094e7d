import type { TokenService } from '../../src/auth/tokens';
import type { Role } from '../../src/shared/roles';
import { expectStatus, type Answer, type ApiResponse, type TestAnswer, type WithStatus } from './api-answer';

export { waitFor } from './wait-for';
export {
  bodyIf,
  bodyOf,
  expectStatus,
  refusalOf,
  type Answer,
  type ApiResponse,
  type TestAnswer,
  type WithStatus,
} from './api-answer';

const issuers = new Map<string, TokenService>();

/** The test stack registers the token service its API trusts; callers then act as any person. */
export function registerTestTokens(baseUrl: string, tokens: TokenService): void {
  issuers.set(baseUrl, tokens);
}

export interface TestIdentity {
  office?: string;
  agency?: string;
  badge?: string;
  /** Issue 26: the programs the sign-in names (`lead_programs`). */
  programs?: string[];
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
  async function call<A extends Answer>(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<ApiResponse<A>> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await bearer()}`, ...extra },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const json = /^application\/([\w.-]+\+)?json(;|$)/.test(res.headers.get('content-type') ?? '');
    const parsed: unknown = text ? (json ? JSON.parse(text) : text) : undefined;
    // The contract checked the body as it left the server: it is what the status declares.
    return { status: res.status, body: parsed, headers: res.headers } as ApiResponse<A>;
  }
  /** A file download (a PDF): its bytes as sent, and the refusal's JSON body when it is one. */
  async function download<P extends string>(path: P): Promise<TestAnswer<'GET', P> & { bytes: Uint8Array }> {
    const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${await bearer()}` } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const json = /^application\/json(;|$)/.test(res.headers.get('content-type') ?? '');
    const body: unknown = json ? JSON.parse(new TextDecoder().decode(bytes)) : undefined;
    return { status: res.status, bytes, body, headers: res.headers } as TestAnswer<'GET', P> & { bytes: Uint8Array };
  }
  const get = <P extends string>(path: P, extra?: Record<string, string>) =>
    call<TestAnswer<'GET', P>>('GET', path, undefined, extra);
  /** Body `unknown`: a test may send what the contract refuses, to see it refused. */
  const post = <P extends string>(path: P, body?: unknown, extra?: Record<string, string>) =>
    call<TestAnswer<'POST', P>>('POST', path, body ?? {}, extra);
  const act = <A extends string>(caseId: string, action: A, body?: unknown, extra?: Record<string, string>) =>
    post(`/api/cases/${caseId}/${action}`, body, extra);
  return {
    get,
    download,
    post,
    act,
    /** A read the test goes on from: it must answer 200, or the test fails with what it answered. */
    getOk: async <P extends string>(path: P) => {
      const res = await get(path);
      expectStatus(res, 200);
      return res;
    },
    /**
     * A change the test goes on from: recorded (201), or already recorded or done (200) — or the test
     * fails with what refused it.
     */
    postOk: async <P extends string>(path: P, body?: unknown, extra?: Record<string, string>) => {
      const res = await post(path, body, extra);
      if (res.status !== 200 && res.status !== 201)
        throw new Error(`POST ${path} was not accepted: ${res.status} ${JSON.stringify(res.body)}`);
      return res as WithStatus<typeof res, 200 | 201>;
    },
    /** An action the test goes on from: it must be accepted (200), or the test fails naming what refused it. */
    actOk: async <A extends string>(caseId: string, action: A, body?: unknown, extra?: Record<string, string>) => {
      const res = await act(caseId, action, body, extra);
      if (res.status !== 200)
        throw new Error(`${action} on case ${caseId} was not accepted: ${res.status} ${JSON.stringify(res.body)}`);
      expectStatus(res, 200);
      return res;
    },
  };
}
