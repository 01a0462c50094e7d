import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const positive = z.coerce.number().int().min(1);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Every environment variable any process of the service reads, in one validated schema (the README's
 * "Environment" table is generated from these descriptions). Which ones a process cannot start
 * without is `requireFor` below.
 */
export const environmentSchema = z.object({
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .describe('PostgreSQL URL of the application role (not the owner): API, worker'),
  MIGRATION_DATABASE_URL: z
    .string()
    .url()
    .optional()
    .describe(
      'PostgreSQL URL of the database owner, the role that migrates and provisions people: `npm run db:migrate`, `npm run users` (default: DATABASE_URL; `npm run users` without either: the embedded database of `npm start`)',
    ),
  DATABASE_ADMIN_URL: z
    .string()
    .url()
    .optional()
    .describe("`npm run db:provision`: a PostgreSQL administrator's URL (creates the roles and databases)"),
  LEAD_OWNER_PASSWORD: z
    .string()
    .min(16)
    .optional()
    .describe('`npm run db:provision`: the password of `lead_owner`, the role migrations run as'),
  LEAD_APP_PASSWORD: z
    .string()
    .min(16)
    .optional()
    .describe('`npm run db:provision`: the password of `lead_app`, the role the API and worker connect as'),
  TEMPORAL_DB_PASSWORD: z
    .string()
    .min(16)
    .optional()
    .describe("`npm run db:provision`: the password of `temporal`, the role owning Temporal's databases"),
  SMTP_URL: z.string().url().optional().describe('SMTP relay for notices: worker'),
  LEAD_CONFIG_FILE: z
    .string()
    .optional()
    .describe(
      'The jurisdiction configuration of a deployment of one program: it starts that program, named by the file (default: src/config/jurisdictions/burien.json)',
    ),
  LEAD_PROGRAM_FILES: z
    .string()
    .optional()
    .describe(
      'Jurisdiction files, comma-separated, each starting a program named by its file (`burien.json` → `burien`) the first time; the first is the program served (default: LEAD_CONFIG_FILE; `npm start`: Burien and Harbor County)',
    ),
  PUBLIC_URL: z.string().url().optional().describe('The address people open, used in links of notices'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe("The API's port"),
  TRUST_PROXY: z.coerce
    .number()
    .int()
    .min(0)
    .max(5)
    .default(0)
    .describe('How many proxies (load balancers) stand in front of the API: their X-Forwarded-For names the caller'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Log level (pino)'),

  TEMPORAL_ADDRESS: z
    .string()
    .min(3)
    .optional()
    .describe('Temporal frontend host:port (read with the other TEMPORAL_* settings by @temporalio/envconfig)'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default').describe('Temporal namespace'),
  TEMPORAL_API_KEY: z.string().min(1).optional().describe('Temporal Cloud API key'),
  TEMPORAL_TLS: flag.optional().describe('Connect to Temporal over TLS (implied by the TLS settings below)'),
  TEMPORAL_TLS_CLIENT_CERT_PATH: z.string().optional().describe('mTLS: the client certificate (PEM)'),
  TEMPORAL_TLS_CLIENT_KEY_PATH: z.string().optional().describe('mTLS: the client key (PEM)'),
  TEMPORAL_TLS_SERVER_CA_CERT_PATH: z
    .string()
    .optional()
    .describe("The CA that signed the Temporal frontend's certificate (PEM)"),
  TEMPORAL_TLS_SERVER_NAME: z
    .string()
    .optional()
    .describe("The name the frontend's certificate carries, when not the address's host"),
  TEMPORAL_PROFILE: z.string().optional().describe('Profile of a Temporal client configuration file (TOML)'),
  TEMPORAL_CONFIG_FILE: z
    .string()
    .optional()
    .describe('A Temporal client configuration file (TOML) holding the settings above'),
  TEMPORAL_UI_URL: z
    .string()
    .url()
    .optional()
    .describe('Where supervisors open the Temporal Web UI, when it is not served at /temporal'),
  TEMPORAL_UI_UPSTREAM: z
    .string()
    .url()
    .optional()
    .describe(
      'The Temporal Web UI server (public path /temporal): the API serves it at /temporal to signed-in supervisors',
    ),

  AUTH_ISSUER: z.string().min(1).optional().describe('Issuer every bearer token must carry: API'),
  AUTH_AUDIENCE: z.string().min(1).optional().describe('Audience every bearer token must carry: API'),
  AUTH_JWKS_URL: z
    .string()
    .url()
    .optional()
    .describe("The identity provider's JWKS (one of the two with AUTH_LOCAL_KEY): API"),
  AUTH_LOCAL_KEY: z
    .string()
    .min(1)
    .optional()
    .describe("The service's own ES256 key pair (JSON), for local sign-in: API"),
  AUTH_SESSION_HOURS: z.coerce.number().positive().max(24).default(8).describe('How long a sign-in lasts'),
  CSRF_SECRET: z
    .string()
    .min(32)
    .optional()
    .describe('Secret of the CSRF tokens of cookie sessions (at least 32 characters): API'),
  EVALUATION_PSEUDONYM_KEY: z
    .string()
    .min(32)
    .optional()
    .describe(
      "R-EVAL: the key of the evaluators' pseudonymous person ids (at least 32 characters), the same for every API process and kept across restarts, so one person keeps one pseudonym: API (`npm start` keeps its own in LEAD_DATA_DIR)",
    ),
  LEAD_PAYLOAD_KEYS: z
    .string()
    .min(1)
    .optional()
    .describe('Payload encryption keys, `id:base64,…`, newest first: API, worker'),

  WORKER_CACHED_WORKFLOWS: z.coerce
    .number()
    .int()
    .min(0)
    .default(100)
    .describe('Open cases a worker keeps in memory between tasks'),
  WORKER_HEALTH_PORT: port.optional().describe("Port of the worker's /livez and /readyz"),
  METRICS_HOST: z
    .union([z.ipv4(), z.ipv6(), z.hostname()])
    .default('127.0.0.1')
    .describe("The address the API's and the worker's metrics listen on (`0.0.0.0`: reachable from other machines)"),
  METRICS_PORT: port.optional().describe("Port of the worker's Temporal SDK metrics (Prometheus; `npm start`: 9464)"),
  API_METRICS_PORT: port
    .optional()
    .describe(
      "Port of the API's metrics (Prometheus `GET /metrics`; a listener of its own, never `PORT`; `npm start`: 9465)",
    ),
  METRICS_TOKEN: z
    .string()
    .min(16)
    .optional()
    .describe(
      "Bearer token (16 characters or more) the API's `GET /metrics` needs; required with `API_METRICS_PORT` outside `npm start`",
    ),
  LEAD_WORKFLOW_BUNDLE: z
    .string()
    .optional()
    .describe(
      'A workflow bundle the worker loads instead of its default (compiled: dist/workflow-bundle.js from npm run build; from the sources: bundled at start)',
    ),
  RECONCILE_INTERVAL_MS: positive
    .default(60_000)
    .describe('How often the worker starts workflows of referrals recorded without one'),
  RECONCILE_AFTER_MS: positive.default(30_000).describe('How old such a referral must be'),

  RATE_LIMIT_SIGN_IN_FAILURES_PER_ADDRESS: positive
    .default(50)
    .describe('Failed sign-ins allowed per address within the window'),
  RATE_LIMIT_SIGN_IN_BACKOFF_MAX_SECONDS: positive
    .default(300)
    .describe(
      "The longest wait before an account's next sign-in attempt (each wrong password doubles it from 1 s; a success, or a window without attempts, clears it)",
    ),
  RATE_LIMIT_SIGN_IN_WINDOW_MINUTES: positive.default(15).describe('The sign-in window'),
  RATE_LIMIT_SUBMISSIONS: positive.default(60).describe('Referrals one person may submit per minute'),
  RATE_LIMIT_ORDER_CHECKS: positive
    .default(20)
    .describe(
      'Referrals and bookings with protective orders one person may submit per hour (each checks the orders against the people in LEAD today, R-EX-ORDER)',
    ),
  RATE_LIMIT_UNAUTHENTICATED_PER_ADDRESS: positive
    .default(300)
    .describe('Requests without a sign-in allowed per address per minute'),
  RATE_LIMIT_UNAUTHENTICATED_TOTAL: positive
    .default(3000)
    .describe('Requests without a sign-in allowed from everyone together per minute'),

  LEAD_DATA_DIR: z
    .string()
    .default('.data')
    .describe(
      '`npm start`: where the embedded database (and its URLs, which `npm run users` reads), keys and mail are kept',
    ),
  LEAD_DEMO_PASSWORD: z
    .string()
    .min(8)
    .default('lead-demo')
    .describe("`npm start`: the demo people's password (embedded database only)"),
  EMBEDDED_DB_PORT: port.default(55432).describe("`npm start`: the embedded PostgreSQL's port"),
  EMBEDDED_DB_DIR: z
    .string()
    .optional()
    .describe('`src/main/embedded-db.ts` (the embedded database as a process of its own): its data directory'),
  EMBEDDED_DB_OWNER_PASSWORD: z
    .string()
    .min(8)
    .optional()
    .describe("`src/main/embedded-db.ts`: the owner role's password, kept across restarts"),
  EMBEDDED_DB_APP_PASSWORD: z
    .string()
    .min(8)
    .optional()
    .describe("`src/main/embedded-db.ts`: the application role's password, kept across restarts"),
  DEV_SMTP_PORT: port.default(2525).describe("`npm start`: the mail catcher's port"),
  TEMPORAL_PORT: port.default(7233).describe("`npm start`: the Temporal dev server's port"),
  TEMPORAL_UI_PORT: port.default(8233).describe("`npm start`: the Temporal dev server's Web UI port"),
  PRISMA_ENGINE_DEBUG: z.string().optional().describe("When set, the migration engine's messages are printed"),
  STACK_DATA_DIR: z
    .string()
    .default('.data/stack')
    .describe('`npm run stack`: where its databases, certificates, secrets and logs are kept'),
  STACK_MAIL_INBOX_PORT: port.default(8025).describe("`npm run stack`: the captured mail's web page"),
});

export type Environment = z.infer<typeof environmentSchema>;

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  // An empty variable is an unset one (compose passes `${X:-}` through as "").
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = environmentSchema.safeParse(given);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return parsed.data;
}

type Key = keyof Environment;

/** What the API process cannot start without (`requireFor`): each of `keys`, and one of each `oneOf` group. */
export const API_REQUIRES: { keys: Key[]; oneOf: Key[][] } = {
  keys: [
    'DATABASE_URL',
    'TEMPORAL_ADDRESS',
    'LEAD_PAYLOAD_KEYS',
    'CSRF_SECRET',
    'AUTH_ISSUER',
    'AUTH_AUDIENCE',
    // R-EVAL: a key per process, or per start, would give one person several pseudonyms (issue 22 item 8).
    'EVALUATION_PSEUDONYM_KEY',
  ],
  oneOf: [['AUTH_JWKS_URL', 'AUTH_LOCAL_KEY']],
};

/** Stops start-up naming every setting the process needs and lacks (`oneOf`: at least one of each group). */
export function requireFor(env: Environment, processName: string, keys: Key[], oneOf: Key[][] = []): void {
  const missing = keys.filter((k) => env[k] === undefined).map(String);
  for (const group of oneOf) if (group.every((k) => env[k] === undefined)) missing.push(group.join(' or '));
  if (missing.length > 0)
    throw new Error(`${processName} cannot start: set ${missing.join(', ')} (README, "Environment")`);
}

export function required<K extends Key>(env: Environment, key: K): NonNullable<Environment[K]> {
  const value = env[key];
  if (value === undefined) throw new Error(`${String(key)} must be set`);
  return value;
}

/** The API's rate limits from the environment (the same for `npm start` and production). */
export function limitsFrom(env: NodeJS.ProcessEnv) {
  const e = readEnvironment(env);
  return {
    signInFailures: {
      windowMs: e.RATE_LIMIT_SIGN_IN_WINDOW_MINUTES * 60_000,
      perAddress: e.RATE_LIMIT_SIGN_IN_FAILURES_PER_ADDRESS,
      accountBackoff: { firstMs: 1000, maxMs: e.RATE_LIMIT_SIGN_IN_BACKOFF_MAX_SECONDS * 1000 },
    },
    unauthenticated: {
      windowMs: 60_000,
      perAddress: e.RATE_LIMIT_UNAUTHENTICATED_PER_ADDRESS,
      total: e.RATE_LIMIT_UNAUTHENTICATED_TOTAL,
    },
    submissions: { windowMs: 60_000, limit: e.RATE_LIMIT_SUBMISSIONS },
    orderChecks: { windowMs: 3_600_000, limit: e.RATE_LIMIT_ORDER_CHECKS },
  };
}

/** The environment's table for the README. */
export function environmentTable(): string {
  const rows = Object.entries(environmentSchema.shape).map(
    ([name, schema]) => `| \`${name}\` | ${schema.description ?? ''} |`,
  );
  return ['| variable | what it sets |', '| --- | --- |', ...rows].join('\n');
}
