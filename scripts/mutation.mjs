// npm run mutation [-- <glob>...] [--force] [--concurrency N] [--node /path/to/node]
//
// Mutation testing of src/ by the unit tests (stryker.config.mjs), then the mutation score of each file. One glob
// at a time keeps a run short; each glob has its own incremental file, so a second run re-tests only the mutants
// whose code or tests changed. --force re-tests them all: do so before quoting figures, since a mutant of a
// module-level constant (a "static" mutant: a regex, a list of names) that survived once is reused as survived
// even after a new test kills it, as StrykerJS cannot tell which tests cover it. StrykerJS 10 needs Node 22 or
// later: on an older Node this runs it on Node 24 fetched from the npm registry, as `npm run bench` does.
//   npm run mutation -- 'src/http/**'      npm run mutation -- src/seal.ts src/mint.ts
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import strykerConfig from '../stryker.config.mjs'

const ROOT = new URL('..', import.meta.url).pathname
const REPORT = join(ROOT, 'reports/mutation/mutation.json')

const { values: args, positionals: globs } = parseArgs({
  allowPositionals: true,
  options: {
    force: { type: 'boolean', default: false },
    concurrency: { type: 'string' },
    node: { type: 'string' }
  }
})

/** A Node that StrykerJS accepts: this one if it is 22 or later, else Node 24 from the npm registry (cached). */
function strykerNode() {
  if (args.node) return args.node
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath
  // The same cache as scripts/bench.ts, so the two share one download.
  const cache = join(ROOT, 'node_modules/.cache/node24')
  const binary = join(cache, 'package/bin/node')
  if (!existsSync(binary)) {
    mkdirSync(cache, { recursive: true })
    const spec = `node-${process.platform}-${process.arch}@24`
    console.log(`Fetching ${spec} from the npm registry (once)...`)
    execFileSync('npm', ['pack', spec, '--pack-destination', cache, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit']
    })
    const tarball = readdirSync(cache).find(name => name.endsWith('.tgz'))
    execFileSync('tar', ['xzf', join(cache, tarball), '-C', cache])
    rmSync(join(cache, tarball))
  }
  return binary
}

/** An incremental file per glob: a run over one module must not forget what a run over another found. */
function incrementalFile(patterns) {
  const slug = patterns.length
    ? patterns
        .join('+')
        .replace(/[^A-Za-z0-9.]+/g, '-')
        .replace(/^-|-$/g, '')
    : 'src'
  // A long list of globs would make a name the file system refuses (ENAMETOOLONG): its start, and a digest of all.
  const name =
    slug.length > 100 ? `${slug.slice(0, 60)}-${createHash('sha256').update(slug).digest('hex').slice(0, 12)}` : slug
  return `reports/mutation/incremental-${name}.json`
}

/** Killed (or timed out) out of the mutants that ran: Stryker's mutation score, per file and overall. */
function printScores() {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'))
  const rows = Object.entries(report.files).map(([file, { mutants }]) => {
    const count = status => mutants.filter(mutant => mutant.status === status).length
    const killed = count('Killed') + count('Timeout')
    const survived = count('Survived')
    const noCoverage = count('NoCoverage')
    return { file: relative(ROOT, join(ROOT, file)), killed, survived, noCoverage }
  })
  const total = rows.reduce(
    (sum, row) => ({
      file: 'all files',
      killed: sum.killed + row.killed,
      survived: sum.survived + row.survived,
      noCoverage: sum.noCoverage + row.noCoverage
    }),
    { killed: 0, survived: 0, noCoverage: 0 }
  )
  const score = ({ killed, survived, noCoverage }) => {
    const valid = killed + survived + noCoverage
    return valid === 0 ? '   n/a' : `${((100 * killed) / valid).toFixed(1).padStart(5)}%`
  }
  const width = Math.max(...rows.map(row => row.file.length), 9)
  console.log(`\n${'file'.padEnd(width)}   score  killed  survived  no coverage`)
  for (const row of [...rows.sort((a, b) => a.file.localeCompare(b.file)), total]) {
    console.log(
      `${row.file.padEnd(width)}  ${score(row)}  ${String(row.killed).padStart(6)}  ${String(row.survived).padStart(8)}  ${String(row.noCoverage).padStart(11)}`
    )
  }
}

const node = strykerNode()
const stryker = join(ROOT, 'node_modules/@stryker-mutator/core/bin/stryker.js')
const strykerArgs = ['run', 'stryker.config.mjs', '--incrementalFile', incrementalFile(globs)]
// --mutate replaces the config's list, exclusions included: keep them, or 'src/cli/**' would mutate the entry point.
const exclusions = strykerConfig.mutate.filter(pattern => pattern.startsWith('!'))
if (globs.length) strykerArgs.push('--mutate', [...globs, ...exclusions].join(','))
if (args.force) strykerArgs.push('--force')
if (args.concurrency) strykerArgs.push('--concurrency', args.concurrency)
console.log(`StrykerJS on Node ${execFileSync(node, ['--version']).toString().trim()}: ${globs.join(' ') || 'src/'}`)
const started = Date.now()
const run = spawnSync(node, [stryker, ...strykerArgs], { cwd: ROOT, stdio: 'inherit' })
if (run.status !== 0) process.exit(run.status ?? 1)
printScores()
console.log(`\n${((Date.now() - started) / 60_000).toFixed(1)} min; report: reports/mutation/mutation.html`)
