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
 * application role that is neither owner nor superuser, can only add to the append-only tables (in the
 * name and at the time the database stamps) and only reads accounts; Temporal's role reaches its own
 * databases only.
 */
let server: EmbeddedPostgres;
let urls: ProvisionedUrls;
const temporal: RoleCredentials = newRole('temporal');
const APPEND_ONLY = ['AuditEntry', 'Disclosure', 'CaseEvent', 'ProgramConfigVersion'];
const PERSON = '00000000-0000-4000-8000-000000000001';
/** What the API does first in the transaction that writes a request's audit row and disclosures. */
const declare = (id: string, role: string, office = '') =>
  `SELECT set_config('lead.actor_id', '${id}', true), set_config('lead.actor_role', '${role}', true), set_config('lead.actor_office', '${office}', true)`;
const INSERT: Record<string, string> = {
  AuditEntry: `INSERT INTO "AuditEntry" ("actorId", "actorRole", action, "requestId", outcome, method, path, status) VALUES ('u', 'supervisor', 'stuck.read', 'req-1', 'ALLOWED', 'GET', '/api/stuck', 200) RETURNING id`,
  Disclosure: `INSERT INTO "Disclosure" ("caseId", "personId", "actorId", "actorRole", kinds, basis, channel, "requestId") VALUES ('C-1', '${PERSON}', 'u', 'prosecutor', ARRAY['REFERRAL_RECORD'], 'R-PACKET', 'GET /api/cases/:caseId', 'req-1') RETURNING id`,
  CaseEvent: `INSERT INTO "CaseEvent" ("referralId", seq, type, "occurredAt", "actorId", "actorRole") VALUES ('C-1', (SELECT coalesce(max(seq), 0) + 1 FROM "CaseEvent"), 'SCREENING_RECORDED', now(), 'u', 'case_manager') RETURNING id`,
  // Issue 26: a program's configuration history.
  ProgramConfigVersion: `INSERT INTO "ProgramConfigVersion" ("programId", version, config, note) VALUES ('burien', (SELECT coalesce(max(version), 0) + 1 FROM "ProgramConfigVersion"), '{}', 'test') RETURNING version`,
};
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
  // A case, as the API and the worker write one: the case events below belong to it.
  await as(urls.appUrl, async (c) => {
    await c.query(
      `INSERT INTO "Person" (id, "givenName", "familyName", "dateOfBirth") VALUES ('${PERSON}', 'Jordan', 'Avery', '1988-04-12')`,
    );
    await c.query(
      `INSERT INTO "Referral" (id, "submissionId", "submissionHash", type, "personId", agency, "officerId", details, "updatedAt") VALUES ('C-1', 's-1', 'h', 'ARREST_DIVERSION', '${PERSON}', 'BURIEN_PD', 'B-1047', '{}', now())`,
    );
    await c.query(
      `INSERT INTO "Program" (id, name, "caseIdPrefix", version) VALUES ('burien', 'Burien LEAD', 'BUR', 1)`,
    );
  });
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
/** Runs statements in one transaction on one connection, answering each one's rows. */
const inTransaction = (url: string, statements: string[]) =>
  as(url, async (c) => {
    await c.query('BEGIN');
    const rows = [];
    for (const sql of statements) rows.push((await c.query(sql)).rows);
    await c.query('COMMIT');
    return rows;
  });

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
    const [, inserted] = await inTransaction(urls.appUrl, [declare('u', 'prosecutor'), INSERT[table]]);
    expect(inserted).toHaveLength(1);
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
          : row.tablename === 'User'
            ? [true, false, true, false]
            : COUNTS_ONLY.includes(row.tablename as string)
              ? [true, true, true, false]
              : [true, true, true, true];
    expect({ table: row.tablename, rights: [row.s, row.i, row.u, row.d, row.t, row.tr, row.r] }).toEqual({
      table: row.tablename,
      rights: [...expected, false, false, false],
    });
  }
});

