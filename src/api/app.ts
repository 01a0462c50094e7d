import { isDatabaseUnavailable } from '../db/unavailable';
import { httpErrorOf } from './domain-errors';
import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import express, { type ErrorRequestHandler } from 'express';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { PayloadCodec } from '@temporalio/common';
import type { TokenService } from '../auth/tokens';
import type { LeadConfig } from '../config/config-schema';
import type { Database } from '../db/queries/database';
import { createLogger, type Logger } from '../logging';
import { TemporalUnavailableError, type CaseWorkflows } from '../temporal/case-workflows';
import { forbiddenPage } from '../web/forbidden';
import { pageRoutes } from '../web/pages';
import { auditTrail } from './audit';
import type { HealthChecks } from '../process/health-checks';
import { healthRoutes } from './health';
import { programRoutes } from './routes/program-routes';
import type { ProgramRegistry } from '../programs/program-registry';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { identify, requireSignIn } from './authentication';
import { bodyChecks } from './input-checks';
import { sharedRateLimit } from './shared-rate-limit';
import { unauthenticatedLimits, type UnauthenticatedLimits } from './unauthenticated-requests';
import type { CaseLinks } from './case-rows';
import { HttpError } from './http-error';
import { errorBodySchema } from './schemas/error-answer';
import { httpMetrics, type HttpMetrics } from './metrics';
import { requestLog } from './request-log';
import { timedStage } from './request-stages';
import { securityHeaders } from './security-headers';
import { temporalUiProxy } from './temporal-ui-proxy';
import { TEMPORAL_UI_PATH } from '../shared/temporal-ui-paths';
import { hasProtectiveOrders } from '../referrals/protective-orders';
import { PERMISSIONS, type Permission } from '../contract/permissions';
import { openApiDocument } from './contract/openapi-document';
import { AnswerOutsideContractError, mountRoutes, route, type Route } from './contract/route';
import { unservedMethods } from './contract/unserved-methods';
import { sessionRoutes, signInRoutes, type SignInLimits } from './routes/auth-routes';
import { withAccountChecks } from '../auth/accounts';
import { bookingRoutes } from './routes/booking-routes';
import { caseRoutes } from './routes/case-routes';
import { outcomeRoutes } from './routes/outcome-routes';
import { followUpRoutes } from './routes/follow-up-routes';
import { demographicsRoutes } from './routes/demographics-routes';
import { evaluationRoutes } from './routes/evaluation-routes';
import { codecRoutes } from './routes/codec-routes';
import { formConfigRoutes } from './routes/form-config-routes';
import { searchRoutes } from './routes/search-routes';
import { queueRoutes } from './routes/queue-routes';
import { reportRoutes } from './routes/report-routes';
import { referralRoutes } from './routes/referral-routes';
import { chosenProgram, programOfSignIn, programRouters, programsOfSignIn } from './program-routers';
import type { Program } from '../programs/program';
import { programsRun } from './programs-run';
import { crossProgramRoutes } from './routes/cross-program-routes';

/** Every limit is counted in PostgreSQL, so it holds across all the API processes behind the front. */
export interface ApiLimits {
  /**
   * Failed sign-ins within the window per address (successful ones are not counted, so a shift signing
   * in behind one precinct address is never locked out); per account, each wrong password doubles the
   * wait before the next attempt, up to a ceiling — its owner is slowed, never locked out.
   */
  signInFailures: SignInLimits;
  /** Requests without a valid sign-in, per address and overall. */
  unauthenticated: UnauthenticatedLimits;
  /** Submissions per person. */
  submissions: { windowMs: number; limit: number };
  /** R-EX-ORDER: submissions whose protective orders are checked against today's participants, per person. */
  orderChecks: { windowMs: number; limit: number };
}

