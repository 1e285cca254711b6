import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { parse } from 'yaml'

// The repository's own workflows, as files: what runs with which rights, and which third-party code it runs.
const DIRECTORY = new URL('../.github/workflows/', import.meta.url)

type Permissions = string | Record<string, string> | null
interface Step {
  uses?: string
  run?: string
  shell?: string
  if?: string
  with?: Record<string, string>
}
interface Job {
  'runs-on'?: string
  needs?: string | string[]
  permissions?: Permissions
  uses?: string
  env?: unknown
  defaults?: unknown
  strategy?: { matrix?: Record<string, unknown> }
  steps?: Step[]
}
interface Workflow {
  file: string
  text: string
  on?: Record<string, unknown>
  permissions?: Permissions
  env?: unknown
  defaults?: unknown
  jobs: Record<string, Job>
}

const workflows: Workflow[] = readdirSync(DIRECTORY)
  .filter(file => /\.ya?ml$/.test(file))
  .sort()
  .map(file => {
    const text = readFileSync(new URL(file, DIRECTORY), 'utf8')
    return { file, text, ...(parse(text) as Omit<Workflow, 'file' | 'text'>) }
  })

function workflow(file: string): Workflow {
  const found = workflows.find(candidate => candidate.file === file)
  if (!found) throw new Error(`.github/workflows/${file} not found`)
  return found
}

function job(file: string, name: string): Job {
  const found = workflow(file).jobs[name]
  if (!found) throw new Error(`${file} has no job ${name}`)
  return found
}

/** Every `uses:` of a workflow: reusable workflows at job level, actions at step level. */
function usesOf({ jobs }: Workflow): string[] {
  return Object.values(jobs).flatMap(({ uses, steps = [] }) => [
    ...(uses ? [uses] : []),
    ...steps.flatMap(step => (step.uses ? [step.uses] : []))
  ])
}

/** The scopes a permissions block lets write; '*' for write-all. */
function writeScopes(permissions: Permissions | undefined): string[] {
  if (permissions === 'write-all') return ['*']
  if (!permissions || typeof permissions === 'string') return []
  return Object.entries(permissions)
    .filter(([, access]) => access === 'write')
    .map(([scope]) => scope)
    .sort()
}

const isReadOnly = (permissions: Permissions | undefined) =>
  permissions !== undefined && permissions !== null && writeScopes(permissions).length === 0

