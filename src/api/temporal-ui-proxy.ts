import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { TokenService } from '../auth/tokens';
import { allows } from '../shared/permissions';
import { SESSION_COOKIE } from './authentication';

/** Where the Temporal Web UI is served, through the product (its own `--ui-public-path`). */
export const TEMPORAL_UI_PATH = '/temporal';
/** The codec endpoint the Web UI calls: relative, so it is the product's own origin whatever host people use. */
export const CODEC_ENDPOINT = '/codec';

/**
 * The Temporal Web UI behind the product's own sign-in: served on the product's origin, it sends the
 * supervisor's session cookie to the codec server with every decode — no UI settings to change — and
 * nobody who is not a signed-in supervisor reaches it (the UI can act on any workflow).
 */
export function temporalUiProxy(upstream: string, tokens: TokenService): RequestHandler {
  const proxy = createProxyMiddleware({
    target: upstream,
    pathFilter: TEMPORAL_UI_PATH,
    changeOrigin: true,
    xfwd: true,
  });
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.path !== TEMPORAL_UI_PATH && !req.path.startsWith(`${TEMPORAL_UI_PATH}/`)) return next();
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const identity = token ? await tokens.verify(token).catch(() => undefined) : undefined;
    const page =
      req.method === 'GET' &&
      !req.path.startsWith(`${TEMPORAL_UI_PATH}/api/`) &&
      req.accepts(['html', 'json']) === 'html';
    if (!identity) {
      if (page) return res.redirect(303, `/sign-in?next=${encodeURIComponent(req.originalUrl)}`);
      return void res
        .status(401)
        .json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to the LEAD service first' } });
    }
    if (!allows(identity.role, 'temporal.ui')) {
      const message = 'The Temporal Web UI is for supervisors. Your cases are on the LEAD pages.';
      return void (page
        ? res.status(403).type('text').send(message)
        : res.status(403).json({ error: { code: 'FORBIDDEN', message, permission: 'temporal.ui' } }));
    }
    return proxy(req, res, next);
  };
}