export interface ApiDeps {
  db: Database;
  cases: CaseWorkflows;
  config: LeadConfig;
  tokens: TokenService;
  /** Proxies in front of the API whose X-Forwarded-For is believed (TRUST_PROXY): sign-in limits count the caller, not the load balancer. */
  trustProxy?: number;
  /** Accept the demo people (only `npm start`'s embedded database, and tests that stand for it). */
  demoUsers?: boolean;
  /** Issue 26: the deployment's programs; when it runs several, every sign-in must name its own. */
  programs?: ProgramRegistry;
  links?: CaseLinks;
  /** The payload codec; when given, the codec server for the Temporal Web UI is served at /codec. */
  codec?: PayloadCodec;
  limits: ApiLimits;
  /** Secret of the CSRF double-submit tokens (default: random per process). */
  csrfSecret?: string;
  /** R-EVAL: key of the evaluators' pseudonymous person ids (default: random per process). */
  pseudonymKey?: string;
  log?: Logger;
  /** Readiness checks (database, Temporal) behind /readyz. */
  health?: HealthChecks;
  /** Extra routers mounted before the API (e.g. the development mail inbox). */
  extras?: express.Router[];
  /**
   * The metrics the app counts its requests into; whoever starts the app serves them on a listener of
   * their own (`serveMetrics`), never on the app's port (default: counted, served nowhere).
   */
  metrics?: HttpMetrics;
  /** The Temporal Web UI's own address: served to signed-in supervisors at /temporal (TEMPORAL_UI_UPSTREAM). */
  temporalUiUpstream?: string;
  /**
   * The instant the service accepts a referral, from which every clock of its case counts (default: this
   * machine's clock; tests on Temporal's time-skipping server read the server's).
   */
  clock?: () => Promise<number>;
}

const internalError = (requestId: string | undefined) => ({
  error: { code: 'INTERNAL', message: `Unexpected error; it has been logged under request id ${requestId}` },
});

function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const send = (e: HttpError) => {
      // A browser opening what its person may not (a CSV or PDF link, an address typed in): the refusal
      // as a page in the product's layout, with the way back; every other caller gets the JSON body.
      const permission = e.extra.permission;
      if (
        e.status === 403 &&
        req.actor &&
        req.method === 'GET' &&
        typeof permission === 'string' &&
        permission in PERMISSIONS &&
        req.accepts(['json', 'html']) === 'html'
      )
        return res
          .status(403)
          .type('html')
          .send(forbiddenPage({ title: 'Not your page', role: req.actor.role, permission: permission as Permission }));
      // Refusals are answers too: one whose details stray from the declared Error shape is a bug, not sent.
      const body = errorBodySchema.safeParse(e.toBody());
      if (body.success) return res.status(e.status).json(body.data);
      log.error(
        { requestId: req.requestId, code: e.code, problems: body.error.issues.map((i) => i.path.join('.')) },
        'refusal outside the Error schema',
      );
      return res.status(500).json(internalError(req.requestId));
    };
    if (err instanceof HttpError) return void send(err);
    const refused = httpErrorOf(err);
    if (refused) return void send(refused);
    const type = (err as { type?: string; code?: string }).type;
    if (type === 'entity.parse.failed')
      return void send(new HttpError(400, 'MALFORMED_JSON', 'The request body is not valid JSON'));
    if (type === 'entity.too.large')
      return void send(new HttpError(413, 'BODY_TOO_LARGE', 'The request body is too large'));
    if (type === 'charset.unsupported' || type === 'encoding.unsupported')
      return void send(new HttpError(415, 'UNSUPPORTED_ENCODING', 'Send UTF-8 JSON'));
    if ((err as { code?: string }).code === 'EBADCSRFTOKEN') {
      return void send(
        new HttpError(403, 'CSRF_TOKEN_INVALID', 'Missing or wrong X-CSRF-Token header (GET /api/auth/csrf gives one)'),
      );
    }
    if (err instanceof TemporalUnavailableError) {
      return void send(
        new HttpError(
          503,
          'WORKFLOW_SERVICE_UNAVAILABLE',
          'The workflow service is unreachable; nothing was changed — try again shortly',
        ),
      );
    }
    if ((err as { code?: string }).code === 'P2028') {
      // Prisma could not start (or finish) the transaction in time: it was rolled back.
      log.warn({ requestId: req.requestId, err: (err as Error).name }, 'database busy');
      res.setHeader('Retry-After', '5');
      return void send(
        new HttpError(
          503,
          'DATABASE_BUSY',
          'The database is too busy to answer in time; nothing was recorded — send the same request again shortly',
        ),
      );
    }
    if (isDatabaseUnavailable(err)) {
      log.warn({ requestId: req.requestId, err: (err as Error).name }, 'database unavailable');
      return void send(
        new HttpError(
          503,
          'DATABASE_UNAVAILABLE',
          'The database is unreachable; nothing was recorded — try again shortly',
        ),
      );
    }
    const status =
      (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return void send(new HttpError(status, 'BAD_REQUEST', 'The request could not be understood'));
    }
    // Names and codes only: error messages can quote input, and logs never carry personal data.
    log.error(
      {
        requestId: req.requestId,
        err: (err as Error)?.name,
        code: (err as { code?: string })?.code,
        route: (req.route as { path?: string } | undefined)?.path,
        // The paths that strayed from the declared answer; never its values.
        detail: err instanceof AnswerOutsideContractError ? err.message : undefined,
      },
      'unexpected error',
    );
    send(new HttpError(500, 'INTERNAL', internalError(req.requestId).error.message));
  };
}

