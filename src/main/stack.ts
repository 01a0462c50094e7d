/**
 * `npm run stack`: the production topology on this machine, without Docker — PostgreSQL with
 * least-privilege roles, a Temporal server (v1.29, built from the Go module proxy) on it with its
 * frontend behind mutual TLS, the Temporal Web UI, two API processes behind a round-robin front, three
 * workers and an SMTP receiver. State is kept in `.data/stack` (STACK_DATA_DIR). Ctrl+C stops it.
 */
import path from 'node:path';
import { inboxRoutes } from '../mail/inbox-routes';
import { startProductionStack } from '../stack/production-stack';
import { readEnvironment } from './environment';
import express from 'express';

async function main() {
  const env = readEnvironment();
  const dataDir = path.resolve(env.STACK_DATA_DIR);
  console.log(
    `[stack] starting in ${dataDir} (the first start builds the Temporal server from the Go module proxy: a few minutes, once)`,
  );
  const stack = await startProductionStack({
    dataDir,
    frontPort: env.PORT,
    mail: { saveDir: path.join(dataDir, 'mail') },
  });
  const inbox = express().use(inboxRoutes(stack.mail)).listen(env.STACK_MAIL_INBOX_PORT, '127.0.0.1');
  // As the database's owner: the role that provisions people (the application role only reads them).
  const users = `MIGRATION_DATABASE_URL='${stack.database.urls.ownerUrl}' npm run users --`;
  console.log(`
The production-like stack is running.
  API (2 processes, round robin)  ${stack.baseUrl}   (pages and API; sign in with an account made as below)
  Temporal Web UI                 ${stack.baseUrl}/temporal   (signed in as a supervisor)
  Temporal frontend (mTLS)        ${stack.temporalAddress}   (client certificate in ${stack.certs.clientCert})
  Captured mail                   http://127.0.0.1:${env.STACK_MAIL_INBOX_PORT}/dev/mail
  Logs                            ${path.join(dataDir, 'logs')}
Add people:  ${users} add <id> --name "<name>" --role supervisor
Press Ctrl+C to stop.`);
  const stop = async () => {
    inbox.close();
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err) => {
  console.error('[stack] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
