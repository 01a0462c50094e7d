/**
 * What the production-like stack is, once, for both of its forms: `npm run stack` (processes on this
 * machine) and docker-compose.yml (containers). test/deploy/compose.test.ts checks that the compose
 * file says the same.
 */
export const TEMPORAL_SERVER_VERSION = '1.29.1';

/** Fixed when Temporal's database is first used: it cannot change later. */
export const HISTORY_SHARDS = 16;

/** How long Temporal keeps a closed case's history (the product keeps its own record in PostgreSQL). */
export const NAMESPACE_RETENTION_DAYS = 30;

export const APIS = 2;
export const WORKERS = 3;

/** PostgreSQL roles and databases (src/db/provision.ts). */
export const DATABASES = {
  lead: { database: 'lead', owner: 'lead_owner', app: 'lead_app' },
  temporal: { role: 'temporal', databases: ['temporal', 'temporal_visibility'] },
} as const;

export { DYNAMIC_CONFIG, dynamicConfigYaml } from '../temporal/dynamic-config';
