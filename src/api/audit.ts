import type { NextFunction, Request, Response } from 'express';
import type { PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../logging';
import { assignRequestId } from './request-log';

/** Requests that are not actions on cases (reading forms' codes, getting a CSRF token). */
const NOT_AUDITED = new Set(['/api/form-config', '/api/auth/csrf', '/api/auth/me']);

/**
 * Every API request gets a request id (kept from X-Request-Id when well-formed, else new) and, once
 * answered, exactly one row in the append-only audit trail: who, role, action, case, when, request
 * id and outcome — reads and refusals included.
 */
export function auditTrail(db: PrismaClient, log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    assignRequestId(req, res);
    res.on('finish', () => {
      const path = req.originalUrl.split('?')[0];
      if (NOT_AUDITED.has(path)) return;
      const status = res.statusCode;
      const outcome = status < 400 ? 'ALLOWED' : status === 401 || status === 403 ? 'DENIED' : status >= 500 ? 'FAILED' : 'REFUSED';
      const caseId = req.audit?.caseId ?? (typeof req.params?.caseId === 'string' ? req.params.caseId : undefined);
      db.auditEntry
        .create({
          data: {
            requestId: req.requestId!,
            actorId: req.actor?.id ?? null,
            actorRole: req.actor?.role ?? null,
            action: req.audit?.action ?? `${req.method} ${path}`.slice(0, 200),
            caseId: caseId && caseId.length <= 40 ? caseId : null,
            method: req.method,
            path: path.slice(0, 300),
            status,
            outcome,
          },
        })
        .catch((err: Error) => log.error({ requestId: req.requestId, err: err.name }, 'audit row not written'));
    });
    next();
  };
}
