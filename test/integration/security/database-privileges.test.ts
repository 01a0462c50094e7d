import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../../src/db/embedded-postgres';
import { LEAD_APP_ROLE, LEAD_DATABASE, LEAD_OWNER_ROLE, newRole } from '../../../src/db/embedded-database';
import {
  provisionLeadDatabase,
  provisionTemporalDatabases,
  urlFor,
  type ProvisionedUrls,
  type RoleCredentials,
} from '../../../src/db/provision';
import { applyMigrations } from '../../../src/db/schema-engine';

/**
 * Least privilege on the real server: migrations run as the owner; the API and worker connect as an
 * application role that is neither owner nor superuser and can only add to the append-only tables;
 * Temporal's role reaches its own databases only.
 */
let server: EmbeddedPostgres;
let urls: ProvisionedUrls;
const temporal: RoleCredentials = newRole('temporal');
const APPEND_ONLY = ['AuditEntry', 'Disclosure'];
/** Counts that only grow (issue 22 item 9: requests without a sign-in, audited in aggregate). */
const COUNTS_ONLY = ['UnauthenticatedRequestCount'];

beforeAll(async () => {
  server = await startEmbeddedPostgres();
  urls = await provisionLeadDatabase(server.adminUrl(), {
    database: LEAD_DATABASE,
    owner: newRole(LEAD_OWNER_ROLE),
    app: newRole(LEAD_APP_ROLE),
  });
  await applyMigrations(urls.ownerUrl);
  await provisionTemporalDatabases(server.adminUrl(), temporal, ['temporal', 'temporal_visibility']);
});
afterAll(async () => {
  await server?.stop();
});

async function as<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
const fails = (url: string, sql: string) =>
  as(url, (c) => c.query(sql)).then(
    () => 'succeeded',
    (err: Error) => err.message,
  );

test('the application role is neither superuser nor owner, and cannot create objects', async () => {
  const roles = await as(
    server.adminUrl(),
    async (c) =>
      (
        await c.query(
          `SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname IN ('lead_owner', 'lead_app', 'temporal') ORDER BY rolname`,
        )
      ).rows,
  );
  expect(roles).toEqual(
    ['lead_app', 'lead_owner', 'temporal'].map((rolname) => ({
      rolname,
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
    })),
  );
  const owned = await as(
    urls.ownerUrl,
    async (c) =>
      (await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'lead_owner'`))
        .rows,
  );
  expect(owned).toEqual([]);
  expect(await fails(urls.appUrl, 'CREATE TABLE sneaky (id int)')).toMatch(/permission denied for schema public/);
});

test.each(APPEND_ONLY)(
  'on %s the application role can add and read rows, but not update, delete, truncate or disable the triggers',
  async (table) => {
    const inserted = await as(urls.appUrl, async (c) => {
      const sql =
        table === 'AuditEntry'
          ? `INSERT INTO "AuditEntry" ("actorId", "actorRole", action, "requestId", outcome, method, path, status) VALUES ('u', 'supervisor', 'stuck.read', 'req-1', 'ALLOWED', 'GET', '/api/stuck', 200) RETURNING id`
          : `INSERT INTO "Disclosure" ("caseId", "personId", "actorId", "actorRole", kinds, basis, channel, "requestId") VALUES ('C-1', '00000000-0000-4000-8000-000000000001', 'u', 'prosecutor', ARRAY['REFERRAL_RECORD'], 'R-PACKET', 'GET /api/cases/:caseId', 'req-1') RETURNING id`;
      return (await c.query(sql)).rowCount;
    });
    expect(inserted).toBe(1);
    expect(await fails(urls.appUrl, `SELECT count(*) FROM "${table}"`)).toBe('succeeded');
    expect(await fails(urls.appUrl, `UPDATE "${table}" SET "actorId" = 'someone-else'`)).toMatch(/permission denied/);
    expect(await fails(urls.appUrl, `DELETE FROM "${table}"`)).toMatch(/permission denied/);
    expect(await fails(urls.appUrl, `TRUNCATE "${table}"`)).toMatch(/permission denied/);
    expect(await fails(urls.appUrl, `ALTER TABLE "${table}" DISABLE TRIGGER ALL`)).toMatch(/must be owner/);
    expect(await fails(urls.appUrl, `SET session_replication_role = replica`)).toMatch(/permission denied/);
    expect(await fails(urls.appUrl, `DROP TRIGGER "${table}_no_truncate" ON "${table}"`)).toMatch(/must be owner/);
  },
);

test("every other table: read and write rows, nothing more; the migrations table is the owner's alone", async () => {
  const rights = await as(
    urls.ownerUrl,
    async (c) =>
      (
        await c.query(`SELECT tablename,
        has_table_privilege('lead_app', format('%I', tablename), 'SELECT') AS s, has_table_privilege('lead_app', format('%I', tablename), 'INSERT') AS i,
        has_table_privilege('lead_app', format('%I', tablename), 'UPDATE') AS u, has_table_privilege('lead_app', format('%I', tablename), 'DELETE') AS d,
        has_table_privilege('lead_app', format('%I', tablename), 'TRUNCATE') AS t, has_table_privilege('lead_app', format('%I', tablename), 'TRIGGER') AS tr,
        has_table_privilege('lead_app', format('%I', tablename), 'REFERENCES') AS r
      FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
      ).rows as Array<Record<string, string | boolean>>,
  );
  expect(rights.length).toBeGreaterThan(10);
  for (const row of rights) {
    const expected =
      row.tablename === '_prisma_migrations'
        ? [false, false, false, false]
        : APPEND_ONLY.includes(row.tablename as string)
          ? [true, true, false, false]
          : COUNTS_ONLY.includes(row.tablename as string)
            ? [true, true, true, false]
            : [true, true, true, true];
    expect({ table: row.tablename, rights: [row.s, row.i, row.u, row.d, row.t, row.tr, row.r] }).toEqual({
      table: row.tablename,
      rights: [...expected, false, false, false],
    });
  }
});

test("Temporal's role reaches its own databases only; the application's role does not reach Temporal's", async () => {
  expect(await fails(urlFor(server.adminUrl(), temporal, 'temporal'), 'SELECT 1')).toBe('succeeded');
  expect(await fails(urlFor(server.adminUrl(), temporal, LEAD_DATABASE), 'SELECT 1')).toMatch(
    /permission denied for database "lead"/,
  );
  expect(
    await fails(
      urlFor(urls.appUrl, { name: LEAD_APP_ROLE, password: new URL(urls.appUrl).password }, 'temporal'),
      'SELECT 1',
    ),
  ).toMatch(/permission denied for database "temporal"/);
});