export function createApp(deps: ApiDeps): express.Express {
  const log = deps.log ?? createLogger('lead-api');
  const { limits } = deps;
  const { programs } = deps;
  const accounts = {
    demoUsers: deps.demoUsers ?? false,
    ...(programs ? { programCount: async () => (await programs.current()).size } : {}),
  };
  const tokens = withAccountChecks(deps.tokens, deps.db, accounts);
  const links = deps.links ?? {
    temporalUi: deps.temporalUiUpstream ? TEMPORAL_UI_PATH : 'http://localhost:8233',
    namespace: 'default',
  };
  const secureCookies = deps.config.program.publicUrl.startsWith('https:');
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? 0);
  app.set('query parser', 'simple');
  const metrics = deps.metrics ?? httpMetrics();
  app.use(requestLog(log), metrics.middleware);
  app.use(cookieParser());
  app.use(securityHeaders(secureCookies));
  const runs = programsRun(deps);
  if (deps.temporalUiUpstream)
    app.use(temporalUiProxy({ upstream: deps.temporalUiUpstream, tokens, db: deps.db, log, programs: runs.programs }));
  app.use(healthRoutes(deps.health));
  for (const router of deps.extras ?? []) app.use(router);
  // Issue 26: a page is served with the configuration of the program its person works in.
  const workingProgram = async (held: string[] | undefined, req: express.Request) =>
    programOfSignIn(held, await runs.programs(), await runs.served(), chosenProgram(req));
  app.use(pageRoutes(deps.config, tokens, async (held, req) => (await workingProgram(held, req)).config));
  const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
    getSecret: () => deps.csrfSecret ?? processSecret,
    getSessionIdentifier: (req) => (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE] ?? '',
    cookieName: 'lead_csrf',
    cookieOptions: { sameSite: 'strict', secure: secureCookies, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => req.headers['x-csrf-token'],
    // Only cookie sessions need it: a bearer token is never sent by the browser on its own.
    skipCsrfProtection: (req) => req.actor?.via !== 'cookie',
  });

  const api = express.Router();
  api.use(auditTrail(deps.db, log));
  // Who is calling comes first; what they sent is read only by the route, after its access check.
  const identifyCaller = identify(tokens);
  const strangerLimits = unauthenticatedLimits(deps.db, limits.unauthenticated);
  api.use(
    timedStage('authentication', identifyCaller),
    ...strangerLimits.map((limit) => timedStage('rate_limits', limit)),
  );
  const submissionLimit = timedStage(
    'rate_limits',
    sharedRateLimit(deps.db, 'submissions-person', {
      windowMs: limits.submissions.windowMs,
      limit: limits.submissions.limit,
      keyGenerator: (req) => `user:${req.actor?.id ?? 'anonymous'}`,
      handler: () => {
        throw new HttpError(429, 'TOO_MANY_REQUESTS', 'Too many referrals in a short time; wait a minute');
      },
    }),
  );
  const orderCheckLimit = timedStage(
    'rate_limits',
    sharedRateLimit(deps.db, 'order-checks-person', {
      windowMs: limits.orderChecks.windowMs,
      limit: limits.orderChecks.limit,
      keyGenerator: (req) => `user:${req.actor?.id ?? 'anonymous'}`,
      // Only a submission with orders has them checked; others are not counted.
      skip: (req) => !hasProtectiveOrders(req.body),
      handler: () => {
        throw new HttpError(
          429,
          'TOO_MANY_REQUESTS',
          `Too many referrals with protective orders in a short time: each is checked against the people in LEAD today, at most ${limits.orderChecks.limit} per person in ${Math.ceil(limits.orderChecks.windowMs / 60_000)} minutes (R-EX-ORDER); wait, or ask your sergeant`,
          { ruleId: 'R-EX-ORDER' },
        );
      },
    }),
  );
  const publicRoutes: Route[] = [
    ...signInRoutes({ db: deps.db, tokens, accounts, limits: limits.signInFailures, secureCookies }),
    openApiRoute(() => document),
  ];
  const deploymentRoutes: Route[] = [
    // Generating a token only sets its cookie: the header-and-cookie view of the response is all it needs.
    ...sessionRoutes(
      (req, res) => generateCsrfToken(req, res as express.Response),
      async (req) => ({
        working: await workingProgram(req.actor?.programs, req),
        mine: programsOfSignIn(req.actor?.programs, await runs.programs()),
      }),
    ),
    ...programRoutes(deps),
    ...crossProgramRoutes({ db: deps.db, programs: runs.programs }),
  ];
  // Issue 26: every other route is a program's, served with that program's configuration in force.
  // One key for every program's router: an evaluator's pseudonyms stay the same across programs and versions.
  const pseudonymKey = deps.pseudonymKey ?? processPseudonymKey;
  const routesOf = (program: Program): Route[] => {
    const served = { ...deps, config: program.config, links, pseudonymKey };
    return [
      ...referralRoutes(served, submissionLimit, orderCheckLimit),
      ...bookingRoutes(served, submissionLimit, orderCheckLimit),
      ...outcomeRoutes(served),
      ...evaluationRoutes(served),
      ...followUpRoutes(served),
      ...demographicsRoutes(served),
      ...caseRoutes(served),
      ...queueRoutes(served),
      ...searchRoutes(served),
      ...reportRoutes(served),
      ...formConfigRoutes(program.config, links.temporalUi),
    ];
  };
  const inputs = bodyChecks().map((check) => timedStage('body_parse', check));
  const programScoped = programRouters({ routesOf, inputs, ...runs });
  const contracts = [...publicRoutes, ...deploymentRoutes, ...programScoped.servedRoutes].map((r) => r.contract);
  const document = openApiDocument(contracts, { title: `${deps.config.program.name} — referral API`, version: '1' });
  mountRoutes(api, publicRoutes, inputs);
  api.use(unservedMethods(contracts));
  api.use(requireSignIn);
  api.use(doubleCsrfProtection);
  mountRoutes(api, deploymentRoutes, inputs);
  api.use(programScoped.serve);
  app.locals.routeContracts = contracts;
  app.use('/api', api);
  app.use('/api', (req, _res) => {
    throw new HttpError(404, 'NOT_FOUND', `No route ${req.method} ${req.originalUrl.split('?')[0]}`);
  });
  if (deps.codec) {
    // A Web UI served elsewhere calls the codec across origins; the one served at /temporal is same-origin.
    const origin = /^https?:/.test(links.temporalUi) ? new URL(links.temporalUi).origin : undefined;
    app.use(
      '/codec',
      auditTrail(deps.db, log),
      identifyCaller,
      ...strangerLimits,
      codecRoutes(deps.db, deps.codec, origin, requireSignIn, runs.programs),
    );
  }
  app.use(errorHandler(log));
  return app;
}

const processSecret = randomBytes(32).toString('base64');
const processPseudonymKey = randomBytes(32).toString('base64');

const openApiDocumentSchema = z.strictObject({
  openapi: z.string(),
  info: z.record(z.string(), z.unknown()),
  servers: z.array(z.record(z.string(), z.unknown())).optional(),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  tags: z.array(z.record(z.string(), z.unknown())).optional(),
  paths: z.record(z.string(), z.unknown()),
  components: z.record(z.string(), z.unknown()),
  webhooks: z.record(z.string(), z.unknown()).optional(),
});

/** The document describes itself too: every route under /api has a contract. */
function openApiRoute(document: () => unknown): Route {
  return route(
    {
      method: 'get',
      path: '/openapi.json',
      operationId: 'getOpenApiDocument',
      tag: 'Documentation',
      summary: 'This document: the API generated from the route declarations it serves',
      access: 'public',
      responses: { 200: { description: 'The OpenAPI 3.1 document', schema: openApiDocumentSchema } },
    },
    () => ({ status: 200, body: document() as z.input<typeof openApiDocumentSchema> }),
  );
}
