// node scripts/release-check.mjs --tag vX.Y.Z [--notes FILE] [--root DIR]
// node scripts/release-check.mjs --dry-run [--skip-dist] [--notes FILE] [--root DIR]
//
// What the release workflow checks before it publishes anything, so that CI can run the same checks on every push
// (with --dry-run) and release day holds no surprise:
//   1. the tag is `v` + package.json's version, and (for a real release) it names the checked-out commit;
//   2. CHANGELOG.md has a section for that version (`## 1.2.3` or `## [1.2.3]`, a date after it is fine), which
//      becomes the release notes (--notes FILE);
//   3. dist/ is what `npm run bundle` builds from the sources, and holds the three bundles the release attests.
// --dry-run takes the tag from package.json unless --tag is given and does not ask git whether the tag exists yet.
// Between releases (and before the first) the version has no section yet: a dry run then checks the `## Unreleased`
// section that will become it, and says so.
// --skip-dist leaves out the rebuild: .ci/run has just rebuilt dist/ and compared it, and the release job only needs
// the notes of a commit that the check job has verified.
// Exit codes: 0 ready, 1 a check failed (every failed check is listed), 2 bad usage.
// Node built-ins only, so the release job can run it without installing anything.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const USAGE = `Usage: node scripts/release-check.mjs (--tag vX.Y.Z | --dry-run) [--skip-dist] [--notes FILE] [--root DIR]`
const BUNDLES = ['dist/index.js', 'dist/cli/index.js', 'dist/on-path/index.js']

let args
try {
  args = parseArgs({
    options: {
      tag: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'skip-dist': { type: 'boolean', default: false },
      notes: { type: 'string' },
      root: { type: 'string', default: '.' }
    }
  }).values
} catch (error) {
  usage(error.message)
}
if (!args['dry-run'] && !args.tag) usage('--tag is required, unless --dry-run')

const root = resolve(args.root)
const problems = []
let unreleased = false
const fail = problem => void problems.push(problem)

const version = readVersion()
const tag = args.tag ?? `v${version}`
if (version !== undefined && tag !== `v${version}`) {
  fail(`The tag ${tag} does not match package.json's version ${version}: tag v${version}, or bump the version.`)
}
if (!args['dry-run']) checkTagIsHead()
const notes = version === undefined ? undefined : changelogSection(version)
if (!args['skip-dist']) checkDist()

if (problems.length > 0) {
  for (const problem of problems) {
    console.error(process.env.GITHUB_ACTIONS === 'true' ? `::error title=release-check::${problem}` : problem)
  }
  const count = problems.length === 1 ? 'the problem' : `the ${problems.length} problems`
  console.error(`release-check: ${tag} is not ready to release: ${count} above.`)
  process.exit(1)
}
if (args.notes) writeFileSync(resolve(args.notes), `${notes}\n`)
const checked = [
  args['dry-run'] ? `${tag} matches package.json` : `${tag} matches package.json and the checked-out commit`,
  (unreleased ? 'CHANGELOG.md has an Unreleased section to become its section' : 'CHANGELOG.md has its section') +
    (args.notes ? ` (written to ${args.notes})` : ''),
  args['skip-dist'] ? 'dist/ not rebuilt (--skip-dist)' : 'dist/ is a fresh build'
]
console.log(`release-check${args['dry-run'] ? ' (dry run)' : ''}: ${checked.join('; ')}.`)

function usage(problem) {
  console.error(`release-check: ${problem}\n${USAGE}`)
  process.exit(2)
}

/** package.json's version, if it is X.Y.Z: the tag pattern and the major tag both assume a plain release. */
function readVersion() {
  let pkg
  try {
    pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  } catch (error) {
    fail(`Cannot read package.json in ${root}: ${error.message}`)
    return undefined
  }
  if (typeof pkg.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(pkg.version)) {
    fail(`package.json's version (${JSON.stringify(pkg.version)}) is not X.Y.Z: only plain releases are published.`)
    return undefined
  }
  return pkg.version
}

