import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { InputError } from '../src/errors.js'
import { mintSettings } from '../__fixtures__/mint.js'
import { numberText, wholeNumber } from '../src/settings/fields.js'
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
    ['a missing provider', { ...soda, provider: '' }, "Input 'provider' is required: one of sirdata, soda, oauth2."],
    [
      'an unknown provider',
      { ...soda, provider: 'looker' },
      "Input 'provider' must be one of: sirdata, soda, oauth2 (got 'looker')."
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
      "Input 'env-name' must not start with GITHUB_"
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

  it.each([
    'http://127.0.0.1:8080/v1',
    'http://127.0.0.10/v1',
    'http://127.255.255.254:9/v1',
    'http://localhost/v1',
    'http://LocalHost:8080/v1',
    'http://[::1]:9/v1',
    'https://gateway.example.com',
    ' https://gateway.example.com/soda/v1 '
  ])('accepts the base-url %s', url => {
    expect(mintSettings({ ...soda, 'base-url': url }).apiRoot.href).toBe(new URL(url.trim()).href)
  })

  it.each([
    'http://localhost.attacker.example/v1',
    'http://127.0.0.1.evil.example/v1',
    'http://attacker-localhost/v1',
    'http://my.localhost/v1',
    'http://evil.example/127.0.0.1',
    'http://[::2]/v1',
    'http://10.127.0.1/v1'
  ])('refuses plain http:// to %s, which is not a loopback host', url => {
    expect(problem({ ...soda, 'base-url': url })).toBe(
      "Input 'base-url' must be an https:// URL: plain http:// is allowed only to a loopback host (127.0.0.1, ::1, localhost)."
    )
  })

  it('refuses a loopback address hidden in a query', () => {
    expect(problem({ ...soda, 'base-url': 'http://evil.example?x=127.0.0.1' })).toBe(
      "Input 'base-url' must not have a query (?) or a fragment (#): give the API root only."
    )
    expect(problem({ ...soda, 'base-url': 'https://example.com/v1#127.0.0.1' })).toBe(
      "Input 'base-url' must not have a query (?) or a fragment (#): give the API root only."
    )
  })

  it('refuses a base-url with a user name only, or a password only', () => {
    expect(problem({ ...soda, 'base-url': 'https://user@example.com/v1' })).toBe(
      "Input 'base-url' must not hold credentials (user:password@): pass them as inputs."
    )
    expect(problem({ ...soda, 'base-url': 'https://:pw@example.com/v1' })).toBe(
      "Input 'base-url' must not hold credentials (user:password@): pass them as inputs."
    )
  })

  it('names a scheme it refuses, cut short', () => {
    expect(problem({ ...soda, 'base-url': `${'x'.repeat(30)}://example.com/v1` })).toBe(
      `Input 'base-url' must be an https:// URL (got a ${'x'.repeat(20)} URL).`
    )
  })

  it('says what a base-url that is not a URL should look like', () => {
    expect(problem({ ...soda, 'base-url': 'reporting.cloud.soda.io' })).toBe(
      "Input 'base-url' must be an https:// URL, such as https://gateway.example.com/v1."
    )
  })

  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    [' true ', true],
    ['false', false],
    ['False', false],
    ['FALSE', false]
  ])('reads export-env %p as %p', (text, exportEnv) => {
    expect(mintSettings({ ...soda, 'export-env': text }).exportEnv).toBe(exportEnv)
  })

  it.each(['yes', 'no', 'on', '1', '0', 'tRUE', 'fALSE', 'truee'])('refuses export-env %p', text => {
    expect(problem({ ...soda, 'export-env': text })).toBe(`Input 'export-env' must be true or false (got '${text}').`)
  })

  it.each([
    ['0', 0],
    ['86400', 86_400],
    [' 300 ', 300]
  ])('accepts a min-validity of %p seconds', (text, seconds) => {
    expect(mintSettings({ ...soda, 'min-validity': text }).minValiditySeconds).toBe(seconds)
  })

  it.each(['-1', '86401', '1.5', '60s', 'NaN'])('refuses a min-validity of %p', text => {
    expect(problem({ ...soda, 'min-validity': text })).toBe(
      `Input 'min-validity' must be a whole number of seconds from 0 to 86400 (got '${text}').`
    )
  })

  it.each([
    ['600', 600_000],
    ['0.001', 1],
    ['0.0015', 2],
    ['1e2', 100_000],
    [' 45 ', 45_000]
  ])('accepts a timeout of %p seconds, as %p ms', (text, ms) => {
    expect(mintSettings({ ...soda, timeout: text }).timeoutMs).toBe(ms)
  })

  it.each(['600.1', '601', '-0.5', 'Infinity', 'NaN', '1,5'])('refuses a timeout of %p', text => {
    expect(problem({ ...soda, timeout: text })).toBe(
      `Input 'timeout' must be a number of seconds above 0 and at most 600 (got '${text}').`
    )
  })

  it.each([
    ['1', 1],
    ['10', 10],
    [' 7 ', 7]
  ])('accepts a max-attempts of %p', (text, attempts) => {
    expect(mintSettings({ ...soda, 'max-attempts': text }).maxAttempts).toBe(attempts)
  })

  it.each(['11', '0', '-1', '2.5', 'three'])('refuses a max-attempts of %p', text => {
    expect(problem({ ...soda, 'max-attempts': text })).toBe(
      `Input 'max-attempts' must be a whole number from 1 to 10 (got '${text}').`
    )
  })

  it('quotes at most 40 characters of a value it refuses', () => {
    expect(problem({ ...soda, region: 'x'.repeat(50) })).toBe(
      `Input 'region' must be one of: eu, us (got '${'x'.repeat(40)}').`
    )
  })

  it('reads the region case-insensitively, and defaults to the provider’s first', () => {
    expect(mintSettings({ ...soda, region: 'EU' }).region).toBe('eu')
    expect(mintSettings({ ...soda, region: '' }).apiRoot.href).toBe('https://reporting.cloud.soda.io/v1')
    expect(mintSettings({ ...sirdata }).region).toBe('global')
  })

  it('prefers base-url over the region’s API root', () => {
    const settings = mintSettings({ ...soda, region: 'us', 'base-url': 'https://gateway.example.com/v1' })

    expect(settings.region).toBe('us')
    expect(settings.apiRoot.href).toBe('https://gateway.example.com/v1')
  })

  it('trims environment fallbacks, and treats a blank one as unset', () => {
    const settings = mintSettings({ provider: 'soda' }, { SODA_USERNAME: ' u ', SODA_PASSWORD: '\tp\n' })

    expect(settings.inputs).toEqual({ username: 'u', password: 'p' })
    expect(problem({ provider: 'soda', username: 'u' }, { SODA_PASSWORD: '  ' })).toMatch(
      /^Input 'password' is required for soda: set it, or the SODA_PASSWORD environment variable\. /
    )
  })

  it('keeps only the chosen provider’s inputs', () => {
    expect(mintSettings({ ...sirdata }).inputs).toEqual({
      'partner-id': '12345',
      username: 'login',
      password: 'secret'
    })
  })

  it('says which input is missing when seal-key is set without a provider or a sealed-token', () => {
    expect(
      problem({ 'seal-key': randomBytes(32).toString('base64') }, { GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1' })
    ).toContain("Input 'sealed-token' is empty. If this job unseals a token, pass ${{ needs.<job>.outputs.<name> }}")
  })

  it('adds the same hint when seal-key and provider are set but the credentials are missing', () => {
    const message = problem(
      { provider: 'soda', 'seal-key': randomBytes(32).toString('base64') },
      { GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1' }
    )

    expect(message).toContain("Input 'username' is required for soda")
    expect(message).toContain("Input 'sealed-token' is empty.")
  })

  it('gives no such hint to a minting job without seal-key', () => {
    expect(problem({ provider: 'soda' })).not.toContain('sealed-token')
  })
})

describe('number inputs', () => {
  it('never read empty or blank text as zero', () => {
    expect(wholeNumber(0, 10).safeParse('').success).toBe(false)
    expect(numberText('a number', () => true).safeParse('  ').success).toBe(false)
    expect(wholeNumber(0, 10).safeParse(' 0 ').data).toBe(0)
  })
})

describe('env-name', () => {
  const MUST_END =
    "Input 'env-name' must end in _TOKEN, such as REPORTING_TOKEN or DQ_TOKEN: a variable of another name may be one that a loader, a shell or a runtime reads at start-up, and the token would change how later steps run."

  it.each([
    'SODA_TOKEN',
    'DQ_TOKEN',
    'soda_token',
    'Partner_Api_Token',
    '_MY_TOKEN',
    'X2_TOKEN',
    'PROXY_TOKEN',
    'NODEX_TOKEN'
  ])('accepts %s', name => {
    expect(mintSettings({ ...soda, 'env-name': name }).envName).toBe(name)
  })

  it.each(['1X', 'A-B', 'A B', 'É', 'A.B', '$X', 'SODA-TOKEN'])('refuses %p, which is not a variable name', name => {
    expect(problem({ ...soda, 'env-name': name })).toBe(
      "Input 'env-name' must be a valid environment variable name: letters, digits and _, not starting with a digit."
    )
  })

  // The names of issue 15 that a list of refused names let through, and the families the list did hold.
  it.each([
    'JDK_JAVA_OPTIONS',
    'GRADLE_OPTS',
    'MAVEN_OPTS',
    'GLIBC_TUNABLES',
    'GCONV_PATH',
    'DOTNET_STARTUP_HOOKS',
    'CORECLR_PROFILER_PATH',
    'OPENSSL_CONF',
    'npm_config_registry',
    'npm_config_script_shell',
    'PIP_INDEX_URL',
    'GOPROXY',
    'DOCKER_HOST',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'USERPROFILE',
    'APPDATA',
    'PATH',
    'LD_PRELOAD',
    'BASH_ENV',
    'HTTPS_PROXY',
    'NODE_OPTIONS',
    'JAVA_TOOL_OPTIONS',
    'PYTHONPATH',
    'GIT_SSH_COMMAND',
    'ComSpec',
    'TOKEN',
    '_TOKEN',
    'SODA_TOKENS',
    'SODA_TOKEN_FILE',
    'TOKEN_'
  ])('refuses %s, which does not end in _TOKEN', name => {
    expect(problem({ ...soda, 'env-name': name })).toBe(MUST_END)
  })

  it.each([
    ['GITHUB_TOKEN', 'GITHUB_'],
    ['github_token', 'GITHUB_'],
    ['RUNNER_TOKEN', 'RUNNER_'],
    ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_'],
    ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'ACTIONS_'],
    ['INPUT_TOKEN', 'INPUT_'],
    ['STATE_TOKEN', 'STATE_'],
    ['NODE_AUTH_TOKEN', 'NODE_'],
    ['npm_config_token', 'NPM_CONFIG_']
  ])('refuses %s, a _TOKEN name of the runner, the toolkit or npm', (name, prefix) => {
    expect(problem({ ...soda, 'env-name': name })).toBe(
      `Input 'env-name' must not start with ${prefix}: the runner, the toolkit or npm read such _TOKEN variables themselves. Choose a name of your own, such as REPORTING_TOKEN.`
    )
  })
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
      "Input 'seal-key' must be a key written by a key generator: 32, 48 or 64 random bytes as base64 or hex (the text is not quoted here); make one with `openssl rand -base64 32`"
    ],
    [
      'a negative min-validity',
      { ...soda, 'min-validity': '-5' },
      runner,
      "Input 'min-validity' must be a whole number of seconds from 0 to 86400 (got '-5')."
    ],
    [
      'a run id that is not digits',
      { ...soda, 'seal-key': key },
      { ...runner, GITHUB_RUN_ID: '12a' },
      "Input 'seal-key' needs GITHUB_REPOSITORY and GITHUB_RUN_ID"
    ],
    [
      'a run id of 20 digits',
      { ...soda, 'seal-key': key },
      { ...runner, GITHUB_RUN_ID: '1'.repeat(20) },
      "Input 'seal-key' needs GITHUB_REPOSITORY and GITHUB_RUN_ID"
    ],
    [
      'a blank repository',
      { 'sealed-token': 'tm1.abc', 'seal-key': key },
      { ...runner, GITHUB_REPOSITORY: ' ' },
      "Input 'seal-key' needs GITHUB_REPOSITORY and GITHUB_RUN_ID, which the runner sets: sealed tokens work only inside a GitHub Actions workflow run."
    ]
  ])('rejects %s', (_case, raw, env, message) => {
    expect(problem(raw, env)).toContain(message)
  })

  it.each([
    ['GITHUB_REPOSITORY alone', { GITHUB_REPOSITORY: 'octo/repo' }],
    ['GITHUB_RUN_ID alone', { GITHUB_RUN_ID: '123' }],
    ['a run id with a prefix', { GITHUB_REPOSITORY: 'octo/repo', GITHUB_RUN_ID: 'a123' }]
  ])('refuses a seal-key with %s', (_case, env) => {
    expect(problem({ ...soda, 'seal-key': key }, env)).toBe(
      "Input 'seal-key' needs GITHUB_REPOSITORY and GITHUB_RUN_ID, which the runner sets: sealed tokens work only inside a GitHub Actions workflow run."
    )
  })

  it('refuses an unknown provider even when everything else of an unsealing run is right', () => {
    expect(problem({ provider: 'looker', 'sealed-token': 'tm1.abc', 'seal-key': key }, runner)).toBe(
      "Input 'provider' must be one of: sirdata, soda, oauth2 (got 'looker')."
    )
  })

  it('binds the seal to the run, trimmed, with run ids up to 19 digits', () => {
    const settings = mintSettings(
      { ...soda, 'seal-key': ` ${key} ` },
      { GITHUB_REPOSITORY: ' octo/repo ', GITHUB_RUN_ID: ` ${'9'.repeat(19)} ` }
    )

    expect(settings.seal?.binding).toEqual({ repository: 'octo/repo', runId: '9'.repeat(19) })
  })

  it('reads the inputs every run reads when unsealing too', () => {
    const { settings } = parseSettings(
      {
        'sealed-token': ' tm1.abc ',
        'seal-key': key,
        'export-env': 'false',
        'env-name': 'DQ_TOKEN',
        'min-validity': '0'
      },
      runner
    )

    expect(settings).toMatchObject({
      mode: 'unseal',
      sealedToken: 'tm1.abc',
      exportEnv: false,
      envName: 'DQ_TOKEN',
      minValiditySeconds: 0
    })
  })

  it('warns about the minting inputs an unsealing run ignores, in order', () => {
    const { warnings } = parseSettings(
      {
        'sealed-token': 'tm1.abc',
        'seal-key': key,
        'base-url': 'https://x.example/v1',
        password: 'pw',
        username: 'u',
        region: 'eu',
        'partner-id': '1',
        timeout: '30'
      },
      runner
    )

    expect(warnings).toEqual(
      ['partner-id', 'region', 'username', 'password', 'base-url'].map(
        name => `Input '${name}' is ignored: the token comes from sealed-token, not from the provider.`
      )
    )
  })

  it('names every bad input of an unsealing run in one error', () => {
    const message = problem(
      { 'sealed-token': 'tm1.abc', provider: 'looker', 'min-validity': 'x', 'env-name': 'PATH' },
      runner
    )

    expect(message).toContain("Input 'provider' must be one of")
    expect(message).toContain("Input 'min-validity' must be")
    expect(message).toContain("Input 'env-name' must end in _TOKEN")
    expect(message).toContain("Input 'seal-key' is required with sealed-token")
  })

  it('names a bad seal-key and the other bad inputs of a minting run together', () => {
    const message = problem({ ...soda, 'seal-key': 'c2hvcnQ=', timeout: '0' }, runner)

    expect(message).toContain("Input 'seal-key' must be a key written by a key generator")
    expect(message).toContain("Input 'timeout' must be")
  })

  it('never quotes a seal-key it refuses', () => {
    const weak = 'correcthorsebatterystaplecorrecthorsebatterystaplecorrecthorseba'

    expect(problem({ ...soda, 'seal-key': weak }, runner)).toBe(
      "Input 'seal-key' reads like text a person typed (words, a sequence, a keyboard row), so it would be guessed: make one with `openssl rand -base64 32` (or `token-mint keygen`) and store it as a repository secret."
    )
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

describe('cli/action.yml', () => {
  const path = new URL('../cli/action.yml', import.meta.url)
  const cli = parse(readFileSync(path, 'utf8')) as {
    inputs?: unknown
    outputs: Record<string, { description: string }>
    runs: { using: string; main: string }
  }

  it('runs the committed cli action bundle on node24, which the runner finds from the cli/ directory', () => {
    expect(cli.runs).toEqual({ using: 'node24', main: '../dist/on-path/index.js' })
    // The runner joins runs.main to the action's directory, and runs the file only if it exists.
    expect(existsSync(new URL(cli.runs.main, path))).toBe(true)
  })

  it('takes no input, and declares the one output it sets, described', () => {
    expect(cli.inputs).toBeUndefined()
    expect(Object.keys(cli.outputs)).toEqual(['cli-path'])
    expect(cli.outputs['cli-path']?.description.length).toBeGreaterThan(20)
  })
})
