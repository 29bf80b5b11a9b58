/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.spec.ts'],
  globalSetup: '<rootDir>/tests/support/globalAzurite.ts',
  globalTeardown: '<rootDir>/tests/support/globalAzuriteTeardown.ts',
  // Two spec files at a time, also on two cores: most of a spec's time is spent waiting (on Teams'
  // pacing, a round's close, due work coming due), not computing. Each has its own tables,
  // queues, ports and temporary directories.
  maxWorkers: 2,
  // strip-bom 5 (required by @microsoft/app-manifest) is an ES module, which jest cannot require (Node itself can).
  // The tab's `@domain/...` imports (tab/tsconfig.json `paths`), for specs of the tab's own modules.
  moduleNameMapper: { '^strip-bom$': '<rootDir>/tests/tools/stripBom.ts', '^@domain/(.*)$': '<rootDir>/bot/domain/$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
  testTimeout: 30000,
};
