import type { Response } from 'express';

/**
 * Sends a file as a download, saved under `file`. The audit trail writes the request's disclosures
 * when the body is sent (res.send), before any of it leaves: send the whole file, never a stream.
 */
export function fileDownload(res: Response, contentType: string, file: string, body: string | Buffer): void {
  res.type(contentType).set('Content-Disposition', `attachment; filename="${file}"`).send(body);
}
