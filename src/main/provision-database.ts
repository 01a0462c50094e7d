/**
 * `npm run db:provision`: creates (or updates) the roles and databases of least privilege on a
 * PostgreSQL server, as its administrator — the product's database owned by `lead_owner` (migrations),
 * the application role `lead_app` (API and worker), and, when TEMPORAL_DB_PASSWORD is set, Temporal's
 * role and databases. Idempotent: run it again to rotate a password.
 */
import { DATABASES } from '../stack/settings';
import { provisionLeadDatabase, provisionTemporalDatabases } from '../db/provision';
import { readEnvironment, required, requireFor } from './environment';
import { say, complain } from '../process/terminal';

async function main() {
  const env = readEnvironment();
  requireFor(env, 'Provisioning', ['DATABASE_ADMIN_URL', 'LEAD_OWNER_PASSWORD', 'LEAD_APP_PASSWORD']);
  const lead = DATABASES.lead;
  await provisionLeadDatabase(required(env, 'DATABASE_ADMIN_URL'), {
    database: lead.database,
    owner: { name: lead.owner, password: required(env, 'LEAD_OWNER_PASSWORD') },
    app: { name: lead.app, password: required(env, 'LEAD_APP_PASSWORD') },
  });
  say(`Provisioned database ${lead.database}: owner ${lead.owner} (migrations), application role ${lead.app}`);
  if (env.TEMPORAL_DB_PASSWORD) {
    const temporal = DATABASES.temporal;
    await provisionTemporalDatabases(
      required(env, 'DATABASE_ADMIN_URL'),
      { name: temporal.role, password: env.TEMPORAL_DB_PASSWORD },
      [...temporal.databases],
    );
    say(`Provisioned ${temporal.databases.join(' and ')} for the role ${temporal.role}`);
  }
}

main().catch((err) => {
  complain(err instanceof Error ? err.message : err);
  process.exit(1);
});
