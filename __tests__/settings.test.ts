import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { InputError } from '../src/errors.js'
import { mintSettings } from '../__fixtures__/mint.js'
import { INPUT_NAMES, parseSettings, type RawInputs } from '../src/settings/settings.js'

const soda: RawInputs = { provider: 'soda', username: 'analyst@example.com', password: 'secret' }
const sirdata: RawInputs = { provider: 'sirdata', 'partner-id': '12345', username: 'login', password: 'secret' }

function problem(raw: RawInputs, env: Record<string, string> = {}): string {
  try {
    parseSettings(raw, env)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error('expected an InputError')
}

describe('parseSettings', () => {
  it('applies the documented defaults', () => {
    const { settings, warnings } = parseSettings(soda, {})
    if (settings.mode !== 'mint') throw new Error('expected a minting run')

    expect(settings).toMatchObject({
      region: 'eu',
      inputs: { username: 'analyst@example.com', password: 'secret' },
      exportEnv: true,
      envName: undefined,
      minValiditySeconds: 60,
      seal: undefined,
      timeoutMs: 30_000,
      maxAttempts: 3
    })
    expect(settings.provider.name).toBe('soda')
    expect(settings.apiRoot.href).toBe('https://reporting.cloud.soda.io/v1')
    expect(warnings).toEqual([])
  })

  it('ignores case and surrounding spaces in provider and region', () => {
    const settings = mintSettings({ ...soda, provider: '  Soda ', region: ' US ' }, {})

    expect(settings.provider.name).toBe('soda')
    expect(settings.region).toBe('us')
    expect(settings.apiRoot.href).toBe('https://reporting.cloud.us.soda.io/v1')
  })

  it('points Sirdata at its partner API root', () => {
    const settings = mintSettings(sirdata, {})

    expect(settings.apiRoot.href).toBe('https://partner-api.sddan.com/api/v1')
    expect(settings.inputs['partner-id']).toBe('12345')
    expect(settings.envName ?? settings.provider.envName).toBe('SIRDATA_TOKEN')
  })

  it('falls back to each provider’s environment variables when inputs are empty', () => {
    const env = {
      SIRDATA_PARTNER_ID: '777',
      SIRDATA_LOGIN: 'env-login',
      SIRDATA_PASSWORD: 'env-pw',
      SODA_USERNAME: 'u',
      SODA_PASSWORD: 'p'
    }

    const fromSirdata = mintSettings({ provider: 'sirdata', 'partner-id': '', username: '', password: '' }, env)
    const fromSoda = mintSettings({ provider: 'soda' }, env)

    expect(fromSirdata.inputs).toEqual({ 'partner-id': '777', username: 'env-login', password: 'env-pw' })
    expect(fromSoda.inputs).toEqual({ username: 'u', password: 'p' })
  })

  it('prefers an input over its environment fallback', () => {
    const settings = mintSettings(soda, { SODA_USERNAME: 'other', SODA_PASSWORD: 'other' })

    expect(settings.inputs.username).toBe('analyst@example.com')
  })

  it('reads base-url, export-env, env-name, timeout and max-attempts', () => {
    const settings = mintSettings(
      {
        ...soda,
        'base-url': 'https://gateway.example.com/soda/v1/',
        'export-env': 'False',
        'env-name': 'DQ_TOKEN',
        timeout: '2.5',
        'max-attempts': '5'
      },
      {}
    )

    expect(settings.apiRoot.href).toBe('https://gateway.example.com/soda/v1/')
    expect(settings.exportEnv).toBe(false)
    expect(settings.envName).toBe('DQ_TOKEN')
    expect(settings.timeoutMs).toBe(2500)
    expect(settings.maxAttempts).toBe(5)
  })

  it('warns about, and ignores, inputs that do not apply to the provider', () => {
    const forSoda = parseSettings({ ...soda, 'partner-id': '12345' }, {})
    const forSirdata = parseSettings({ ...sirdata, region: 'us' }, {})

    expect(forSoda.warnings).toEqual(["Input 'partner-id' does not apply to soda and is ignored."])
    expect(forSoda.settings).toMatchObject({ inputs: { username: 'analyst@example.com', password: 'secret' } })
    expect(forSoda.settings).not.toHaveProperty(['inputs', 'partner-id'])
    expect(forSirdata.warnings).toEqual(["Input 'region' does not apply to sirdata and is ignored."])
  })

  it.each<[string, RawInputs, string]>([
    ['a missing provider', { ...soda, provider: '' }, "Input 'provider' is required: one of sirdata, soda."],
    [
      'an unknown provider',
      { ...soda, provider: 'looker' },
      "Input 'provider' must be one of: sirdata, soda (got 'looker')."
    ],
    ['an unknown region', { ...soda, region: 'asia' }, "Input 'region' must be one of: eu, us (got 'asia')."],
    [
      'a missing partner id',
      { ...sirdata, 'partner-id': '' },
      "Input 'partner-id' is required for sirdata: set it, or the SIRDATA_PARTNER_ID environment variable."
    ],
    [
      'a partner id with letters',
      { ...sirdata, 'partner-id': '12a' },
      "Input 'partner-id' must be digits only: your Sirdata partner id."
    ],
    [
      'a partner id that would change the path',
      { ...sirdata, 'partner-id': '1/../2' },
      "Input 'partner-id' must be digits only: your Sirdata partner id."
    ],
    [
      'a missing username',
      { ...soda, username: ' ' },
      "Input 'username' is required for soda: set it, or the SODA_USERNAME environment variable."
    ],
    [
      'a missing password',
      { ...sirdata, password: '' },
      "Input 'password' is required for sirdata: set it, or the SIRDATA_PASSWORD environment variable."
    ],
    [
      'an http base-url to another host',
      { ...soda, 'base-url': 'http://example.com/v1' },
      "Input 'base-url' must be an https:// URL"
    ],
    [
      'a base-url with credentials',
      { ...soda, 'base-url': 'https://user:pw@example.com/v1' },
      "Input 'base-url' must not hold credentials (user:password@): pass them as inputs."
    ],
    [
      'a base-url with a query',
      { ...soda, 'base-url': 'https://example.com/v1?region=eu' },
      "Input 'base-url' must not have a query (?) or a fragment (#): give the API root only."
    ],
    [
      'a base-url with another scheme',
      { ...soda, 'base-url': 'ftp://example.com/v1' },
      "Input 'base-url' must be an https:// URL (got a ftp: URL)."
    ],
    [
      'an http base-url to a host that only starts like a loopback name',
      { ...soda, 'base-url': 'http://localhost.attacker.example/v1' },
      "Input 'base-url' must be an https:// URL: plain http:// is allowed only to a loopback host"
    ],
    [
      'a base-url that is not a URL',
      { ...soda, 'base-url': 'reporting.cloud.soda.io' },
      "Input 'base-url' must be an https:// URL"
    ],
    [
      'a non-boolean export-env',
      { ...soda, 'export-env': 'yes' },
      "Input 'export-env' must be true or false (got 'yes')."
    ],
    [
      'an env-name with a dash',
      { ...soda, 'env-name': 'SODA-TOKEN' },
      "Input 'env-name' must be a valid environment variable name"
    ],
    [
      'an env-name the runner reserves',
      { ...soda, 'env-name': 'GITHUB_TOKEN' },
      "Input 'env-name' must not be a GITHUB_* or RUNNER_* variable"
    ],
    [
      'a zero timeout',
      { ...soda, timeout: '0' },
      "Input 'timeout' must be a number of seconds above 0 and at most 600 (got '0')."
    ],
    [
      'a timeout with a unit',
      { ...soda, timeout: '30s' },
      "Input 'timeout' must be a number of seconds above 0 and at most 600 (got '30s')."
    ],
    [
      'a fractional max-attempts',
      { ...soda, 'max-attempts': '1.5' },
      "Input 'max-attempts' must be a whole number from 1 to 10 (got '1.5')."
    ],
    [
      'a max-attempts of zero',
      { ...soda, 'max-attempts': '0' },
      "Input 'max-attempts' must be a whole number from 1 to 10 (got '0')."
    ]
  ])('rejects %s, naming the input and what is valid', (_case, raw, message) => {
    expect(problem(raw)).toContain(message)
  })

  it('names every bad input in one error', () => {
    const message = problem({ provider: 'soda', region: 'mars', timeout: '-1' })

    expect(message).toContain("Input 'username' is required")
    expect(message).toContain("Input 'password' is required")
    expect(message).toContain("Input 'region' must be one of")
    expect(message).toContain("Input 'timeout' must be")
  })

  it('never quotes a credential back in an error', () => {
    const message = problem({
      provider: 'soda',
      username: 'someone',
      password: 'hunter2',
      'base-url': 'https://someone:hunter2@x.example/v1'
    })

    expect(message).not.toContain('hunter2')
  })

  it.each(['http://127.0.0.1:8080/v1', 'http://localhost/v1', 'http://[::1]:9/v1', 'https://gateway.example.com'])(
    'accepts the base-url %s',
    url => {
      expect(mintSettings({ ...soda, 'base-url': url }).apiRoot.href).toBe(new URL(url).href)
    }
  )
})

describe('parseSettings for sealed tokens', () => {
  const key = randomBytes(32).toString('base64')
  const runner = { GITHUB_REPOSITORY: 'data-team/pipelines', GITHUB_RUN_ID: '123' }

  it('unseals without a provider or credentials', () => {
    const { settings, warnings } = parseSettings({ 'sealed-token': 'tm1.abc', 'seal-key': key }, runner)

    expect(settings).toMatchObject({
      mode: 'unseal',
      sealedToken: 'tm1.abc',
      provider: undefined,
      minValiditySeconds: 60
    })
    expect(settings.seal?.binding).toEqual({ repository: 'data-team/pipelines', runId: '123' })
    expect(warnings).toEqual([])
  })

  it('checks the provider when one is given', () => {
    const { settings } = parseSettings({ provider: ' Soda', 'sealed-token': 'tm1.abc', 'seal-key': key }, runner)

    expect(settings.provider?.name).toBe('soda')
    expect(problem({ provider: 'looker', 'sealed-token': 'tm1.abc', 'seal-key': key })).toContain(
      "Input 'provider' must be one of"
    )
  })

  it('seals a minted token when seal-key is set', () => {
    const settings = mintSettings({ ...soda, 'seal-key': key }, runner)

    expect(settings.seal?.key.encryption).toHaveLength(32)
  })

  it.each<[string, RawInputs, Record<string, string>, string]>([
    [
      'a sealed-token without seal-key',
      { 'sealed-token': 'tm1.abc' },
      runner,
      "Input 'seal-key' is required with sealed-token"
    ],
    [
      'a seal-key outside a workflow run',
      { ...soda, 'seal-key': key },
      {},
      "Input 'seal-key' needs GITHUB_REPOSITORY and GITHUB_RUN_ID"
    ],
    [
      'a short seal-key',
      { ...soda, 'seal-key': 'c2hvcnQ=' },
      runner,
      "Input 'seal-key' must be at least 32 random bytes, written as base64 or hex: make one with `openssl rand -base64 32`"
    ],
    [
      'a negative min-validity',
      { ...soda, 'min-validity': '-5' },
      runner,
      "Input 'min-validity' must be a whole number of seconds from 0 to 86400 (got '-5')."
    ]
  ])('rejects %s', (_case, raw, env, message) => {
    expect(problem(raw, env)).toContain(message)
  })
})

describe('action.yml', () => {
  const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { default?: string; required?: boolean; description: string }>
    outputs: Record<string, { description: string }>
    runs: { using: string; main: string }
  }

  it('declares exactly the inputs the action reads, each described', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort())
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(20)
  })

  it('declares the defaults the parser applies', () => {
    const defaults = Object.fromEntries(
      Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])
    )

    const settings = mintSettings({ ...defaults, ...soda }, {})

    expect(defaults).toMatchObject({
      'export-env': 'true',
      timeout: '30',
      'max-attempts': '3',
      region: '',
      'env-name': '',
      'min-validity': '60'
    })
    expect(settings).toMatchObject({
      exportEnv: true,
      timeoutMs: 30_000,
      maxAttempts: 3,
      region: 'eu',
      envName: undefined,
      minValiditySeconds: 60
    })
  })

  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })
})
