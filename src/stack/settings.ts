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

/**
 * Temporal's dynamic configuration, for every engine (the dev server of `npm start` too). IDs must fit
 * the SQL visibility schema (VARCHAR(255)); new search attributes are visible at once; Workflow Update
 * is what every case action uses (on by default in v1.29, stated so that nobody turns it off); an
 * activity scheduled by a workflow task goes straight back to the worker that completed it (eager
 * dispatch: no trip through matching for each notice).
 */
export const DYNAMIC_CONFIG: Record<string, string | number | boolean> = {
  'limit.maxIDLength': 255,
  'system.forceSearchAttributesCacheRefreshOnRead': true,
  'frontend.enableUpdateWorkflowExecution': true,
  'frontend.enableUpdateWorkflowExecutionAsyncAccepted': true,
  'system.enableActivityEagerExecution': true,
};

/** The dynamic configuration file's YAML (the same text docker-compose.yml mounts). */
export function dynamicConfigYaml(): string {
  return Object.entries(DYNAMIC_CONFIG)
    .map(([key, value]) => `${key}:\n  - value: ${value}\n    constraints: {}\n`)
    .join('');
}
