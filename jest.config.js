/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  // Each test file starts its own Temporal server, database and SMTP receiver: two at a time fit 2 cores.
  maxWorkers: 2,
  testTimeout: 120_000,
  slowTestThreshold: 60,
};
