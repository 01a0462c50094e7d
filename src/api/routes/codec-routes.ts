import cors from 'cors';
import { Router, type RequestHandler } from 'express';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { z } from 'zod';
import { decodedPayloadEntry, mayDecodePayloads } from '../../disclosure';
import type { Database } from '../../db/queries/database';
import { personIdsOfCases } from '../../db/queries/cases';
import { PayloadDecodeError } from '../../temporal/payload-encryption';
import { requirePermission } from '../authentication';
import { recordDisclosure } from '../case-reads';
import { HttpError, validationError } from '../http-error';
import { jsonBody } from '../input-checks';
import type { Program } from '../../programs/program';
import { NOT_EVERY_PROGRAM, readsEveryProgram } from '../program-routers';

/** Case ids anywhere in decoded payloads (workflow inputs, case actions, views all name their case). */
const CASE_ID_IN_TEXT = /\b[A-Z]{2,4}-[0-9A-HJKMNP-TV-Z]{10}\b/g;

const bodySchema = z.object({
  payloads: z
    .array(z.object({ metadata: z.record(z.string(), z.string()).optional(), data: z.string().optional() }))
    .max(1000),
});

const fromJson = (p: { metadata?: Record<string, string>; data?: string }): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});
const toJson = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

/** A payload the service cannot decrypt is the caller's to fix (400), naming the payload and its part. */
function refuseUndecodable(err: unknown): never {
  if (!(err instanceof PayloadDecodeError)) throw err;
  const field = `payloads.${err.index}.${err.field}`;
  throw new HttpError(400, 'PAYLOAD_NOT_DECODABLE', `Invalid request body: ${field}: ${err.message}`, {
    fields: [{ field, message: err.message }],
  });
}

/**
 * The codec server the Temporal Web UI calls to show decrypted payloads: supervisors only, signed in,
 * and only from the Web UI's own origin (CORS). Each case the decoded payloads make identifiable is a
 * disclosure (R-DISCLOSE), recorded before the payloads leave.
 */
export function codecRoutes(
  db: Database,
  codec: PayloadCodec,
  webUiOrigin: string | undefined,
  /** Refuses a caller the app did not identify (`requireSignIn`). */
  signedIn: RequestHandler,
  /** The programs this service runs: a decoder reads every one (`readsEveryProgram`). */
  programs: () => Promise<ReadonlyMap<string, Program>>,
): Router {
  const router = Router();
  router.use(
    cors({
      origin: (origin, done) => done(null, webUiOrigin !== undefined && origin === webUiOrigin),
      credentials: true,
      allowedHeaders: ['content-type', 'authorization', 'x-namespace'],
      methods: ['POST'],
    }),
  );
  // Who is calling and whether they may, before what they sent: the body is read only for a decoder.
  router.use(signedIn, async (req, _res, next) => {
    const actor = requirePermission(req, 'codec.decode');
    if (!mayDecodePayloads(actor.role))
      throw new HttpError(
        403,
        'FORBIDDEN',
        `Decoded payloads hold whole cases: only readers of every case's full record may decode them (R-ROI)`,
        { permission: 'codec.decode' },
      );
    if (!readsEveryProgram(actor.programs, await programs()))
      throw new HttpError(403, 'NOT_EVERY_PROGRAM', NOT_EVERY_PROGRAM, { ruleId: 'R-ROI' });
    next();
  });
  router.use(jsonBody('4mb'));
  for (const op of ['decode', 'encode'] as const) {
    // Not a declared route (the Web UI's codec protocol): the answer is sent here, after its disclosures.
    router.post(`/${op}`, async (req, res) => {
      const parsed = bodySchema.safeParse(req.body);
      if (!parsed.success) throw validationError(parsed.error);
      const payloads = parsed.data.payloads.map(fromJson);
      if (op === 'encode') return void res.json({ payloads: (await codec.encode(payloads)).map(toJson) });
      const decoded = await codec.decode(payloads).catch(refuseUndecodable);
      const ids = new Set(
        decoded.flatMap(
          (p) =>
            Buffer.from(p.data ?? new Uint8Array())
              .toString('utf8')
              .match(CASE_ID_IN_TEXT) ?? [],
        ),
      );
      if (ids.size > 0) {
        const cases = await personIdsOfCases(db, [...ids]);
        for (const c of cases) recordDisclosure(req, decodedPayloadEntry({ caseId: c.id, personId: c.personId }));
      }
      res.json({ payloads: decoded.map(toJson) });
    });
  }

  return router;
}
