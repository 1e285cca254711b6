import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// scripts/release-check.mjs as the release workflow and .ci/run start it: a process, in a project of its own.
const REPOSITORY = fileURLToPath(new URL('..', import.meta.url))
const SCRIPT = join(REPOSITORY, 'scripts/release-check.mjs')

const CHANGELOG = `# Changelog

## Unreleased

## [1.1.0] - 2026-11-30

### Added
- A \`region\` input.

### Security
- Refuses a base-url with credentials in it.

## 1.1.0-rc.1 - 2026-11-20

- A release candidate.

## 1.0.0

- First release.

[1.1.0]: https://github.com/your-org/token-mint-action/compare/v1.0.0...v1.1.0
[1.0.0]: https://github.com/your-org/token-mint-action/releases/tag/v1.0.0
`

const NOTES_1_1_0 = `### Added
- A \`region\` input.

### Security
- Refuses a base-url with credentials in it.`

// A stand-in for `npm run bundle`: the three bundles, made from the one source file.
const BUILD = `import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
const source = readFileSync('src/main.txt', 'utf8')
mkdirSync('dist/cli', { recursive: true })
mkdirSync('dist/on-path', { recursive: true })
writeFileSync('dist/index.js', '// action: ' + source)
writeFileSync('dist/cli/index.js', '// cli: ' + source)
writeFileSync('dist/on-path/index.js', '// on-path: ' + source)
`

let project: string
beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'release-check-'))
})
afterEach(() => {
  rmSync(project, { recursive: true, force: true })
})

/** A project at `version` with `changelog`, its own bundle script and a source file. */
function writeProject(version: string, changelog = CHANGELOG) {
  const pkg = { name: 'release-check-fixture', version, private: true, scripts: { bundle: 'node build.mjs' } }
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
  writeFileSync(join(project, 'CHANGELOG.md'), changelog)
  writeFileSync(join(project, 'build.mjs'), BUILD)
  mkdirSync(join(project, 'src'))
  writeFileSync(join(project, 'src/main.txt'), 'version one\n')
}