test('issue 22 item 9: as lead_app, an audit row and a disclosure written with a past time and another actor get the transaction time and the declared actor', async () => {
  const [, [now], [audit], [disclosed]] = await inTransaction(urls.appUrl, [
    declare('cm-1', 'case_manager'),
    `SELECT (now() AT TIME ZONE 'UTC')::timestamp(3) AS at`,
    `INSERT INTO "AuditEntry" (at, "actorId", "actorRole", action, "requestId", outcome, method, path, status)
     VALUES ('2001-01-01 00:00:00', 'someone-else', 'supervisor', 'stuck.read', 'req-2', 'ALLOWED', 'GET', '/api/stuck', 200)
     RETURNING at, "actorId", "actorRole"`,
    `INSERT INTO "Disclosure" (at, "actorId", "actorRole", "actorOffice", "caseId", "personId", kinds, basis, channel, "requestId")
     VALUES ('2001-01-01 00:00:00', 'someone-else', 'prosecutor', 'KCPAO', 'C-1', '${PERSON}', ARRAY['REFERRAL_RECORD'], 'R-PACKET', 'GET /api/cases/:caseId', 'req-2')
     RETURNING at, "actorId", "actorRole", "actorOffice"`,
  ]);
  expect(audit).toEqual({ at: now.at, actorId: 'cm-1', actorRole: 'case_manager' });
  expect(disclosed).toEqual({ at: now.at, actorId: 'cm-1', actorRole: 'case_manager', actorOffice: null });
  expect(now.at.getTime()).toBeGreaterThan(Date.parse('2020-01-01'));

  // The declaration ends with its transaction: the next one on the same connection declares its own.
  const next = await as(urls.appUrl, async (c) => {
    await c.query('BEGIN');
    await c.query(declare('pros-1', 'prosecutor', 'KCPAO'));
    await c.query('COMMIT');
    return (await c.query(INSERT.AuditEntry.replace(/RETURNING id$/, 'RETURNING "actorId", "actorRole"'))).rows[0];
  });
  expect(next).toEqual({ actorId: null, actorRole: null });
  expect(await fails(urls.appUrl, INSERT.Disclosure)).toMatch(
    /R-DISCLOSE: a disclosure is recorded in the name of the actor its transaction declares/,
  );
});

test('issue 22 item 9: as lead_app, UPDATE and DELETE on case events fail; the trigger refuses the owner too', async () => {
  await inTransaction(urls.appUrl, [INSERT.CaseEvent]);
  expect(await fails(urls.appUrl, `UPDATE "CaseEvent" SET type = 'ENROLLED'`)).toMatch(
    /permission denied for table CaseEvent/,
  );
  expect(await fails(urls.appUrl, `DELETE FROM "CaseEvent"`)).toMatch(/permission denied for table CaseEvent/);
  expect(await fails(urls.ownerUrl, `UPDATE "CaseEvent" SET type = 'ENROLLED'`)).toMatch(/append-only/);
  expect(await fails(urls.ownerUrl, `DELETE FROM "CaseEvent"`)).toMatch(/append-only/);
});

test('issue 22 item 9: as lead_app, no account is made, removed or given another role; the owner provisions them; lead_app may still end sessions', async () => {
  expect(
    await fails(
      urls.ownerUrl,
      `INSERT INTO "User" (id, "displayName", "passwordHash", role, agency) VALUES ('ana.lopez', 'Officer Ana Lopez', 'scrypt$x', 'officer', 'BURIEN_PD')`,
    ),
  ).toBe('succeeded');
  const provisioned = /provisioned by `npm run users` as the database owner/;
  for (const change of [
    `role = 'supervisor'`,
    `office = 'KCPAO'`,
    `agency = 'KCSO'`,
    `badge = 'B-1'`,
    `"passwordHash" = 'scrypt$known'`,
    `"displayName" = 'Supervisor'`,
    `demo = true`,
    `disabled = true`,
    `id = 'someone-else'`,
  ])
    expect({ change, result: await fails(urls.appUrl, `UPDATE "User" SET ${change} WHERE id = 'ana.lopez'`) }).toEqual({
      change,
      result: expect.stringMatching(provisioned),
    });
  expect(
    await fails(
      urls.appUrl,
      `INSERT INTO "User" (id, "displayName", "passwordHash", role) VALUES ('backdoor', 'B', 'scrypt$known', 'supervisor')`,
    ),
  ).toMatch(/permission denied for table User/);
  expect(await fails(urls.appUrl, `DELETE FROM "User" WHERE id = 'ana.lopez'`)).toMatch(
    /permission denied for table User/,
  );
  // Signing out everywhere raises the session version; lowering it would bring ended sessions back.
  expect(
    await fails(urls.appUrl, `UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE id = 'ana.lopez'`),
  ).toBe('succeeded');
  expect(await fails(urls.appUrl, `UPDATE "User" SET "sessionVersion" = 0 WHERE id = 'ana.lopez'`)).toMatch(
    /a session version only rises/,
  );
  expect(await fails(urls.ownerUrl, `UPDATE "User" SET role = 'supervisor' WHERE id = 'ana.lopez'`)).toBe('succeeded');
  const [[account]] = await inTransaction(urls.appUrl, [
    `SELECT role, "sessionVersion" FROM "User" WHERE id = 'ana.lopez'`,
  ]);
  expect(account).toEqual({ role: 'supervisor', sessionVersion: 1 });
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
