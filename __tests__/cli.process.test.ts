import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { SODA_ORGANIZATION } from '../__fixtures__/fake-provider.js'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { CLI_BUNDLE, firstSeen, runAction, runCliProcess, workflowCommands } from '../__fixtures__/run-action.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'

// The bundled command-line entry point, dist/cli/index.js, run as a process against the local fake.
describe('the token-mint CLI', () => {
  const fake = useFakeProvider()

  const sodaEnv = () => ({ SODA_USERNAME: fake().credentials.username, SODA_PASSWORD: fake().credentials.password })
  const sirdataEnv = () => ({
    SIRDATA_LOGIN: fake().credentials.username,
    SIRDATA_PASSWORD: fake().credentials.password,
    SIRDATA_PARTNER_ID: fake().credentials.partnerId
  })

  it('prints the expiry and account by default, never the token', async () => {
    const run = await runCliProcess(
      ['--provider', 'soda', '--region', 'us', '--base-url', fake().roots.soda],
      sodaEnv()
    )

    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      new RegExp(
        `^Minted a Soda Cloud token: region us, organisation ${SODA_ORGANIZATION}, user analyst@example\\.com, expires at \\S+Z, lifetime 30 min\\.\\n$`
      )
    )
    expect(run.stderr).toBe('')
    expect(leakedSecrets(run.stdout + run.stderr, secretsOf(fake()))).toEqual([])
  })

  it('prints an export line for eval with --format env', async () => {
    // Asynchronously: the fake answers from this process's event loop.
    const { stdout } = await promisify(execFile)(
      'bash',
      [
        '-c',
        `eval "$("${process.execPath}" "${CLI_BUNDLE}" --provider sirdata --base-url "${fake().roots.sirdata}" --format env)" && printf %s "$SIRDATA_TOKEN"`
      ],
      { env: { PATH: process.env.PATH ?? '', ...sirdataEnv() } }
    )

    expect(stdout).toBe(fake().tokens[0])
  })

  it('names the variable after --env-name', async () => {
    const run = await runCliProcess(
      ['--provider', 'soda', '--base-url', fake().roots.soda, '--format', 'env', '--env-name', 'DQ_TOKEN'],
      sodaEnv()
    )

    expect(run.stdout).toBe(`export DQ_TOKEN='${fake().tokens[0]}'\n`)
  })

  it('prints the same outputs as the action with --format json', async () => {
    const cli = await runCliProcess(
      ['--provider', 'sirdata', '--base-url', fake().roots.sirdata, '--format', 'json'],
      sirdataEnv()
    )
    const action = await runAction({
      provider: 'sirdata',
      'partner-id': fake().credentials.partnerId,
      username: fake().credentials.username,
      password: fake().credentials.password,
      'base-url': fake().roots.sirdata
    })

    const outputs = JSON.parse(cli.stdout) as Record<string, string>
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(action.outputs).sort())
    expect(outputs).toMatchObject({ token: fake().tokens[0], 'partner-id': '12345' })
  })

  // The runner reads stdout and stderr on two pipes: the token must come at least well after its mask.
  it.each(['env', 'json'])(
    'masks the token on stderr, before --format %s prints it, under GitHub Actions',
    async format => {
      const run = await runCliProcess(['--provider', 'soda', '--base-url', fake().roots.soda, '--format', format], {
        ...sodaEnv(),
        GITHUB_ACTIONS: 'true'
      })

      expect(run.code).toBe(0)
      const token = fake().tokens[0] as string
      expect(run.stderr).toBe(`\n::add-mask::${token}\n`)
      expect(run.stdout).toContain(token)
      expect(run.stdout).not.toContain('::add-mask::')
      const masked = firstSeen(run, 'stderr', `::add-mask::${token}\n`)
      expect(firstSeen(run, 'stdout', token) - masked).toBeGreaterThanOrEqual(500)
    }
  )

  it.each<[string, Record<string, string>]>([
    ['text under GitHub Actions, which never prints the token', { GITHUB_ACTIONS: 'true' }],
    ['text outside GitHub Actions', {}],
    ['env outside GitHub Actions', {}],
    ['json outside GitHub Actions', {}]
  ])('prints no mask for the format %s', async (what, env) => {
    const format = what.split(' ')[0] as string
    const run = await runCliProcess(['--provider', 'soda', '--base-url', fake().roots.soda, '--format', format], {
      ...sodaEnv(),
      ...env
    })

    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).not.toContain('::add-mask::')
  })

  it('exits 1 when the provider refuses, with the action’s message', async () => {
    const env = { ...sodaEnv(), SODA_PASSWORD: 'wrong-password' }
    const cli = await runCliProcess(['--provider', 'soda', '--base-url', fake().roots.soda], env)
    const action = await runAction({
      provider: 'soda',
      username: env.SODA_USERNAME,
      password: env.SODA_PASSWORD,
      'base-url': fake().roots.soda
    })

    expect(cli.code).toBe(1)
    const [error] = workflowCommands(action.stdout).filter(c => c.command === 'error')
    expect(cli.stderr).toBe(`error: ${error?.message}\n`)
    expect(cli.stdout).toBe('')
    expect(leakedSecrets(cli.stderr, ['wrong-password', ...secretsOf(fake())])).toEqual([])
  })

  // Each problem is one line that names the flag or variable to fix, never the usage text, and never echoes
  // what could be a secret typed in the wrong place (hunter2).
  it.each<[string, string[], Record<string, string>, RegExp]>([
    ['an unknown option', ['--provider', 'soda', '--bogus'], {}, /^error: unknown option '--bogus': see --help\.\n$/],
    [
      'a password on the command line',
      ['--provider', 'soda', '--password', 'hunter2'],
      {},
      /^error: there is no --password option: .* Set it in SIRDATA_PASSWORD, SODA_PASSWORD or OAUTH2_CLIENT_SECRET .*--password-stdin\. See --help\.\n$/
    ],
    [
      'a password given as --password=',
      ['--provider', 'soda', '--password=hunter2'],
      {},
      /^error: there is no --password option: .* Set it in SIRDATA_PASSWORD, SODA_PASSWORD or OAUTH2_CLIENT_SECRET .*--password-stdin\. See --help\.\n$/
    ],
    [
      'an option name that could be a secret',
      ['--provider', 'soda', '--hunter2'],
      {},
      /^error: unknown option \(not shown, in case it is a secret\): see --help\.\n$/
    ],
    [
      'a stray argument',
      ['--provider', 'soda', 'hunter2'],
      {},
      /^error: unexpected argument \(not shown, in case it is a secret\): see --help\.\n$/
    ],
    [
      'an option without its value',
      ['--provider', 'soda', '--timeout'],
      {},
      /^error: --timeout needs a value: see --help\.\n$/
    ],
    [
      'a timeout with a unit',
      ['--provider', 'soda', '--timeout', '30s'],
      { SODA_USERNAME: 'analyst@example.com', SODA_PASSWORD: 'hunter2' },
      /^error: --timeout must be a number of seconds above 0 and at most 600 \(got '30s'\)\.\n$/
    ],
    [
      'an unknown provider',
      ['--provider', 'looker'],
      {},
      /^error: --provider must be one of: sirdata, soda, oauth2 \(got 'looker'\)\.\n$/
    ],
    [
      'missing credentials',
      ['--provider', 'soda'],
      {},
      /^error: SODA_USERNAME is required for soda: set it in the environment\.\nerror: SODA_PASSWORD is required for soda: set it in the environment\.\n$/
    ],
    [
      'a missing partner id',
      ['--provider', 'sirdata'],
      { SIRDATA_LOGIN: 'analyst@example.com', SIRDATA_PASSWORD: 'hunter2' },
      /^error: --partner-id \(or SIRDATA_PARTNER_ID\) is required for sirdata\.\n$/
    ],
    [
      'a partner id from the environment that is not one',
      ['--provider', 'sirdata'],
      { SIRDATA_LOGIN: 'analyst@example.com', SIRDATA_PASSWORD: 'hunter2', SIRDATA_PARTNER_ID: 'acme' },
      /^error: SIRDATA_PARTNER_ID must be digits only: your Sirdata partner id\.\n$/
    ],
    [
      'an unknown format',
      ['--provider', 'soda', '--format', 'yaml'],
      {},
      /^error: --format must be one of: text, env, json \(got 'yaml'\)\.\n$/
    ],
    [
      'a command without exec',
      ['--provider', 'soda', '--', 'hunter2'],
      {},
      /^error: a command after -- needs exec, as the first argument: see --help\.\n$/
    ]
  ])('exits 2 on %s, with one line and before any request', async (_case, args, env, message) => {
    const run = await runCliProcess(['--base-url', fake().roots.soda, ...args], env)

    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stdout).toBe('')
    expect(fake().requests).toEqual([])
    expect(run.stderr).not.toContain('hunter2')
  })

  it('warns about a flag the provider ignores by its flag name', async () => {
    const run = await runCliProcess(
      ['--provider', 'sirdata', '--base-url', fake().roots.sirdata, '--region', 'us'],
      sirdataEnv()
    )

    expect(run.code).toBe(0)
    expect(run.stderr).toBe('warning: --region does not apply to sirdata and is ignored.\n')
  })

  it('exits 3 after the last attempt on a transient failure, warning at each retry', async () => {
    fake().script({ status: 503 }, { status: 503 })

    const run = await runCliProcess(
      ['--provider', 'soda', '--base-url', fake().roots.soda, '--max-attempts', '2'],
      sodaEnv()
    )

    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(
      /^warning: Attempt 1 of 2 failed: HTTP 503; retrying in [\d.]+ s\.\nerror: Could not get a token from Soda Cloud at .*: failed after 2 attempts; the last: HTTP 503\. The provider is failing on its side: wait a few minutes and run it again; or raise --max-attempts from 2 to 4: [^\n]*\n$/
    )
    expect(fake().requests).toHaveLength(2)
  })

  it('shows each attempt with --verbose, without secrets', async () => {
    const run = await runCliProcess(['--provider', 'soda', '--base-url', fake().roots.soda, '--verbose'], sodaEnv())

    expect(run.stderr).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/v1\/get_token: HTTP 200 in \d+ ms \(attempt 1\/3\)\n$/)
    expect(leakedSecrets(run.stdout + run.stderr, secretsOf(fake()))).toEqual([])
  })

  it('documents itself with --help: options, credential variables, exec and exit codes', async () => {
    const run = await runCliProcess(['--help'])

    expect(run.code).toBe(0)
    for (const text of [
      '--provider',
      '--partner-id',
      '--region',
      '--base-url',
      '--timeout',
      '--max-attempts',
      '--format',
      'SODA_PASSWORD',
      'SIRDATA_LOGIN',
      'Exit codes: 0 minted, 1 refused by the provider, 2 bad usage, 3 transient',
      'token-mint exec --provider <sirdata|soda|oauth2> [options] -- <command> [args...]',
      '--token-url URL',
      'OAUTH2_CLIENT_SECRET',
      'SODA_TOKEN',
      '128+N',
      'npx --yes github:your-org/token-mint-action#COMMIT_SHA exec --provider soda -- '
    ]) {
      expect(run.stdout).toContain(text)
    }
  })
})