function git(...args: string[]): string {
  const identity = ['-c', 'user.name=Release Check', '-c', 'user.email=release-check@example.com']
  const signing = ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false']
  const result = spawnSync('git', [...identity, ...signing, ...args], { cwd: project, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`)
  return result.stdout.trim()
}

function commitAll(message: string) {
  git('add', '-A')
  git('commit', '-q', '-m', message)
}

function releaseCheck(args: string[], cwd = project) {
  // Plain messages, not workflow commands, even when the tests themselves run in GitHub Actions.
  const env = { ...process.env }
  delete env.GITHUB_ACTIONS
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd, env, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('release-check, as the release workflow runs it', () => {
  it('passes the tag v + package.json version on the tagged commit, and writes that CHANGELOG section as notes', () => {
    writeProject('1.1.0')
    git('init', '-q')
    commitAll('Release 1.1.0')
    git('tag', 'v1.1.0')
    const notes = join(project, 'notes.md')

    const run = releaseCheck(['--tag', 'v1.1.0', '--skip-dist', '--notes', notes])

    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(readFileSync(notes, 'utf8')).toBe(`${NOTES_1_1_0}\n`)
  })

  it('refuses a tag that differs from the version, and names the tag to push', () => {
    writeProject('1.1.0')
    git('init', '-q')
    commitAll('Release 1.1.0')
    git('tag', 'v1.2.0')
    const notes = join(project, 'notes.md')

    const run = releaseCheck(['--tag', 'v1.2.0', '--skip-dist', '--notes', notes])

    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      "The tag v1.2.0 does not match package.json's version 1.1.0: tag v1.1.0, or bump the version."
    )
    expect(existsSync(notes)).toBe(false)
  })

  it('refuses a version that has no CHANGELOG section, even when a release candidate of it has one', () => {
    writeProject('1.1.0', CHANGELOG.replace('## [1.1.0] - 2026-11-30', '## [1.1.1] - 2026-11-30'))
    git('init', '-q')
    commitAll('Release 1.1.0')
    git('tag', 'v1.1.0')

    const run = releaseCheck(['--tag', 'v1.1.0', '--skip-dist'])

    expect(run.code).toBe(1)
    expect(run.stderr).toContain('CHANGELOG.md has no section for 1.1.0')
  })

  it('leaves out the link definitions that end a Keep a Changelog file, in the project --root names', () => {
    writeProject('1.0.0')
    const notes = join(project, 'notes.md')

    const run = releaseCheck(['--root', project, '--dry-run', '--skip-dist', '--notes', notes], REPOSITORY)

    expect(run.code).toBe(0)
    expect(readFileSync(notes, 'utf8')).toBe('- First release.\n')
  })

  it('refuses an empty CHANGELOG section, since it would be the release notes', () => {
    writeProject('1.1.0', '# Changelog\n\n## 1.1.0\n\n## 1.0.0\n\n- First release.\n')

    const run = releaseCheck(['--dry-run', '--skip-dist'])

    expect(run.code).toBe(1)
    expect(run.stderr).toContain("CHANGELOG.md's section for 1.1.0 is empty")
  })

  it('refuses two sections for the same version, which would leave the notes to chance', () => {
    writeProject('1.1.0', CHANGELOG.replace('## 1.0.0', '## 1.1.0'))

    const run = releaseCheck(['--dry-run', '--skip-dist'])

    expect(run.code).toBe(1)
    expect(run.stderr).toContain('CHANGELOG.md has 2 sections for 1.1.0')
  })

  it('refuses a tag that does not exist, or that names another commit than the one checked out', () => {
    writeProject('1.1.0')
    git('init', '-q')
    commitAll('Release 1.1.0')

    const missing = releaseCheck(['--tag', 'v1.1.0', '--skip-dist'])
    git('tag', 'v1.1.0')
    writeFileSync(join(project, 'src/main.txt'), 'version two\n')
    commitAll('After the tag')
    const elsewhere = releaseCheck(['--tag', 'v1.1.0', '--skip-dist'])

    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('The tag v1.1.0 does not exist here')
    expect(elsewhere.code).toBe(1)
    expect(elsewhere.stderr).toMatch(/The tag v1\.1\.0 names [0-9a-f]{12}, but [0-9a-f]{12} is checked out\./)
  })

  it('requires --tag outside a dry run', () => {
    writeProject('1.1.0')

    const run = releaseCheck(['--skip-dist'])

    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--tag is required, unless --dry-run')
  })
})

describe('release-check --dry-run, as CI runs it on every push', () => {
  it.each(['## 1.1.0', '## [1.1.0]', '## [1.1.0] - 2026-11-30', '## 1.1.0 (2026-11-30)'])(
    'takes the tag from package.json, needs neither the tag nor git, and reads a section headed "%s"',
    heading => {
      writeProject('1.1.0', CHANGELOG.replace('## [1.1.0] - 2026-11-30', heading))
      const notes = join(project, 'notes.md')

      const run = releaseCheck(['--dry-run', '--skip-dist', '--notes', notes])

      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('v1.1.0 matches package.json')
      expect(readFileSync(notes, 'utf8')).toBe(`${NOTES_1_1_0}\n`)
    }
  )

  it('checks the Unreleased section while the version has none yet, and says so', () => {
    const changelog = '# Changelog\n\n## Unreleased\n\n- Everything so far.\n\n## 1.0.0\n\n- First release.\n'
    writeProject('1.1.0', changelog)
    const notes = join(project, 'notes.md')

    const run = releaseCheck(['--dry-run', '--skip-dist', '--notes', notes])

    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('CHANGELOG.md has an Unreleased section to become its section')
    expect(readFileSync(notes, 'utf8')).toBe('- Everything so far.\n')
  })

  it('refuses an empty or missing Unreleased section while the version has none, and a real release without one', () => {
    writeProject('1.1.0', '# Changelog\n\n## Unreleased\n\n## 1.0.0\n\n- First release.\n')
    const empty = releaseCheck(['--dry-run', '--skip-dist'])
    writeFileSync(join(project, 'CHANGELOG.md'), '# Changelog\n\n## 1.0.0\n\n- First release.\n')
    const missing = releaseCheck(['--dry-run', '--skip-dist'])
    writeFileSync(join(project, 'CHANGELOG.md'), '# Changelog\n\n## Unreleased\n\n- Everything so far.\n')
    git('init', '-q')
    commitAll('Not yet prepared')
    git('tag', 'v1.1.0')
    const release = releaseCheck(['--tag', 'v1.1.0', '--skip-dist'])

    expect(empty.code).toBe(1)
    expect(empty.stderr).toContain("CHANGELOG.md's section for 1.1.0 (now Unreleased) is empty")
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('CHANGELOG.md has neither a section for 1.1.0 nor an "## Unreleased" one')
    expect(release.code).toBe(1)
    expect(release.stderr).toContain('CHANGELOG.md has no section for 1.1.0')
  })

  it('passes on this repository as it stands', () => {
    const run = releaseCheck(['--dry-run', '--skip-dist'], REPOSITORY)

    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })
})

describe('the dist/ check', () => {
  // A fixture bundle script stands in for ncc, which is slow and whose dist/ belongs to the real build.
  it('passes when npm run bundle rebuilds exactly the committed dist/', () => {
    writeProject('1.1.0')
    spawnSync(process.execPath, ['build.mjs'], { cwd: project })
    git('init', '-q')
    commitAll('Sources and their bundles')

    const run = releaseCheck(['--dry-run'])

    expect(run.code).toBe(0)
    expect(run.stdout).toContain('dist/ is a fresh build')
  })

  it('refuses a committed dist/ that the sources no longer build, naming the stale files', () => {
    writeProject('1.1.0')
    spawnSync(process.execPath, ['build.mjs'], { cwd: project })
    writeFileSync(join(project, 'src/main.txt'), 'version two, not rebuilt\n')
    git('init', '-q')
    commitAll('Sources changed, bundles not rebuilt')

    const run = releaseCheck(['--dry-run'])

    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      'dist/ differs from a fresh build of the sources (dist/cli/index.js, dist/index.js, dist/on-path/index.js)'
    )
  })
})
