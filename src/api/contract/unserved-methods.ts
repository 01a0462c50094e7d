import type { RequestHandler } from 'express';
import { HttpError } from '../http-error';
import type { RouteContract } from './route';

/** An Express path (`/cases/:caseId`) as Express matches it: any case, a parameter up to the next `/`, an optional trailing `/`. */
function matcherOf(path: string): RegExp {
  const source = path
    .split(/(:\w+)/)
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`, 'i');
}

/** The methods a path answers: HEAD with GET (Express answers it), OPTIONS always (this answers it). */
function allowOf(methods: Set<string>): string[] {
  const allow = [...methods].sort();
  if (methods.has('GET')) allow.push('HEAD');
  return [...allow, 'OPTIONS'];
}

/**
 * A path the API serves, asked with a method it does not serve, answers 405 with `Allow` (RFC 9110
 * §15.5.6), not 404: the methods are the declared routes' (one place: their contracts). OPTIONS answers
 * 204 with the same `Allow`. Mounted before the sign-in check: the document is public, so what a path
 * answers is no secret.
 */
export function unservedMethods(contracts: RouteContract[]): RequestHandler {
  const paths = new Map<string, Set<string>>();
  for (const { path, method } of contracts) paths.set(path, (paths.get(path) ?? new Set()).add(method.toUpperCase()));
  const matchers = [...paths].map(([path, methods]) => ({ matches: matcherOf(path), methods }));
  return (req, res, next) => {
    const served = new Set(matchers.filter((m) => m.matches.test(req.path)).flatMap((m) => [...m.methods]));
    if (served.size === 0) return next();
    const allow = allowOf(served);
    if (req.method !== 'OPTIONS' && allow.includes(req.method)) return next();
    res.set('Allow', allow.join(', '));
    if (req.method === 'OPTIONS') return void res.status(204).end();
    throw new HttpError(
      405,
      'METHOD_NOT_ALLOWED',
      `${req.method} is not served at ${req.baseUrl}${req.path}: it answers ${allow.join(', ')}`,
    );
  };
}