describe('the workflows', () => {
  it('are found, so that every check below sees them', () => {
    const files = workflows.map(({ file }) => file)

    expect(files).toEqual(
      expect.arrayContaining(['ci.yml', 'codeql.yml', 'mutation.yml', 'release.yml', 'scorecard.yml'])
    )
  })

  it('pin every third-party action to a full commit SHA, with its version in a comment', () => {
    const offenders: string[] = []

    for (const { file, text, ...parsed } of workflows) {
      for (const uses of usesOf({ file, text, ...parsed })) {
        if (uses.startsWith('./') || uses.startsWith('docker://')) continue
        if (!/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/.test(uses)) offenders.push(`${file}: ${uses} (not a SHA)`)
        const lines = text.split('\n').filter(line => line.includes(`uses: ${uses}`))
        for (const line of lines) {
          if (!/uses: \S+ # v\d+(\.\d+){0,2}$/.test(line)) offenders.push(`${file}: ${line.trim()} (no # vX.Y.Z)`)
        }
      }
    }

    expect(offenders).toEqual([])
  })

  it('grant nothing but read access at their top level', () => {
    const offenders = workflows.filter(({ permissions }) => !isReadOnly(permissions)).map(({ file }) => file)

    expect(offenders).toEqual([])
  })

  it('declare the permissions of every job, unless it inherits a read-only top level', () => {
    const offenders = workflows.flatMap(({ file, permissions, jobs }) =>
      Object.entries(jobs)
        .filter(([, { permissions: own }]) => own === undefined && !isReadOnly(permissions))
        .map(([name]) => `${file} ${name}`)
    )

    expect(offenders).toEqual([])
  })

  it('let only the release job write to the repository, and code scanning receive results', () => {
    const writes = Object.fromEntries(
      workflows.flatMap(({ file, jobs }) =>
        Object.entries(jobs)
          .map(([name, { permissions }]) => [`${file} ${name}`, writeScopes(permissions)] as const)
          .filter(([, scopes]) => scopes.length > 0)
      )
    )

    expect(writes).toEqual({
      // The release and the major tag; the OIDC token that signs the attestation, and the attestation itself.
      'release.yml release': ['attestations', 'contents', 'id-token'],
      // npm's provenance statement for the published CLI.
      'release.yml publish-cli': ['id-token'],
      // Uploads to code scanning; Scorecard also proves with an OIDC token that this workflow made its results.
      'codeql.yml analyze': ['security-events'],
      'scorecard.yml analysis': ['id-token', 'security-events']
    })
  })
})

describe('the CI workflow', () => {
  it('runs .ci/run, the same script as a local run, on Node 24 among others', () => {
    const checks = job('ci.yml', 'checks')

    expect(checks.steps?.map(step => step.run).filter(Boolean)).toEqual(['bash .ci/run'])
    expect(checks.strategy?.matrix?.node).toContain(24)
  })

  it('runs the end-to-end job on ubuntu, windows and macos', () => {
    const e2e = job('ci.yml', 'e2e')
    const systems = (e2e.strategy?.matrix?.os as string[] | undefined) ?? []

    expect(e2e['runs-on']).toBe('${{ matrix.os }}')
    expect(systems.map(os => os.split('-')[0])).toEqual(expect.arrayContaining(['ubuntu', 'windows', 'macos']))
  })
})

describe('the end-to-end job', () => {
  it('puts the CLI on PATH with the cli action and cli-on-path, and runs it from bash, PowerShell and cmd', () => {
    const steps = job('ci.yml', 'e2e').steps ?? []
    const runsCli = (shell: string | undefined) =>
      steps.filter(step => step.shell === shell && /\btoken-mint --version\b/.test(step.run ?? ''))

    expect(steps.map(step => step.uses)).toContain('./cli')
    expect(workflow('ci.yml').text).toContain('cli-on-path: true')
    expect([runsCli(undefined), runsCli('pwsh'), runsCli('cmd')].map(found => found.length)).toEqual([1, 1, 1])
  })
})

describe('the mutation workflow', () => {
  const SRC = new URL('../src/', import.meta.url)

  it('runs by hand and weekly, never on a push: a full run takes the better part of an hour', () => {
    const { on = {} } = workflow('mutation.yml')

    expect(Object.keys(on).sort()).toEqual(['schedule', 'workflow_dispatch'])
  })

  it('gives one runner to each folder of src/ and one to the files at its top, so that no module is left out', () => {
    const shards = (job('mutation.yml', 'mutation').strategy?.matrix?.include ?? []) as { glob: string }[]
    const folders = readdirSync(SRC).filter(name => statSync(new URL(name, SRC)).isDirectory())

    expect(shards.map(({ glob }) => glob).sort()).toEqual(
      [...folders.map(folder => `src/${folder}/**`), 'src/*.ts'].sort()
    )
  })

  it('runs npm run mutation on each glob with --force, and uploads the reports whatever the outcome', () => {
    const steps = job('mutation.yml', 'mutation').steps ?? []
    const upload = steps.find(step => step.uses?.startsWith('actions/upload-artifact@'))

    expect(steps.map(step => step.run ?? '').join('\n')).toContain('npm run mutation -- "$GLOB" --force')
    expect(upload?.if).toBe('${{ !cancelled() }}')
    expect(upload?.with?.path).toContain('reports/mutation/mutation.html')
    expect(upload?.with?.path).toContain('reports/mutation/mutation.json')
  })
})

describe('the release workflow', () => {
  it('releases only after release-check has rebuilt dist/ from the tagged sources', () => {
    const check = job('release.yml', 'check')
    const release = job('release.yml', 'release')
    const checkRuns = check.steps?.map(step => step.run ?? '') ?? []

    expect(checkRuns).toContain('node scripts/release-check.mjs --tag "$GITHUB_REF_NAME"')
    expect(checkRuns.join('\n')).not.toContain('--skip-dist')
    expect(release.needs).toBe('check')
  })

  it('runs no dependency where it can write: no install, no bundling', () => {
    const runs = job('release.yml', 'release').steps?.map(step => step.run ?? '') ?? []

    expect(runs.join('\n')).not.toMatch(/\bnpm\b|\bnpx\b/)
  })
})

describe('the Scorecard workflow', () => {
  // What the Scorecard API accepts from a workflow whose results it publishes (the scorecard-action README).
  const APPROVED = ['actions/checkout', 'actions/upload-artifact', 'github/codeql-action/upload-sarif']

  it('keeps to the restrictions of publish_results: no env or defaults, only approved actions, on ubuntu', () => {
    const scorecard = workflow('scorecard.yml')
    const analysis = job('scorecard.yml', 'analysis')
    const actions = usesOf(scorecard).map(uses => uses.split('@')[0])

    expect([scorecard.env, scorecard.defaults, analysis.env, analysis.defaults]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined
    ])
    expect(analysis['runs-on']).toMatch(/^ubuntu-/)
    expect(actions).toContain('ossf/scorecard-action')
    for (const action of actions) expect([...APPROVED, 'ossf/scorecard-action']).toContain(action)
  })
})
