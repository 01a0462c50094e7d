/**
 * The test pyramid, one Jest project per layer (README, "Tests"): each runs with `--selectProjects`.
 * Type checking is `npm run typecheck`'s job; tests are transpiled only (tsconfig's isolatedModules).
 */
const layer = (name, roots, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  roots: roots.map((r) => `<rootDir>/${r}`),
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFilesAfterEnv: ['<rootDir>/test/support/setup/timeouts.ts'],
  ...extra,
});

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    // Deciders and pure modules: no server of any kind.
    layer('unit', ['test/unit']),
    // Workflows with stubbed activities on Temporal's time-skipping test server.
    layer('workflows', ['test/workflows'], { globalSetup: '<rootDir>/test/support/setup/workflows.ts' }),
    // Real parts where they meet: PostgreSQL, Temporal, SMTP, the API, Chromium; one started environment per file.
    layer('integration', ['test/integration'], {
      globalSetup: '<rootDir>/test/support/setup/integration.ts',
      globalTeardown: '<rootDir>/test/support/setup/integration-teardown.ts',
    }),
    // Faults on real processes: workers, Temporal, PostgreSQL and SMTP stopped, killed and restarted.
    layer('faults', ['test/faults'], { globalSetup: '<rootDir>/test/support/setup/real-parts.ts' }),
    // The production-like stack (Temporal server on PostgreSQL, several APIs and workers): run alone.
    layer('stack', ['test/stack'], { globalSetup: '<rootDir>/test/support/setup/real-parts.ts' }),
  ],
  // Two test files at a time fit 2 cores; each integration file starts its own servers.
  maxWorkers: 2,
  slowTestThreshold: 60,
};
