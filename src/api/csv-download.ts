import type { Response } from 'express';
import { fileDownload } from './file-download';

/** Sends a CSV file as a download. */
export function csvDownload(res: Response, file: string, body: string): void {
  fileDownload(res, 'text/csv; charset=utf-8', file, body);
}
