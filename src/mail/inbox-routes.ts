import { Router } from 'express';
import type { MailCapture } from './capture-server';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The developer's inbox: every notice the service sent while running on embedded defaults. */
export function inboxRoutes(capture: MailCapture): Router {
  const router = Router();
  router.get('/dev/mail.json', (_req, res) => {
    res.json(capture.messages);
  });
  router.get('/dev/mail', (_req, res) => {
    const items = [...capture.messages]
      .reverse()
      .map(
        (m) =>
          `<article><h2>${escape(m.subject)}</h2><p>To: ${escape(m.to.join(', '))} · ${escape(m.receivedAt)}</p><pre>${escape(m.text)}</pre></article>`,
      )
      .join('\n');
    res
      .type('html')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Captured mail</title></head><body><h1>Captured mail (${capture.messages.length})</h1>${items || '<p>No mail yet.</p>'}</body></html>`,
      );
  });
  return router;
}
