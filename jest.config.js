/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.spec.ts'],
  globalSetup: '<rootDir>/tests/support/globalAzurite.ts',
  globalTeardown: '<rootDir>/tests/support/globalAzuriteTeardown.ts',
  // strip-bom 5 (required by @microsoft/app-manifest) is an ES module, which jest cannot require (Node itself can).
  moduleNameMapper: { '^strip-bom$': '<rootDir>/tests/tools/stripBom.ts' },
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
  testTimeout: 30000,
};