/** A real release builds and attests the tagged commit, so the tag must exist and be what is checked out. */
function checkTagIsHead() {
  const tagged = git('rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`)
  if (!tagged.ok) {
    fail(`The tag ${tag} does not exist here: push it first, or run with --dry-run to check before tagging.`)
    return
  }
  const head = git('rev-parse', 'HEAD')
  if (head.out !== tagged.out) {
    fail(`The tag ${tag} names ${tagged.out.slice(0, 12)}, but ${head.out.slice(0, 12)} is checked out.`)
  }
}

/** The text under `## X.Y.Z` or `## [X.Y.Z]` up to the next `## ` heading, without link definitions after it. */
function changelogSection(version) {
  let changelog
  try {
    changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8').replace(/\r\n?/g, '\n')
  } catch (error) {
    fail(`Cannot read CHANGELOG.md: ${error.message}`)
    return undefined
  }
  const escaped = version.replace(/\./g, '\\.')
  const heading = new RegExp(`^## (?:\\[${escaped}\\]|${escaped})(?:[ \\t].*)?$`, 'gm')
  const headings = [...changelog.matchAll(heading)]
  if (headings.length === 0 && args['dry-run']) return unreleasedSection(changelog, version)
  if (headings.length === 0) {
    fail(`CHANGELOG.md has no section for ${version}: add "## ${version}" above the previous release's section.`)
    return undefined
  }
  if (headings.length > 1) {
    fail(`CHANGELOG.md has ${headings.length} sections for ${version}: merge them into one.`)
    return undefined
  }
  return sectionAfter(changelog, headings[0], version)
}

/** Before the version has its section, a dry run checks the Unreleased section that will become it. */
function unreleasedSection(changelog, version) {
  const heading = /^## \[?Unreleased\]?[ \t]*$/im.exec(changelog)
  if (!heading) {
    fail(`CHANGELOG.md has neither a section for ${version} nor an "## Unreleased" one to become it.`)
    return undefined
  }
  const section = sectionAfter(changelog, heading, `${version} (now Unreleased)`)
  if (section !== undefined) unreleased = true
  return section
}

/** The text after a `## ` heading up to the next one, without the link definitions that may end it. */
function sectionAfter(changelog, heading, version) {
  const start = heading.index + heading[0].length
  const rest = changelog.slice(start)
  const next = rest.search(/^## /m)
  const lines = (next === -1 ? rest : rest.slice(0, next)).split('\n')
  // Keep a Changelog ends the file with "[1.2.3]: https://..." link definitions, which are not release notes.
  while (lines.length > 0 && (lines.at(-1).trim() === '' || /^\[[^\]]+\]:\s*\S/.test(lines.at(-1)))) lines.pop()
  const section = lines.join('\n').trim()
  if (section === '') {
    fail(`CHANGELOG.md's section for ${version} is empty: say what changed; it becomes the release notes.`)
    return undefined
  }
  return section
}

/** Rebuilds dist/ and compares it with the committed files: the release attests the bundle the sources make. */
function checkDist() {
  // npm is npm.cmd on Windows, which only a shell can start.
  const build = spawnSync('npm', ['run', 'bundle'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32'
  })
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`)
    fail(`npm run bundle failed (${build.error?.message ?? `exit code ${build.status}`}): see its output above.`)
    return
  }
  const status = git('status', '--porcelain', '--', 'dist')
  if (!status.ok) fail(`git status failed in ${root}: ${status.err}`)
  else if (status.out !== '') {
    // Porcelain lines are "XY path": two status letters (either may be a space), a space, the path.
    const files = status.out.split('\n').map(line => line.slice(3))
    fail(
      `dist/ differs from a fresh build of the sources (${files.join(', ')}): run 'npm run bundle' and commit dist/.`
    )
  }
  for (const bundle of BUNDLES) {
    if (!existsSync(join(root, bundle))) fail(`${bundle} is missing after npm run bundle: the release attests it.`)
  }
}

function git(...gitArgs) {
  const result = spawnSync('git', gitArgs, { cwd: root, encoding: 'utf8' })
  // Only line ends are trimmed: a porcelain status line may start with a space.
  return { ok: result.status === 0, out: (result.stdout ?? '').trimEnd(), err: (result.stderr ?? '').trim() }
}
