// ESM TypeScript through ts-jest; run with `node --experimental-vm-modules` (see package.json "test").
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: { isolatedModules: true } }] },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testTimeout: 20000
}
