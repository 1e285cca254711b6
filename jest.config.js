// ESM TypeScript through ts-jest; run with `node --experimental-vm-modules` (see package.json "test").
// Two projects: unit tests of src/, and process tests that start a bundle of the current sources (built once by
// the global set-up) the way the runner or a shell starts it.
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: { isolatedModules: true } }] }
}

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.process\\.test\\.ts$']
    },
    {
      ...common,
      displayName: 'process',
      testMatch: ['<rootDir>/__tests__/**/*.process.test.ts'],
      globalSetup: '<rootDir>/__fixtures__/global-bundle.mjs',
      globalTeardown: '<rootDir>/__fixtures__/global-teardown.mjs'
    }
  ],
  testTimeout: 20000,
  // Coverage of src/ by the unit tests (process tests run bundles, which coverage cannot see into).
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts', '!src/cli/index.ts', '!src/action/on-path/index.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
  // Today's figures, rounded down: raise them as tests come, never lower them.
  coverageThreshold: { global: { statements: 95, branches: 90, functions: 95, lines: 95 } }
}
