import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { TokenService } from '../auth/tokens';
import type { Database } from '../db/queries/database';
import type { Logger } from '../logging';
import { allows } from '../contract/permissions';
import { TEMPORAL_UI_PATH } from '../shared/temporal-ui-paths';
import { forbiddenPage } from '../web/forbidden';
import { auditTrail } from './audit';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { contentSecurityPolicyWith } from './security-headers';
import { inlineScriptHashes, isUiRead, readOnlySettings } from './temporal-ui-content';
import type { Program } from '../programs/program';
import { NOT_EVERY_PROGRAM, readsEveryProgram } from './program-routers';

const SETTINGS_PATH = `${TEMPORAL_UI_PATH}/api/v1/settings`;
/** Not passed on from the UI server: they concern its connection to the product, not the browser's. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding']);
/** Not passed on either when the body is read and sent anew (decoded, and of another length). */
const OF_THE_BODY = new Set(['content-length', 'content-encoding']);
const decoders: Record<string, (b: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

export interface TemporalUiProxyOptions {
  upstream: string;
  tokens: TokenService;
  /** Where a refused write is recorded (the audit trail). */
  db: Database;
  log: Logger;
  /** The programs this service runs: the UI is for readers of every one (`readsEveryProgram`). */
  programs: () => Promise<ReadonlyMap<string, Program>>;
}

/**
 * The Temporal Web UI behind the product's own sign-in: served on the product's origin, it sends the
 * supervisor's session cookie to the codec server with every decode — no UI settings to change — and
 * nobody who is not a signed-in supervisor reaches it. It is read-only: a write through it (start,
 * signal, update, reset, terminate, cancel) would act on a case past the permission table and the
 * audit trail, with whatever actor its payload names, so every method but GET and HEAD is refused —
 * except a workflow query's POST, which writes nothing (`isUiRead`).
 * Its answers carry the product's security headers and Content-Security-Policy (its page's one inline
 * script admitted by hash).
 */
export function temporalUiProxy(options: TemporalUiProxyOptions): RequestHandler {
  const proxy = createProxyMiddleware<Request, Response>({
    target: options.upstream,
    pathFilter: TEMPORAL_UI_PATH,
    changeOrigin: true,
    xfwd: true,
    selfHandleResponse: true,
    on: {
      proxyRes: (proxyRes, req, res) =>
        void forward(proxyRes, req, res).catch((err: Error) => {
          options.log.error({ requestId: req.requestId, err: err.name }, 'temporal web ui answer not forwarded');
          if (!res.headersSent) res.status(502).json(badGateway);
          else res.destroy();
        }),
    },
  });
  const audit = auditTrail(options.db, options.log);
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.path !== TEMPORAL_UI_PATH && !req.path.startsWith(`${TEMPORAL_UI_PATH}/`)) return next();
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const identity = token ? await options.tokens.verify(token).catch(() => undefined) : undefined;
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
    /** A page is refused in the product's layout; an API call in JSON. */
    const refuse = (error: Record<string, string>, because?: string) =>
      void (page
        ? res
            .status(403)
            .type('html')
            .send(
              forbiddenPage({
                title: 'Temporal Web UI',
                role: identity.role,
                permission: 'temporal.ui',
                what: 'The Temporal Web UI',
                because,
              }),
            )
        : res.status(403).json({ error }));
    if (!allows(identity.role, 'temporal.ui'))
      return refuse({
        code: 'FORBIDDEN',
        message: 'The Temporal Web UI is for supervisors. Your cases are on the LEAD pages.',
        permission: 'temporal.ui',
      });
    if (!readsEveryProgram(identity.programs, await options.programs()))
      return refuse({ code: 'NOT_EVERY_PROGRAM', message: NOT_EVERY_PROGRAM, ruleId: 'R-ROI' }, NOT_EVERY_PROGRAM);
    // Its codec calls go to CODEC_ENDPOINT, outside TEMPORAL_UI_PATH: they are the codec server's.
    if (!isUiRead(req.method, req.path.slice(TEMPORAL_UI_PATH.length))) {
      req.actor = { ...identity, via: 'cookie' };
      req.audit = { action: 'temporal.ui.write', caseId: workflowIdIn(req.path) };
      return audit(req, res, () =>
        res.status(403).json({
          error: {
            code: 'READ_ONLY',
            message: `The Temporal Web UI is read-only here (${req.method} refused): act on a case through the LEAD pages or API, where the permission table and the audit trail apply`,
            method: req.method,
          },
        }),
      );
    }
    return proxy(req, res, next);
  };
}

/** A workflow's id is its case's id: the audit row names the case a refused write was aimed at. */
function workflowIdIn(path: string): string | undefined {
  const id = /\/workflows\/([^/]+)/.exec(path)?.[1];
  try {
    return id === undefined ? undefined : decodeURIComponent(id);
  } catch {
    return undefined;
  }
}

const badGateway = { error: { code: 'BAD_GATEWAY', message: 'The Temporal Web UI answered what cannot be served' } };

/** The UI server's answer under the product's headers: those already set (helmet's) win over the UI's own. */
async function forward(proxyRes: IncomingMessage, req: Request, res: Response): Promise<void> {
  const html = /^text\/html\b/i.test(proxyRes.headers['content-type'] ?? '');
  const settings = req.path === SETTINGS_PATH && proxyRes.statusCode === 200;
  const rewritten = html || settings;
  res.status(proxyRes.statusCode ?? 502);
  for (const [name, value] of Object.entries(proxyRes.headers)) {
    if (value === undefined || res.hasHeader(name) || HOP_BY_HOP.has(name)) continue;
    if (!rewritten || !OF_THE_BODY.has(name)) res.setHeader(name, value);
  }
  if (!rewritten) return void proxyRes.pipe(res);
  const body = await decoded(proxyRes);
  if (settings) return void res.send(readOnlySettings(body));
  contentSecurityPolicyWith(inlineScriptHashes(body.toString('utf8')))(req, res, () => void res.send(body));
}

async function decoded(proxyRes: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of proxyRes) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const encoding = (proxyRes.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return body;
  const decode = decoders[encoding];
  if (!decode) throw new Error(`content-encoding ${encoding}`);
  return decode(body);
}
