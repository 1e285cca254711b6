import { afterAll, afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fakeCore, type CoreCall } from '../__fixtures__/actions-core.js'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { INPUT_NAMES } from '../src/settings/settings.js'

// The action's run() and readInputs() in this process, with @actions/core replaced only to see the order of what
// they tell the runner: what is masked must be masked before anything else is printed or output.
const core = fakeCore()
jest.unstable_mockModule('@actions/core', () => core.module)
jest.unstable_mockModule('../src/action/runner-files.js', () => core.files)
const { run } = await import('../src/action/main.js')
const { misspeltInputs, readInputs } = await import('../src/action/inputs.js')

/** Where the first call of `fn` (with `value`, when given) falls among all calls; fails when there is none. */
function indexOf(fn: CoreCall['fn'], value?: string): number {
  const index = core.calls.findIndex(
    call => call.fn === fn && (value === undefined || ('value' in call && call.value === value))
  )
  expect({ fn, value, found: index >= 0 }).toEqual({ fn, value, found: true })
  return index
}
const others = (...masks: string[]) =>
  core.calls.filter(call => !(call.fn === 'setSecret' && masks.includes(call.value)))

const environment = { ...process.env }
// The runner's output and env files exist in a job; what is written to them is recorded by the fake.
const runnerDir = mkdtempSync(join(tmpdir(), 'main-'))
for (const name of ['output', 'env']) writeFileSync(join(runnerDir, name), '')
afterAll(() => rmSync(runnerDir, { recursive: true, force: true }))
beforeEach(() => {
  core.reset()
  process.env.GITHUB_OUTPUT = join(runnerDir, 'output')
  process.env.GITHUB_ENV = join(runnerDir, 'env')
  for (const name of [
    'GITHUB_STEP_SUMMARY',
    'GITHUB_REPOSITORY',
    'GITHUB_RUN_ID',
    'SODA_PASSWORD',
    'SIRDATA_PASSWORD',
    'GITHUB_PATH',
    'RUNNER_TEMP'
  ])
    delete process.env[name]
})
afterEach(() => {
  process.env = { ...environment }
})

