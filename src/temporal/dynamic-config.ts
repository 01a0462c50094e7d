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
