import express, { type ErrorRequestHandler } from 'express';
import type { LeadConfig } from '../config/config-schema';
import type { PrismaClient } from '../generated/prisma/client';
import { TemporalUnavailableError, type CaseWorkflows } from '../temporal/case-workflows';
import { HttpError } from './http-error';
import { identify } from './identity';
import { openApiDocument } from './openapi';
import { caseRoutes } from './routes/case-routes';
import { queueRoutes } from './routes/queue-routes';
import { referralRoutes } from './routes/referral-routes';
import type { CaseLinks } from './case-rows';
import { formConfigRoutes } from './routes/form-config-routes';
import { pageRoutes } from '../web/pages';

export interface ApiDeps {
  db: PrismaClient;
  cases: CaseWorkflows;
  config: LeadConfig;
  links?: CaseLinks;
  /** Extra routers mounted before the API (e.g. the development mail inbox). */
  extras?: express.Router[];
}

function isDatabaseUnavailable(err: unknown): boolean {
  const text = `${(err as Error)?.name ?? ''} ${(err as Error)?.message ?? ''} ${(err as { code?: string })?.code ?? ''}`;
  return /ECONNREFUSED|ECONNRESET|P1001|P1017|DatabaseNotReachable|connection terminated|Can't reach database/i.test(text);
}

const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof HttpError) {
    res.status(err.status).json(err.toBody());
    return;
  }
  if ((err as { type?: string }).type === 'entity.parse.failed') {
    res.status(400).json(new HttpError(400, 'MALFORMED_JSON', 'The request body is not valid JSON').toBody());
    return;
  }
  if ((err as { type?: string }).type === 'entity.too.large') {
    res.status(413).json(new HttpError(413, 'BODY_TOO_LARGE', 'The request body is too large').toBody());
    return;
  }
  if (err instanceof TemporalUnavailableError) {
    res.status(503).json(new HttpError(503, 'WORKFLOW_SERVICE_UNAVAILABLE', 'The workflow service is unreachable; nothing was changed — try again shortly').toBody());
    return;
  }
  if (isDatabaseUnavailable(err)) {
    console.warn(`[api] ${req.method} ${req.path}: database unavailable: ${(err as Error).message}`);
    res.status(503).json(new HttpError(503, 'DATABASE_UNAVAILABLE', 'The database is unreachable; nothing was recorded — try again shortly').toBody());
    return;
  }
  console.error(`[api] ${req.method} ${req.path} failed:`, err);
  res.status(500).json(new HttpError(500, 'INTERNAL', 'Unexpected error; it has been logged').toBody());
};

export function createApp(deps: ApiDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  for (const router of deps.extras ?? []) app.use(router);
  const links = deps.links ?? { temporalUi: 'http://localhost:8233', namespace: 'default' };
  app.use(pageRoutes(deps.config));
  const docs = openApiDocument(deps.config);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(docs);
  });
  const api = express.Router();
  api.use(express.json({ limit: '64kb', strict: true }));
  api.use(identify);
  api.use(referralRoutes(deps));
  api.use(caseRoutes(deps));
  api.use(queueRoutes({ ...deps, links }));
  api.use(formConfigRoutes(deps.config, links.temporalUi));
  app.use('/api', api);
  app.use('/api', (req, _res) => {
    throw new HttpError(404, 'NOT_FOUND', `No route ${req.method} ${req.originalUrl}`);
  });
  app.use(errorHandler);
  return app;
}