describe('run', () => {
  const fake = useFakeProvider()
  const basicOf = () => Buffer.from(`${fake().credentials.username}:${fake().credentials.password}`).toString('base64')

  it('masks the password and the Basic string before anything else is printed or output', async () => {
    core.inputs = fakeInputs(fake(), 'soda')

    await run()

    const { password } = fake().credentials
    expect(core.calls.slice(0, 2)).toEqual([
      { fn: 'setSecret', value: password },
      { fn: 'setSecret', value: basicOf() }
    ])
    expect(others(password, basicOf()).length).toBeGreaterThan(0)
  })

  it('masks the token before it is output or exported', async () => {
    core.inputs = fakeInputs(fake(), 'soda')

    await run()

    const [token] = fake().tokens as [string]
    const masked = indexOf('setSecret', token)
    expect(masked).toBeLessThan(indexOf('setOutput', token))
    expect(masked).toBeLessThan(indexOf('exportVariable', token))
    expect(core.calls.slice(0, masked).some(call => JSON.stringify(call).includes(token))).toBe(false)
  })

  it('masks the seal-key first of all, and seals the token for later jobs', async () => {
    const sealKey = randomBytes(32).toString('base64')
    process.env.GITHUB_REPOSITORY = 'data-team/pipelines'
    process.env.GITHUB_RUN_ID = '4242'
    core.inputs = fakeInputs(fake(), 'sirdata', { 'seal-key': ` ${sealKey} ` })

    await run()

    expect(core.calls.slice(0, 2)).toEqual(
      expect.arrayContaining([
        { fn: 'setSecret', value: sealKey },
        { fn: 'setSecret', value: fake().credentials.password }
      ])
    )
    expect(core.calls.find(call => call.fn === 'setOutput' && call.name === 'sealed-token')).toMatchObject({
      value: expect.stringMatching(/^tm2\./) as unknown
    })
    expect(core.calls.filter(call => call.fn === 'setFailed')).toEqual([])
  })

  it('says in one info line, no warning, why it mints when a seal-key is set and sealed-token is empty', async () => {
    process.env.GITHUB_REPOSITORY = 'data-team/pipelines'
    process.env.GITHUB_RUN_ID = '4242'
    core.inputs = fakeInputs(fake(), 'soda', { 'seal-key': randomBytes(32).toString('base64'), 'sealed-token': '' })

    await run()

    const said = core.calls.filter(
      call => (call.fn === 'info' || call.fn === 'warning') && /^sealed-token/.test(call.message)
    )
    expect(said).toEqual([
      {
        fn: 'info',
        message:
          'sealed-token is empty, so this step mints a new token (and seals it into its sealed-token output). ' +
          'If this job meant to unseal one from an earlier job: that job must declare it under outputs:, and this ' +
          'job must list that job under needs:.'
      }
    ])
  })

  it('says nothing of sealed-token when it mints without a seal-key', async () => {
    core.inputs = fakeInputs(fake(), 'soda')

    await run()

    expect(core.calls.filter(call => 'message' in call && /^sealed-token/.test(call.message))).toEqual([])
  })

  it('names an INPUT_ variable that is one slip from an input, and the input meant, before the inputs fail', async () => {
    core.inputs = { provider: 'soda' }
    process.env.INPUT_BASE_URL = 'http://127.0.0.1:1/v1'

    await run()

    const warnings = core.calls.filter(call => call.fn === 'warning')
    expect(warnings).toEqual([
      {
        fn: 'warning',
        message:
          'INPUT_BASE_URL is set, but no input is read from it: did you mean base-url (INPUT_BASE-URL)? ' +
          'Input names keep their hyphens.'
      }
    ])
    expect(core.calls.indexOf(warnings[0] as CoreCall)).toBeLessThan(indexOf('setFailed'))
  })

  it('exports the token under the provider’s variable by default', async () => {
    core.inputs = fakeInputs(fake(), 'soda')

    await run()

    expect(core.calls.filter(call => call.fn === 'exportVariable')).toEqual([
      { fn: 'exportVariable', name: 'SODA_TOKEN', value: fake().tokens[0] }
    ])
  })

  it('exports the token under env-name when it is set', async () => {
    core.inputs = fakeInputs(fake(), 'sirdata', { 'env-name': 'PARTNER_API_TOKEN' })

    await run()

    expect(core.calls.filter(call => call.fn === 'exportVariable')).toEqual([
      { fn: 'exportVariable', name: 'PARTNER_API_TOKEN', value: fake().tokens[0] }
    ])
  })

  it('exports nothing when export-env is false, and still outputs the token', async () => {
    core.inputs = fakeInputs(fake(), 'soda', { 'export-env': 'false' })

    await run()

    expect(core.calls.filter(call => call.fn === 'exportVariable')).toEqual([])
    expect(core.calls).toContainEqual({ fn: 'setOutput', name: 'token', value: fake().tokens[0] })
  })

  it('writes each attempt to the debug log: where the request went, its outcome and its time', async () => {
    core.inputs = fakeInputs(fake(), 'soda')

    await run()

    expect(core.calls.filter(call => call.fn === 'debug')).toEqual([
      {
        fn: 'debug',
        message: expect.stringMatching(
          new RegExp(`^[A-Z]+ ${fake().origin}/v1/[\\w/]+: HTTP 200 in \\d+ ms \\(attempt 1/3\\)$`)
        ) as unknown
      }
    ])
  })

  it('warns about inputs that do nothing for the chosen provider', async () => {
    core.inputs = fakeInputs(fake(), 'soda', { 'partner-id': '12345' })

    await run()

    expect(core.calls).toContainEqual({
      fn: 'warning',
      message: "Input 'partner-id' does not apply to soda and is ignored."
    })
  })

  it('fails the step with the error, after masking the password, and writes the failure summary', async () => {
    process.env.GITHUB_STEP_SUMMARY = '/tmp/summary-for-the-fake'
    core.inputs = { ...fakeInputs(fake(), 'soda'), password: 'wrong-password' }

    await run()

    const failed = core.calls.filter(call => call.fn === 'setFailed')
    expect(failed).toEqual([
      {
        fn: 'setFailed',
        message: expect.stringMatching(/^Soda Cloud refused the token request: HTTP 401 Unauthorized\. /) as unknown
      }
    ])
    expect(indexOf('setSecret', 'wrong-password')).toBe(0)
    expect(core.calls.at(-1)).toMatchObject({ fn: 'summary', heading: 'Soda Cloud token not obtained' })
    expect(core.calls.filter(call => call.fn === 'setOutput' || call.fn === 'exportVariable')).toEqual([])
  })

  it('fails the step on invalid inputs before any request, naming them', async () => {
    core.inputs = { provider: 'soda', password: 'pw', timeout: 'soon' }

    await run()

    expect(core.calls.filter(call => call.fn === 'setFailed')).toEqual([
      {
        fn: 'setFailed',
        message:
          "Input 'timeout' must be a number of seconds above 0 and at most 600 (got 'soon'). Input 'username' is required for soda: set it, or the SODA_USERNAME environment variable. A secret or variable arrives empty when it is not defined for this repository or the environment of the job, when its name is misspelt in ${{ secrets.NAME }} or ${{ vars.NAME }}, and in runs from a fork or from Dependabot, which get no secrets or only Dependabot secrets."
      }
    ])
    expect(fake().requests).toEqual([])
  })
})

