// StrykerJS over the unit tests: how well they pin the behaviour of src/. Run it with `npm run mutation`, which
// starts Stryker on Node 22+ (StrykerJS 10 refuses Node 20) and mutates one glob at a time, incrementally.
import jestConfig from './jest.config.js'

const unit = jestConfig.projects.find(project => project.displayName === 'unit')

// Tests of files rather than of code (the README, workflows, bundles, the release script, the documents against the
// repository): no mutant of src/ can reach them, they are the slowest of the unit project, and some read files that
// the sandbox leaves out (docs-state reads .github/workflows, so a run of a module it imports failed at once).
const FILE_TESTS = ['readme', 'docs', 'docs-state', 'workflows', 'bundle', 'release-check'].map(
  name => `/__tests__/${name}\\.test\\.ts$`
)

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  // ESM through ts-jest, as `npm test` runs it.
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning'],
  jest: {
    projectType: 'custom',
    // package.json has no jest key: this reads nothing but the root, so the unit project below is the whole config
    // (jest.config.js holds two projects, and the process one runs bundles, which no mutant reaches).
    configFile: 'package.json',
    config: {
      testEnvironment: unit.testEnvironment,
      extensionsToTreatAsEsm: unit.extensionsToTreatAsEsm,
      moduleNameMapper: unit.moduleNameMapper,
      transform: unit.transform,
      testMatch: unit.testMatch,
      testPathIgnorePatterns: [...unit.testPathIgnorePatterns, ...FILE_TESTS],
      testTimeout: jestConfig.testTimeout
    },
    // Each mutant runs only the test files that import its file, and of those only the tests that cover it.
    enableFindRelatedTests: true
  },
  coverageAnalysis: 'perTest',
  // The entry points only call run(); version.ts is a constant a test compares with package.json.
  mutate: ['src/**/*.ts', '!src/index.ts', '!src/cli/index.ts', '!src/action/on-path/index.ts', '!src/version.ts'],
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  // The machine is shared: one test runner. `npm run mutation -- --concurrency 2` when it is not.
  concurrency: 1,
  // Jest's module registry grows with every run under --experimental-vm-modules (over 3 GB within the first
  // hundred mutants of src/settings, and slower with it): a fresh runner every 25 mutants keeps it small.
  maxTestRunnerReuse: 25,
  // A mutant that loops is cut off; the tests that retry sleep nothing, so 10 s over the normal time is plenty.
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  clearTextReporter: { allowColor: false, reportTests: false, reportMutants: true, reportScoreTable: true },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  // The sandbox needs the sources, tests, fixtures and configs; node_modules is linked, not copied. dist/ (a few
  // hundred KiB) is copied: a unit test checks that cli/action.yml points at a committed bundle that exists.
  // .github/ and docs/ are not: the tests that read them (docs-state, workflows) are left out above.
  ignorePatterns: ['coverage', '.build', 'reports', 'docs', '.github', '.ci'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
