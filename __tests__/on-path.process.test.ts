import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { CLI_BUNDLE, ON_PATH_BUNDLE, runAction, workflowCommands } from '../__fixtures__/run-action.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'

// The CLI that comes with the action, put on PATH by the bundles as the runner starts them (the action with
// cli-on-path, and the cli action), then run by a later "step": sh with PATH made of the GITHUB_PATH lines only, so
// no other node and no npm can be found.

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string
}
const posix = process.platform !== 'win32'

/**
 * A later step of the job: `sh -c script`, with the PATH the runner would give it (here, only the added
 * directories). Asynchronous: the fake provider answers from this process.
 */
async function laterStep(path: string[], script: string, env: Record<string, string> = {}) {
  const child = spawn('/bin/sh', ['-c', script], { env: { ...env, PATH: path.join(delimiter) } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  return { code, stdout, stderr }
}

describe('the CLI on PATH', () => {
  const fake = useFakeProvider()
  let temp: string
  beforeEach(() => {
    // RUNNER_TEMP with a space and a quote: the launchers must quote what they run.
    temp = join(mkdtempSync(join(tmpdir(), 'on-path-process-')), "runner temp's")
    mkdirSync(temp)
  })
  afterEach(() => {
    rmSync(join(temp, '..'), { recursive: true, force: true })
  })

  it('is put there by the action with cli-on-path, for a later step to run with no node or npm on PATH', async () => {
    const run = await runAction(fakeInputs(fake(), 'soda', { 'cli-on-path': 'true' }), { RUNNER_TEMP: temp })

    expect(run.code).toBe(0)
    expect(run.path).toEqual([expect.stringContaining(join(temp, 'token-mint-'))])
    expect(run.outputs['cli-path']).toBe(run.path[0])
    expect(run.outputs.token).toBe(fake().tokens[0])
    expect(run.stdout).toContain(`token-mint ${version} is on PATH for the following steps of this job`)
    expect(run.stdout).not.toContain(temp)
    if (!posix) return

    const later = await laterStep(run.path, 'command -v node npm; token-mint --version')

    expect(later).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
  })

  it('is put there by the cli action alone, which mints nothing and needs no input', async () => {
    const run = await runAction({}, { RUNNER_TEMP: temp }, ON_PATH_BUNDLE)

    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(workflowCommands(run.stdout)).toEqual([])
    expect(run.stdout).toBe(
      `token-mint ${version} is on PATH for the following steps of this job (directory in the cli-path output).\n`
    )
    expect(run.outputs).toEqual({ 'cli-path': run.path[0] })
    expect(run.env).toEqual({})
    expect(fake().requests).toEqual([])
    const dir = run.path[0] as string
    expect(readdirSync(dir).sort()).toEqual(['token-mint', 'token-mint.cmd', 'token-mint.ps1'])
    expect(readFileSync(join(dir, 'token-mint.cmd'), 'utf8')).toContain(
      `"${process.execPath.replace(/%/g, '%%')}" "${CLI_BUNDLE.replace(/%/g, '%%')}" %*\r\n`
    )
    if (!posix) return

    expect(await laterStep(run.path, 'token-mint --version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
  })

  it('mints through the launcher, with the arguments as typed and the CLI’s exit code', async () => {
    if (!posix) return
    const run = await runAction({}, { RUNNER_TEMP: temp }, ON_PATH_BUNDLE)
    const credentials = { SODA_USERNAME: fake().credentials.username, SODA_PASSWORD: fake().credentials.password }

    const minted = await laterStep(
      run.path,
      `token-mint exec --provider soda --base-url '${fake().roots.soda}' -- /bin/sh -c 'test -n "$SODA_TOKEN" && echo "got $# args: $1|$2"' sh 'a b' "it's"`,
      credentials
    )
    const refused = await laterStep(run.path, 'token-mint --provider looker', credentials)

    expect(minted).toEqual({ code: 0, stdout: "got 2 args: a b|it's\n", stderr: '' })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toBe("error: --provider must be one of: sirdata, soda, oauth2 (got 'looker').\n")
    expect(leakedSecrets(minted.stdout + minted.stderr, secretsOf(fake()))).toEqual([])
  })

  it('stays off by default: the action adds nothing to PATH and sets no cli-path', async () => {
    const run = await runAction(fakeInputs(fake(), 'sirdata'), { RUNNER_TEMP: temp })

    expect(run.code).toBe(0)
    expect(run.path).toEqual([])
    expect(run.outputs).not.toHaveProperty('cli-path')
    expect(readdirSync(temp)).toEqual([])
  })

  it('fails the cli action with one error outside a runner that has RUNNER_TEMP, and adds nothing', async () => {
    const run = await runAction({}, {}, ON_PATH_BUNDLE)

    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout)).toEqual([
      {
        command: 'error',
        message: 'RUNNER_TEMP is not set, so token-mint cannot be put on PATH: this works only in a GitHub Actions job.'
      }
    ])
    expect(run.path).toEqual([])
    expect(run.outputs).toEqual({})
  })

  it('fails the action before any request when it cannot put the CLI on PATH', async () => {
    const run = await runAction(fakeInputs(fake(), 'soda', { 'cli-on-path': 'true' }), {
      RUNNER_TEMP: join(temp, 'missing')
    })

    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout).filter(command => command.command === 'error')).toEqual([
      {
        command: 'error',
        message: 'Cannot put token-mint on PATH: the runner temporary directory (RUNNER_TEMP) does not exist.'
      }
    ])
    expect(fake().requests).toEqual([])
    expect(run.path).toEqual([])
  })
})
