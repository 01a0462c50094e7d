import { DYNAMIC_CONFIG } from './dynamic-config';

/**
 * How `npm start` and the fault tests run the Temporal CLI's dev server.
 *
 * Its SQLite file: the CLI's default is a rollback journal (several fsyncs and a journal file created
 * and deleted per transition); a write-ahead log commits with one fsync, and `synchronous=full` keeps
 * every committed transition — a started case, a timer — on disk before the server answers, so a crash
 * of the machine loses nothing acknowledged.
 *
 * Its dynamic configuration: the same as the Temporal server's in `npm run stack` and docker compose.
 */
export const DEV_SERVER_FLAGS = [
  '--sqlite-pragma',
  'journal_mode=wal',
  '--sqlite-pragma',
  'synchronous=full',
  ...Object.entries(DYNAMIC_CONFIG).flatMap(([key, value]) => [
    '--dynamic-config-value',
    `${key}=${JSON.stringify(value)}`,
  ]),
];
