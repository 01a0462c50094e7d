/**
 * `npm run stack`: the production topology on this machine, without Docker — PostgreSQL with
 * least-privilege roles, a Temporal server (v1.29, built from the Go module proxy) on it with its
 * frontend behind mutual TLS, the Temporal Web UI, two API processes behind a round-robin front, three
 * workers and an SMTP receiver. State is kept in `.data/stack` (STACK_DATA_DIR). Ctrl+C (or SIGTERM)
 * stops every part in reverse order of starting, each waited for (src/stack/production-stack.ts).
 */
import path from 'node:path';
import { inboxRoutes } from '../mail/inbox-routes';
import { startProductionStack } from '../stack/production-stack';
import { readEnvironment } from './environment';
import express from 'express';
import { launcher } from '../process/launcher';
import { say, complain } from '../process/terminal';

const { parts, shutdown } = launcher('stack');

async function main() {
  const env = readEnvironment();
  const dataDir = path.resolve(env.STACK_DATA_DIR);
  say(
    `[stack] starting in ${dataDir} (the first start builds the Temporal server from the Go module proxy: a few minutes, once)`,
  );
  const stack = await startProductionStack(
    {
      dataDir,
      frontPort: env.PORT,
      mail: { saveDir: path.join(dataDir, 'mail') },
      // Issue 26: the programs the APIs and workers run, when several.
      ...(env.LEAD_PROGRAM_FILES ? { env: { LEAD_PROGRAM_FILES: env.LEAD_PROGRAM_FILES } } : {}),
    },
    parts,
  );
  const inbox = express().use(inboxRoutes(stack.mail)).listen(env.STACK_MAIL_INBOX_PORT, '127.0.0.1');
  parts.add('the mail page', () => new Promise((resolve) => inbox.close(resolve)));
  // As the database's owner: the role that provisions people (the application role only reads them).
  const users = `MIGRATION_DATABASE_URL='${stack.database.urls.ownerUrl}' npm run users --`;
  say(`
The production-like stack is running.
  API (2 processes, round robin)  ${stack.baseUrl}   (pages and API; sign in with an account made as below)
  Temporal Web UI                 ${stack.baseUrl}/temporal   (signed in as a supervisor)
  Temporal frontend (mTLS)        ${stack.temporalAddress}   (client certificate in ${stack.certs.clientCert})
  Captured mail                   http://127.0.0.1:${env.STACK_MAIL_INBOX_PORT}/dev/mail
  Logs                            ${path.join(dataDir, 'logs')}
Add people:  ${users} add <id> --name "<name>" --role supervisor
Press Ctrl+C to stop.`);
}

main().catch(async (err) => {
  complain('[stack] failed to start:', err instanceof Error ? err.message : err);
  await shutdown(1);
});
