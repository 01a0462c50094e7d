import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { PERMISSIONS } from '../../contract/permissions';
import { SESSION_COOKIE } from '../../auth/session-cookie';
import { errorBodySchema } from '../schemas/error-answer';
import type { ResponseContract, RouteContract } from './route';

/** Answers every route can give besides its own: the document lists them so that clients plan for them. */
function sharedErrors(contract: RouteContract): Record<number, string> {
  const errors: Record<number, string> = {
    500: 'Unexpected error, logged under the request id',
    503: 'The database or the workflow service is unreachable or busy; nothing was recorded — send the same request again',
  };
  const hasInput = contract.params || contract.query || contract.headers || contract.body;
  if (hasInput || contract.method === 'post')
    errors[400] =
      'An input is invalid; each is named (a body nesting arrays and objects over 32 levels deep is refused unread)';
  if (contract.access !== 'public')
    errors[401] = 'Not signed in, or the token has expired, was signed out or revoked, or lasts longer than a session';
  if (typeof contract.access === 'object' || (contract.method === 'post' && contract.access !== 'public'))
    errors[403] = 'The role lacks the permission named (or, for a cookie session, the X-CSRF-Token is missing)';
  if (contract.params) errors[404] = 'No such case (or none this reader may know of)';
  errors[429] = 'Too many requests without a sign-in, from this address or from everyone; wait (Retry-After)';
  if (contract.method === 'post') {
    errors[413] = 'The body is larger than 64 KiB';
    errors[415] = 'The body is not UTF-8 JSON';
  }
  return errors;
}

const openApiPath = (path: string) => `/api${path.replace(/:(\w+)/g, '{$1}')}`;

function responseOf(response: ResponseContract) {
  const type = response.contentType ?? 'application/json';
  const schema = response.schema ?? z.string();
  return { description: response.description, content: { [type]: { schema } } };
}

function securityOf(contract: RouteContract): Array<Record<string, string[]>> {
  if (contract.access === 'public') return [];
  const cookie: Record<string, string[]> =
    contract.method === 'post' ? { sessionCookie: [], csrfToken: [] } : { sessionCookie: [] };
  return [{ bearerAuth: [] }, cookie];
}

/** The OpenAPI 3.1 document of the API, generated from the route declarations the API serves. */
export function openApiDocument(contracts: RouteContract[], info: { title: string; version: string }) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: "A token from the agency's identity provider, or the `token` of POST /api/auth/sign-in",
  });
  registry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session cookie POST /api/auth/sign-in sets, for the pages',
  });
  registry.registerComponent('securitySchemes', 'csrfToken', {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'With the session cookie, every change carries the token GET /api/auth/csrf gives',
  });
  for (const contract of contracts) {
    const responses: RouteConfig['responses'] = {};
    for (const [status, description] of Object.entries(sharedErrors(contract)))
      responses[status] = { description, content: { 'application/json': { schema: errorBodySchema } } };
    for (const [status, response] of Object.entries(contract.responses)) responses[status] = responseOf(response);
    const permission = typeof contract.access === 'object' ? contract.access.permission : undefined;
    registry.registerPath({
      method: contract.method,
      path: openApiPath(contract.path),
      operationId: contract.operationId,
      tags: [contract.tag],
      summary: contract.summary,
      description: contract.description,
      security: securityOf(contract),
      request: {
        params: contract.params,
        query: contract.query,
        headers: contract.headers,
        body: contract.body
          ? { required: contract.method === 'post', content: { 'application/json': { schema: contract.body } } }
          : undefined,
      },
      responses,
      ...(permission ? { 'x-permission': permission, 'x-roles': [...PERMISSIONS[permission]] } : {}),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({ openapi: '3.1.0', info });
}