describe('run with cli-on-path', () => {
  const fake = useFakeProvider()
  let temp: string
  let cli: string
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'main-on-path-'))
    cli = join(temp, 'cli.js')
    writeFileSync(cli, '')
    writeFileSync(join(temp, 'github-path'), '')
    process.env.RUNNER_TEMP = temp
    process.env.GITHUB_PATH = join(temp, 'github-path')
  })
  afterEach(() => {
    rmSync(temp, { recursive: true, force: true })
  })

  it('puts the bundled CLI on PATH before the token request, then mints as usual', async () => {
    core.inputs = fakeInputs(fake(), 'soda', { 'cli-on-path': 'true' })

    await run(cli)

    const added = core.calls.find(call => call.fn === 'addPath')
    expect(added).toEqual({ fn: 'addPath', value: expect.stringContaining(join(temp, 'token-mint-')) as unknown })
    const dir = (added as { value: string }).value
    expect(readFileSync(join(dir, 'token-mint'), 'utf8')).toContain(`'${cli}' "$@"`)
    expect(core.calls).toContainEqual({ fn: 'setOutput', name: 'cli-path', value: dir })
    // Before the request: the token is masked only once the provider has answered.
    expect(indexOf('addPath')).toBeLessThan(indexOf('setSecret', fake().tokens[0]))
    expect(core.calls.filter(call => call.fn === 'setFailed')).toEqual([])
  })

  it('leaves PATH alone by default', async () => {
    core.inputs = fakeInputs(fake(), 'soda')

    await run(cli)

    expect(core.calls.filter(call => call.fn === 'addPath' || call.fn === 'setOutput').map(call => call.fn)).toEqual(
      Array(5).fill('setOutput')
    )
    expect(core.calls).not.toContainEqual(expect.objectContaining({ name: 'cli-path' }))
  })

  it('fails the step before any request when the runner cannot take the CLI', async () => {
    delete process.env.RUNNER_TEMP
    core.inputs = fakeInputs(fake(), 'sirdata', { 'cli-on-path': 'true' })

    await run(cli)

    expect(core.calls.filter(call => call.fn === 'setFailed')).toEqual([
      {
        fn: 'setFailed',
        message: 'RUNNER_TEMP is not set, so token-mint cannot be put on PATH: this works only in a GitHub Actions job.'
      }
    ])
    expect(fake().requests).toEqual([])
  })

  it('refuses a cli-on-path that is not true or false, naming it', async () => {
    core.inputs = fakeInputs(fake(), 'soda', { 'cli-on-path': 'yes' })

    await run(cli)

    expect(core.calls.filter(call => call.fn === 'setFailed')).toEqual([
      { fn: 'setFailed', message: "Input 'cli-on-path' must be true or false (got 'yes')." }
    ])
    expect(core.calls.filter(call => call.fn === 'addPath')).toEqual([])
    expect(fake().requests).toEqual([])
  })
})

