import cors from 'cors';
import express, { Router, type RequestHandler } from 'express';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { z } from 'zod';
import { requirePermission } from '../authentication';
import { validationError } from '../http-error';

const bodySchema = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), z.string()).optional(), data: z.string().optional() })).max(1000),
});

const fromJson = (p: { metadata?: Record<string, string>; data?: string }): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});
const toJson = (p: Payload) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')])),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

/**
 * The codec server the Temporal Web UI calls to show decrypted payloads: supervisors only, signed in,
 * and only from the Web UI's own origin (CORS).
 */
export function codecRoutes(codec: PayloadCodec, webUiOrigin: string, authenticate: RequestHandler): Router {
  const router = Router();
  router.use(cors({ origin: (origin, done) => done(null, origin === webUiOrigin), credentials: true, allowedHeaders: ['content-type', 'authorization', 'x-namespace'], methods: ['POST'] }));
  router.use(express.json({ limit: '4mb' }));
  router.use(authenticate);
  for (const op of ['decode', 'encode'] as const) {
    router.post(`/${op}`, async (req, res) => {
      requirePermission(req, 'codec.decode');
      const parsed = bodySchema.safeParse(req.body);
      if (!parsed.success) throw validationError(parsed.error);
      const payloads = parsed.data.payloads.map(fromJson);
      const out = op === 'decode' ? await codec.decode(payloads) : await codec.encode(payloads);
      res.json({ payloads: out.map(toJson) });
    });
  }
  return router;
}
