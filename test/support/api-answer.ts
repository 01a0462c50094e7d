import type { AnswerTo, ErrorBody } from '../../src/api/contract/api-answers';

/** Any answer: a status and a body not yet narrowed (an undeclared path's, or a deliberately bad call's). */
export interface Answer {
  status: number;
  body: unknown;
}

/**
 * What the test client receives from a call: for a declared route, one of its declared statuses with
 * that status's body, from the same route contracts the browser's `api()` reads. The test asks the API
 * directly (no proxy between), so a shared refusal's body is always the API's error body.
 */
export type ApiResponse<A extends Answer = Answer> = A & { headers: Headers };
export type TestAnswer<M extends string, P extends string> = ApiResponse<AnswerTo<M, P, ErrorBody>>;

/** The answers of `R` that may carry status `S` (an undeclared call's `number` may carry any). */
export type WithStatus<R extends Answer, S extends number> = R extends Answer
  ? S extends R['status']
    ? R & { status: S }
    : never
  : never;

/**
 * Asserts an answer's status (or one of several), failing with its body (what refused it), and narrows
 * the answer to that status's: after `expectStatus(res, 200)`, `res.body` is the declared 200 body.
 */
export function expectStatus<R extends Answer, S extends R['status']>(
  res: R,
  status: S | readonly S[],
): asserts res is WithStatus<R, S> {
  const expected: readonly number[] = Array.isArray(status) ? status : [status];
  if (!expected.includes(res.status))
    throw new Error(
      `expected status ${expected.join(' or ')}, the API answered ${res.status} ${JSON.stringify(res.body)}`,
    );
}

/** The body of an answer that must have status `status` (by default 200); fails with the body otherwise. */
export function bodyOf<R extends Answer, S extends R['status'] = 200 & R['status']>(
  res: R,
  status: S | readonly S[] = 200 as S,
): WithStatus<R, S>['body'] {
  expectStatus(res, status);
  return res.body;
}

/** The body of an answer if it has status `status` (by default 200): for probes that poll until it does. */
export function bodyIf<R extends Answer, S extends R['status'] = 200 & R['status']>(
  res: R,
  status: S = 200 as S,
): WithStatus<R, S>['body'] | undefined {
  return res.status === status ? (res as WithStatus<R, S>).body : undefined;
}

/** The refusal an answer carries, if its body is the API's error body (a test reads `code`, `fields`). */
export function refusalOf(res: Answer): ErrorBody['error'] | undefined {
  const { body } = res;
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  return (body as ErrorBody).error;
}
