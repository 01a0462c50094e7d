import type { NextFunction, Request, Response } from 'express';
import { writeAuditTrail } from '../db/queries/audit';
import type { Database } from '../db/queries/database';
import type { Logger } from '../logging';
import { HttpError } from './http-error';
import { assignRequestId, routeOf } from './request-log';
import { countUnauthenticatedRequest } from './unauthenticated-requests';

/** Requests that are not actions on cases (reading forms' codes, getting a CSRF token). */
const NOT_AUDITED = new Set(['/api/form-config', '/api/auth/csrf', '/api/auth/me']);

function outcomeOf(status: number): string {
  return status < 400 ? 'ALLOWED' : status === 401 || status === 403 ? 'DENIED' : status >= 500 ? 'FAILED' : 'REFUSED';
}

/** The audit row and the disclosures of one request, in one transaction. */
function writeTrail(db: Database, req: Request, status: number) {
  const path = req.originalUrl.split('?')[0];
  const caseId = req.audit?.caseId ?? (typeof req.params?.caseId === 'string' ? req.params.caseId : undefined);
  const actor = req.actor;
  // What a refusal shows (a 422 with the person's prior referrals) is a disclosure too; a server error shows nothing.
  const disclosures = status < 500 && actor ? (req.disclosures ?? []) : [];
  // The rows' actor and time are the ones the triggers stamp from this declaration (issue 22 item 9).
  return writeAuditTrail(
    db,
    actor,
    {
      requestId: req.requestId!,
      clientRequestId: req.clientRequestId ?? null,
      action: req.audit?.action ?? `${req.method} ${path}`.slice(0, 200),
      caseId: caseId && caseId.length <= 40 ? caseId : null,
      method: req.method,
      path: path.slice(0, 300),
      status,
      outcome: outcomeOf(status),
    },
    { channel: `${req.method} ${routeOf(req)}`, entries: disclosures },
  );
}

/**
 * Every API request gets a request id, and every signed-in one exactly one row in the append-only audit
 * trail — who, role, action, case, when, request id, outcome; reads and refusals included — together
 * with the disclosures it made (R-DISCLOSE). A request without a sign-in is counted per minute, address,
 * route and answer instead (it discloses nothing). Both are written before the response leaves: a
 * request whose trail cannot be written answers 503 instead, and no protected data leaves without its
 * disclosure row.
 */
export function auditTrail(db: Database, log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    assignRequestId(req, res);
    if (NOT_AUDITED.has(req.originalUrl.split('?')[0])) return next();
    const send = res.send.bind(res);
    let written = false;
    let writing = false;
    res.send = (body?: unknown) => {
      if (written) return send(body);
      if (writing) return res;
      writing = true;
      const write = () =>
        req.actor ? writeTrail(db, req, res.statusCode) : countUnauthenticatedRequest(db, req, res.statusCode);
      (req.stages ? req.stages.clock.time('audit', write) : write()).then(
        () => {
          written = true;
          send(body);
        },
        (err: Error) => {
          written = true;
          // A refusal that shows nothing of a person (the database being down, say) still says what happened.
          if (res.statusCode >= 400 && !req.disclosures?.length) {
            log.error({ requestId: req.requestId, err: err.name }, 'audit trail not written for a refusal');
            return void send(body);
          }
          log.error({ requestId: req.requestId, err: err.name }, 'audit trail not written: answer withheld');
          const refusal = new HttpError(
            503,
            'AUDIT_UNAVAILABLE',
            'The audit trail could not be written, so the answer is withheld. If you changed something it may have been recorded: send the same request again (with the same Idempotency-Key) shortly.',
          );
          res.removeHeader('Content-Disposition');
          res.status(503).set('Retry-After', '5').type('json');
          send(JSON.stringify(refusal.toBody()));
        },
      );
      return res;
    };
    next();
  };
}
