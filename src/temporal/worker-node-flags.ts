/**
 * Node flags every worker process starts with (package.json `worker`, docker-compose.yml, the fault
 * tests and the bench). A V8 heap ceiling per isolate — the main thread and the workflow thread — makes
 * V8 collect before the heap grows: with 1,000 open cases the worker's RSS went from about 600 MB to
 * under 500 MB at the same throughput (bench, 2026-11-23). 100 cached workflows need about 100 MB.
 */
export const WORKER_NODE_FLAGS = ['--max-old-space-size=256'];
