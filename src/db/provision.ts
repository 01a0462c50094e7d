import pg from 'pg';

/**
 * Least privilege on one PostgreSQL server: the product's database belongs to an owner role used only
 * by migrations; the API and the worker connect as an application role that is neither owner nor
 * superuser (its rights are granted by the migrations to the group role `lead_application`: no
 * UPDATE, DELETE or TRUNCATE on the append-only tables); Temporal's databases belong to a role of their
 * own that cannot connect to the product's. Run with a superuser (or a role with CREATEROLE and
 * CREATEDB); every step is idempotent, and a password given again is set again.
 */
export const APPLICATION_GROUP = 'lead_application';

export interface RoleCredentials {
  name: string;
  password: string;
}

export interface LeadDatabaseRoles {
  database: string;
  owner: RoleCredentials;
  app: RoleCredentials;
}

export interface ProvisionedUrls {
  /** For migrations only. */
  ownerUrl: string;
  /** For the API and the worker. */
  appUrl: string;
}

export async function provisionLeadDatabase(adminUrl: string, roles: LeadDatabaseRoles): Promise<ProvisionedUrls> {
  await withClient(adminUrl, async (admin) => {
    await ensureLoginRole(admin, roles.owner);
    await ensureGroupRole(admin, APPLICATION_GROUP);
    await ensureLoginRole(admin, roles.app);
    await admin.query(`GRANT ${id(admin, APPLICATION_GROUP)} TO ${id(admin, roles.app.name)}`);
    await ensureDatabase(admin, roles.database, roles.owner.name);
    await admin.query(
      `GRANT CONNECT, TEMPORARY ON DATABASE ${id(admin, roles.database)} TO ${id(admin, APPLICATION_GROUP)}`,
    );
  });
  // Nobody but the owner creates objects; the application may only use them.
  await withClient(withDatabase(adminUrl, roles.database), async (admin) => {
    await admin.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
    await admin.query(`GRANT USAGE ON SCHEMA public TO ${id(admin, APPLICATION_GROUP)}`);
  });
  return {
    ownerUrl: urlFor(adminUrl, roles.owner, roles.database),
    appUrl: urlFor(adminUrl, roles.app, roles.database),
  };
}

/** Temporal's persistence and visibility databases, owned by Temporal's own role. */
export async function provisionTemporalDatabases(
  adminUrl: string,
  role: RoleCredentials,
  databases: string[],
): Promise<void> {
  await withClient(adminUrl, async (admin) => {
    await ensureLoginRole(admin, role);
    for (const database of databases) await ensureDatabase(admin, database, role.name);
  });
}

/** The same server and options as `url`, as another role and database. */
export function urlFor(url: string, role: RoleCredentials, database: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role.name);
  u.password = encodeURIComponent(role.password);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Runs `work` on one connection to `url`, closed afterwards whatever happens. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const id = (client: pg.Client, name: string) => client.escapeIdentifier(name);

async function roleExists(client: pg.Client, name: string): Promise<boolean> {
  return (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name])).rowCount === 1;
}

async function ensureLoginRole(client: pg.Client, role: RoleCredentials): Promise<void> {
  const verb = (await roleExists(client, role.name)) ? 'ALTER' : 'CREATE';
  await client.query(
    `${verb} ROLE ${id(client, role.name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(role.password)}`,
  );
}

async function ensureGroupRole(client: pg.Client, name: string): Promise<void> {
  if (!(await roleExists(client, name))) await client.query(`CREATE ROLE ${id(client, name)} NOLOGIN`);
}

async function ensureDatabase(client: pg.Client, database: string, owner: string): Promise<void> {
  const exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1;
  if (!exists)
    await client.query(
      `CREATE DATABASE ${id(client, database)} OWNER ${id(client, owner)} ENCODING 'UTF8' TEMPLATE template0`,
    );
  await client.query(`REVOKE ALL ON DATABASE ${id(client, database)} FROM PUBLIC`);
}
