import { z } from 'zod';

/** Settings read from the environment by the processes; every one documented in the README. */
const environmentSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  TEMPORAL_ADDRESS: z.string().min(3).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LEAD_CONFIG_FILE: z.string().optional(),
  /** Where supervisors open the Temporal Web UI (links from the product's pages), when it is not served at /temporal. */
  TEMPORAL_UI_URL: z.string().url().optional(),
  /** The Temporal Web UI's own address (started with public path /temporal): the API serves it at /temporal to signed-in supervisors. */
  TEMPORAL_UI_UPSTREAM: z.string().url().optional(),
  /** Open cases a worker keeps in memory between tasks; the rest replay from history when they wake. */
  WORKER_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(100),
  /** Port of the worker's Temporal SDK metrics for Prometheus (`npm start`: 9464 by default). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** When set, the API's GET /metrics needs it as a bearer token. */
  METRICS_TOKEN: z.string().min(1).optional(),
  /** Failed sign-ins allowed per address, and per account, within the window (successful ones never count). */
  RATE_LIMIT_SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Referrals one person may submit per minute. */
  RATE_LIMIT_SUBMISSIONS: z.coerce.number().int().min(1).default(60),
});

export type Environment = z.infer<typeof environmentSchema>;

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

export function required<K extends keyof Environment>(env: Environment, key: K): NonNullable<Environment[K]> {
  const value = env[key];
  if (value === undefined || value === '') throw new Error(`${String(key)} must be set`);
  return value as NonNullable<Environment[K]>;
}

/** The API's rate limits from the environment (the same for `npm start` and production). */
export function limitsFrom(env: NodeJS.ProcessEnv) {
  const e = readEnvironment(env);
  return {
    signInFailures: { windowMs: e.RATE_LIMIT_SIGN_IN_WINDOW_MINUTES * 60_000, perAddress: e.RATE_LIMIT_SIGN_IN_FAILURES_PER_ADDRESS, perAccount: e.RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT },
    submissions: { windowMs: 60_000, limit: e.RATE_LIMIT_SUBMISSIONS },
  };
}
