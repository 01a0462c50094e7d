import { z } from 'zod';

/** Settings read from the environment by the processes; every one documented in the README. */
const environmentSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  TEMPORAL_ADDRESS: z.string().min(3).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LEAD_CONFIG_FILE: z.string().optional(),
  /** Where supervisors open the Temporal Web UI (links from the product's pages). */
  TEMPORAL_UI_URL: z.string().url().optional(),
  /** Open cases a worker keeps in memory between tasks; the rest replay from history when they wake. */
  WORKER_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(100),
  /** Port of the worker's Temporal SDK metrics for Prometheus (`npm start`: 9464 by default). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** When set, the API's GET /metrics needs it as a bearer token. */
  METRICS_TOKEN: z.string().min(1).optional(),
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
