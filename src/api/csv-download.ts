import type { FileAnswer } from './contract/route';

/** A CSV file answer, saved under `filename`. */
export const csvFile = (filename: string, content: string): FileAnswer => ({
  contentType: 'text/csv; charset=utf-8',
  filename,
  content,
});
