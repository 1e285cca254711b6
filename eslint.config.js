import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const nodeGlobals = { console: 'readonly', process: 'readonly', URL: 'readonly' }

export default tseslint.config(
  { ignores: ['dist/', '.build/', 'node_modules/', 'coverage/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  {
    // TypeScript with type information: floating promises, unsafe any, misused methods.
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_name` marks a parameter a contract requires but this implementation does not read.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error'
    }
  },
  {
    // Short functions keep the core readable; tests and scripts are exempt.
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] }
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: nodeGlobals },
    rules: { eqeqeq: ['error', 'always'] }
  },
  {
    // Scripts talk to a terminal.
    files: ['scripts/**'],
    languageOptions: { globals: nodeGlobals },
    rules: { 'no-console': 'off' }
  }
)
