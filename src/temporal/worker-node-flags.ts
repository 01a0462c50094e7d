/**
 * Node flags every worker process starts with (package.json `worker`, docker-compose.yml, the fault
 * tests and the bench). A V8 heap ceiling per isolate — the main thread and the workflow thread — makes
 * V8 collect before the heap grows, keeping the worker within its memory target (measured in
 * bench/results/).
 */
export const WORKER_NODE_FLAGS = ['--max-old-space-size=256'];
