import express, { type RequestHandler } from 'express';
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextAt } from '../shared/storable-text';
import { HttpError } from './http-error';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-depth';

/** JSON bodies, read only after the raw bytes pass the depth check (a deep body never reaches JSON.parse). */
export function jsonBody(limit: string): RequestHandler {
  return express.json({
    limit,
    strict: true,
    verify: (_req, _res, raw) => {
      if (jsonNestsDeeperThan(raw, MAX_JSON_DEPTH))
        throw new HttpError(
          400,
          'BODY_TOO_DEEP',
          `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep (the limit); no request needs that`,
        );
    },
  });
}

const utf8Only: RequestHandler = (req, _res, next) => {
  // JSON between systems is UTF-8 (RFC 8259). Another charset would be decoded first, and a body that
  // decodes to nothing would read as an empty action.
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.get('content-type') ?? '')?.[1];
  if (charset && !/^utf-?8$/i.test(charset))
    throw new HttpError(
      415,
      'UNSUPPORTED_ENCODING',
      `Send UTF-8 JSON (charset=${charset.slice(0, 40)} is not accepted)`,
    );
  next();
};

const jsonOnly: RequestHandler = (req, _res, next) => {
  // Strict input: a change is a JSON object, or nothing at all — never a body the API did not read,
  // and never a request that declares another format (an empty form post is not an empty JSON action).
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  const declaresOther = req.get('content-type') !== undefined && !req.is('application/json');
  if (req.method !== 'GET' && ((hasBody && !req.is('application/json')) || declaresOther))
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the request body as JSON (Content-Type: application/json)',
    );
  next();
};

const storableTextOnly: RequestHandler = (req, _res, next) => {
  // Free text PostgreSQL cannot store is refused where it enters, naming the field — never accepted
  // and then refused by the database later, where a retrying projection would block the case.
  const field = unstorableTextAt(req.body);
  if (field !== undefined)
    throw new HttpError(400, 'VALIDATION_FAILED', `Invalid request body: ${field}: ${UNSTORABLE_TEXT_MESSAGE}`, {
      fields: [{ field, message: UNSTORABLE_TEXT_MESSAGE }],
    });
  next();
};

/**
 * Every check of a request's body, in order: its encoding, its format, its depth and size, then text
 * PostgreSQL cannot store. A route runs them after the caller's identity and permission are known, so
 * a stranger learns nothing of what a route would accept and every refusal's audit row names its actor.
 */
export function bodyChecks(limit = '64kb'): RequestHandler[] {
  return [utf8Only, jsonOnly, jsonBody(limit), storableTextOnly];
}
