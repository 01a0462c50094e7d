import pino from 'pino';

/**
 * Structured JSON logs. They carry request ids, rule ids, case ids and error names — never request
 * bodies, names, dates of birth, or health and service details (R-ROI).
 */
export type Logger = pino.Logger;

export function createLogger(
  name: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
): Logger {
  return pino({ name, level, base: { service: name } }, destination);
}
