import type { z } from 'zod';
import type { errorBodySchema } from '../schemas/error-answer';
import type { ApiContract } from './api-contracts';

type Segments<P extends string> = P extends `${infer H}/${infer R}` ? [H, ...Segments<R>] : [P];

/** A called segment fits a declared one: `:param` takes any, a literal only itself. */
type SegmentFits<Called extends string, Declared extends string> = Declared extends `:${string}`
  ? true
  : Called extends Declared
    ? true
    : false;

type SegmentsFit<Called extends string[], Declared extends string[]> = Called extends [
  infer C extends string,
  ...infer CR extends string[],
]
  ? Declared extends [infer D extends string, ...infer DR extends string[]]
    ? SegmentFits<C, D> extends true
      ? SegmentsFit<CR, DR>
      : false
    : false
  : Declared extends []
    ? true
    : false;

type WithoutQuery<P extends string> = P extends `${infer Path}?${string}` ? Path : P;

/**
 * The contracts a call may reach: its method, and its path (as the page builds it, below /api) segment
 * by segment; a contract declaring several paths (the case actions) is reached by any of them.
 */
export type ContractFor<M extends string, P extends string> =
  WithoutQuery<P> extends `/api${infer Below}`
    ? ApiContract extends infer C
      ? C extends ApiContract
        ? C['method'] extends Lowercase<M>
          ? true extends SegmentsFit<Segments<Below>, Segments<C['path']>>
            ? C
            : never
          : never
        : never
      : never
    : never;

export type ErrorBody = z.output<typeof errorBodySchema>;

/** The statuses any route may answer besides its own (the document's shared errors, and a proxy's). */
type SharedStatus = 400 | 401 | 403 | 404 | 405 | 408 | 413 | 415 | 422 | 429 | 500 | 502 | 503 | 504;

type DeclaredAnswers<C extends ApiContract> = C extends ApiContract
  ? {
      [S in keyof C['responses'] & number]: {
        status: S;
        body: C['responses'][S] extends { schema: infer B extends z.ZodType } ? z.output<B> : string;
      };
    }[keyof C['responses'] & number]
  : never;

/**
 * What a call may receive, by status: each answer its contract declares with that answer's body, or a
 * shared refusal (whose body a proxy may not have sent as JSON; a caller asking the API directly passes
 * `ErrorBody` as `Shared`). Unknown calls receive `unknown`.
 */
export type AnswerTo<M extends string, P extends string, Shared = ErrorBody | undefined> = [ContractFor<M, P>] extends [
  never,
]
  ? { status: number; body: unknown }
  : | DeclaredAnswers<ContractFor<M, P>>
    | { status: Exclude<SharedStatus, keyof ContractFor<M, P>['responses']>; body: Shared };

/** The body of one declared answer (by default 200) to a call: what a page's helpers take. */
export type AnswerBody<M extends string, P extends string, S extends number = 200> = Extract<
  AnswerTo<M, P>,
  { status: S }
>['body'];
