import { inspect } from 'node:util';

/**
 * What a person at the terminal reads, as plain lines: `npm start`'s and `npm run stack`'s banner (the
 * addresses, the demo passwords) and their stop steps, a command's answer and why it failed. Logs of the
 * running services go through pino (src/logging.ts) instead. Anything but text is shown as Node shows it.
 */
const lineOf = (parts: unknown[]) => `${parts.map((p) => (typeof p === 'string' ? p : inspect(p))).join(' ')}\n`;

export const say = (...parts: unknown[]): void => void process.stdout.write(lineOf(parts));
export const complain = (...parts: unknown[]): void => void process.stderr.write(lineOf(parts));
