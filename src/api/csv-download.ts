import type { Response } from 'express';

/** Sends a CSV file as a download. */
export function csvDownload(res: Response, file: string, body: string): void {
  res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${file}"`).send(body);
}
