import { createHash } from 'node:crypto';

/**
 * A workflow query, the one read the Web UI makes with POST (a workflow's current details, its Queries
 * tab): read-only in Temporal — a query handler issues no command and history records nothing — and
 * admitted by the UI server's own `disableWriteActions` too. Plain segments only: no dot segment, no
 * percent-encoding, nothing the UI server could read as another path.
 */
const WORKFLOW_QUERY = /^\/api\/v1\/namespaces\/[\w.-]+\/workflows\/[\w.:-]+\/query\/[\w.-]+$/;

/**
 * Whether the Web UI may make this request through the product: reads only — GET, HEAD, and the POST
 * of a workflow query. `path` is the UI's own (without its public path). No start, signal, update,
 * reset, terminate, cancel or batch operation, whatever the method.
 */
export function isUiRead(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD') return true;
  return method === 'POST' && WORKFLOW_QUERY.test(path) && !path.split('/').some((s) => s === '.' || s === '..');
}

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
