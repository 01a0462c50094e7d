import { createHash } from 'node:crypto';

/**
 * The SHA-256 (base64) of each inline script of a page, as a Content-Security-Policy names it: the
 * Temporal Web UI's page starts itself with one inline script, whose text depends on its public path.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, text] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    hashes.add(createHash('sha256').update(text, 'utf8').digest('base64'));
  }
  return [...hashes];
}

/**
 * The Web UI's settings with its write actions off, whatever its server says: the UI then offers no
 * start, signal, update, reset, terminate or cancel. (`npm start`'s Temporal dev server embeds a UI
 * server that has no option for it; the stand-alone one is configured so, `disableWriteActions`.)
 * A body that is not a JSON object is returned as it is.
 */
export function readOnlySettings(body: Buffer): Buffer {
  let settings: unknown;
  try {
    settings = JSON.parse(body.toString('utf8'));
  } catch {
    return body;
  }
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return body;
  return Buffer.from(JSON.stringify({ ...settings, DisableWriteActions: true }));
}