describe('readInputs', () => {
  it('reads every input the action declares, once', () => {
    readInputs({})

    expect(core.inputsRead).toEqual([...INPUT_NAMES])
  })

  it('returns the inputs as the runner gives them, trimmed', () => {
    core.inputs = { provider: ' soda ', 'max-attempts': '2' }

    const raw = readInputs({})

    expect(raw).toMatchObject({ provider: 'soda', 'max-attempts': '2', password: '' })
  })

  it('masks the seal-key, the password inputs and their environment fallbacks, trimmed, and nothing else', () => {
    core.inputs = { username: 'analyst', password: ' input-pw ', 'seal-key': 'key-text', 'partner-id': '12345' }

    readInputs({ SODA_PASSWORD: ' soda-env-pw\n', SIRDATA_PASSWORD: 'sirdata-env-pw', SODA_USERNAME: 'someone' })

    expect(core.calls).toEqual([
      { fn: 'setSecret', value: 'key-text' },
      { fn: 'setSecret', value: 'input-pw' },
      { fn: 'setSecret', value: 'sirdata-env-pw' },
      { fn: 'setSecret', value: 'soda-env-pw' }
    ])
  })

  it('masks a secret once however many places hold it, and no empty one', () => {
    core.inputs = { password: 'same' }

    readInputs({ SODA_PASSWORD: 'same ', SIRDATA_PASSWORD: '   ' })

    expect(core.calls).toEqual([{ fn: 'setSecret', value: 'same' }])
  })

  it('reads the fallbacks from the process environment by default', () => {
    process.env.SODA_PASSWORD = 'from-the-environment'

    readInputs()

    expect(core.calls).toEqual([{ fn: 'setSecret', value: 'from-the-environment' }])
  })
})

describe('misspeltInputs', () => {
  it.each([
    ['INPUT_BASE_URL', 'base-url'],
    ['INPUT_base_url', 'base-url'],
    ['INPUT_Provider', 'provider'],
    ['input_PASSWORD', 'password'],
    ['INPUT_SEALED_TOKEN', 'sealed-token'],
    ['INPUT_MAX_ATTEMPTS', 'max-attempts']
  ])('names %s and the input meant, %s', (variable, meant) => {
    expect(misspeltInputs({ [variable]: 'x' })).toEqual([
      `${variable} is set, but no input is read from it: did you mean ${meant} (INPUT_${meant.toUpperCase()})? ` +
        'Input names keep their hyphens.'
    ])
  })

  it('passes the names the runner sets and the names GitHub’s emulator reads from a .env file', () => {
    expect(
      misspeltInputs({ 'INPUT_BASE-URL': 'x', 'INPUT_base-url': 'x', INPUT_PROVIDER: 'x', INPUT_timeout: '5' })
    ).toEqual([])
  })

  it('leaves alone variables that are near no input, whatever their prefix', () => {
    expect(misspeltInputs({ INPUT_MILLISECONDS: '1', BASE_URL: 'x', INPUTBASE_URL: 'x', PATH: '/bin' })).toEqual([])
  })

  it('reads the process environment by default', () => {
    process.env.INPUT_ENV_NAME = 'X_TOKEN'

    expect(misspeltInputs()).toHaveLength(1)
  })
})
