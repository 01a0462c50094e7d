import { createHash, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { HttpError } from './http-error';
import { routeOf, trackRoute } from './request-log';
import { startStages } from './request-stages';

/**
 * Prometheus metrics of one app, in its own registry (several apps in one process never collide):
 * process metrics and requests by method, route pattern (never the raw path) and status; for the
 * routes that report them (a referral's submission), each request's time by stage, in order
 * (src/api/request-stages.ts), adding up to its `http_request_duration_seconds`.
 */
export function httpMetrics(token?: string) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'http_request_errors_total',
    help: 'HTTP requests answered with an error, by status class (4xx, 5xx)',
    labelNames: ['method', 'route', 'class'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const stageSeconds = new Histogram({
    name: 'lead_request_stage_seconds',
    help: "Each request's time by stage (SUBMISSION_STAGES, src/api/request-stages.ts), by route pattern: its stages add up to the request's time",
    labelNames: ['route', 'stage'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const stageDatabaseSeconds = new Counter({
    name: 'lead_request_stage_database_seconds_total',
    help: "The part of lead_request_stage_seconds with at least one of the request's database queries in flight",
    labelNames: ['route', 'stage'],
    registers: [registry],
  });
  const stageQueries = new Counter({
    name: 'lead_request_stage_queries_total',
    help: 'The database queries each stage of lead_request_stage_seconds made (a transaction counts its statements, not its begin and commit)',
    labelNames: ['route', 'stage'],
    registers: [registry],
  });

  const middleware = (req: Request, res: Response, next: NextFunction) => {
    trackRoute(req);
    const end = duration.startTimer();
    const clock = startStages(req);
    res.once('finish', () => {
      const route = routeOf(req);
      end({ method: req.method, route });
      if (req.stages?.reported) {
        for (const { stage, ms, databaseMs, queries } of clock.stages()) {
          stageSeconds.observe({ route, stage }, ms / 1000);
          stageDatabaseSeconds.inc({ route, stage }, databaseMs / 1000);
          stageQueries.inc({ route, stage }, queries);
        }
      }
      requests.inc({ method: req.method, route, status: res.statusCode });
      if (res.statusCode >= 400)
        errors.inc({ method: req.method, route, class: `${Math.floor(res.statusCode / 100)}xx` });
    });
    next();
  };

  const routes = Router();
  routes.get('/metrics', async (req, res) => {
    if (token && !sameSecret(req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? '', token)) {
      const refusal = new HttpError(401, 'UNAUTHENTICATED', 'Send METRICS_TOKEN as a bearer token');
      return void res.status(401).set('WWW-Authenticate', 'Bearer').json(refusal.toBody());
    }
    res.set('Content-Type', registry.contentType).send(await registry.metrics());
  });
  return { registry, middleware, routes };
}

export type HttpMetrics = ReturnType<typeof httpMetrics>;

/**
 * The API's metrics on a listener of their own — never the API's port, which a front or a load balancer
 * publishes — bound to `host` (loopback unless METRICS_HOST says otherwise). Scrapes are counted too.
 */
export function serveMetrics(metrics: HttpMetrics, port: number, host: string): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  app.use(metrics.middleware, metrics.routes);
  app.use((_req, res) => {
    res.status(404).json(new HttpError(404, 'NOT_FOUND', 'Only GET /metrics is served here').toBody());
  });
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

const digest = (s: string) => createHash('sha256').update(s).digest();
const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));
