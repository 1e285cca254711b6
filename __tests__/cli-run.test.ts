import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'
import { FROM_POWERSHELL, readArgs, restoreSeparator } from '../src/cli/args.js'
import { commandEnv } from '../src/cli/exec.js'
import { runCli } from '../src/cli/run.js'
import { usageText } from '../src/cli/usage.js'
import { flagProblem, flagWarning } from '../src/cli/wording.js'
import { InputError } from '../src/errors.js'
import { parseSettings } from '../src/settings/settings.js'

// The CLI in-process: how it reads its arguments, how it words the core's problems, and runCli end to end against
// the fake provider. cli*.process.test.ts run the same through the bundle.

describe('readArgs', () => {
  it('reads flags as --name value and --name=value, and switches', () => {
    expect(readArgs(['--provider', 'soda', '--timeout=5', '--verbose', '--format', 'env'])).toEqual({
      kind: 'mint',
      flags: { provider: 'soda', timeout: '5' },
      verbose: true,
      format: 'env'
    })
  })

  it('reads exec: the flags before --, the command and its arguments after, as typed', () => {
    expect(readArgs(['exec', '--provider', 'soda', '--', 'psql', '--provider', '--', '-h'])).toEqual({
      kind: 'exec',
      flags: { provider: 'soda' },
      verbose: false,
      command: ['psql', '--provider', '--', '-h']
    })
  })

  it('reads exec from the PowerShell launcher, putting back the -- PowerShell drops where the command starts', () => {
    const args = ['exec', '--provider', 'soda', '--timeout', '5', '--min-validity=1', '--verbose', 'psql', '--', '-h']

    expect(readArgs([FROM_POWERSHELL, ...args])).toEqual({
      kind: 'exec',
      flags: { provider: 'soda', timeout: '5', 'min-validity': '1' },
      verbose: true,
      command: ['psql', '--', '-h']
    })
  })

  it('keeps a -- that reached the PowerShell launcher (quoted) as the separator, and reads the rest as usual', () => {
    expect(restoreSeparator(['exec', '--provider', 'soda', '--', 'psql', '--', 'x'])).toEqual([
      'exec',
      '--provider',
      'soda',
      '--',
      'psql',
      '--',
      'x'
    ])
    expect(restoreSeparator(['exec', '-h', 'psql'])).toEqual(['exec', '-h', '--', 'psql'])
    expect(restoreSeparator(['--provider', 'soda', 'stray'])).toEqual(['--provider', 'soda', 'stray'])
    expect(readArgs([FROM_POWERSHELL, '--provider', 'soda', '--format', 'env'])).toMatchObject({ kind: 'mint' })
    expect(readArgs([FROM_POWERSHELL, 'exec', '--provider', 'soda'])).toEqual({
      problem: 'exec needs a command after --: see --help.'
    })
  })

  it('takes a value that starts with one dash, and refuses one that looks like the next option', () => {
    expect(readArgs(['--min-validity', '-5'])).toMatchObject({ flags: { 'min-validity': '-5' } })
    expect(readArgs(['--timeout', '--verbose'])).toEqual({ problem: '--timeout needs a value: see --help.' })
  })

  it.each([
    [['--help', '--provider', 'soda'], 'help'],
    [['-h'], 'help'],
    [['exec', '--help'], 'help'],
    [['--version'], 'version']
  ])('answers %j with %s', (argv, kind) => {
    expect(readArgs(argv)).toEqual({ kind })
  })

  it.each<[string[], string]>([
    [['--bogus'], "unknown option '--bogus': see --help."],
    [
      ['--password=hunter2'],
      "there is no --password option: a password on the command line shows in the process list and the shell's " +
        'history. Set it in SIRDATA_PASSWORD, SODA_PASSWORD or OAUTH2_CLIENT_SECRET (the provider’s), or pipe it in with --password-stdin. See --help.'
    ],
    [
      ['--password', 'hunter2'],
      "there is no --password option: a password on the command line shows in the process list and the shell's " +
        'history. Set it in SIRDATA_PASSWORD, SODA_PASSWORD or OAUTH2_CLIENT_SECRET (the provider’s), or pipe it in with --password-stdin. See --help.'
    ],
    [['--hunter2'], 'unknown option (not shown, in case it is a secret): see --help.'],
    [['--Secret-Value'], 'unknown option (not shown, in case it is a secret): see --help.'],
    [[`--${'a'.repeat(31)}`], 'unknown option (not shown, in case it is a secret): see --help.'],
    [['-x'], "unknown option '-x': see --help."],
    [['-hunter2'], 'unknown option (not shown, in case it is a secret): see --help.'],
    [['-s3cret-x'], 'unknown option (not shown, in case it is a secret): see --help.'],
    [['hunter2'], 'unexpected argument (not shown, in case it is a secret): see --help.'],
    [['-'], 'unexpected argument (not shown, in case it is a secret): see --help.'],
    [['--verbose=hunter2'], '--verbose takes no value: see --help.'],
    [['--provider', 'soda', 'exec'], 'exec must be the first argument: see --help.'],
    [['--', 'hunter2'], 'a command after -- needs exec, as the first argument: see --help.'],
    [['--format', 'yaml'], "--format must be one of: text, env, json (got 'yaml')."],
    [['--format', 'y'.repeat(100)], `--format must be one of: text, env, json (got '${'y'.repeat(40)}').`],
    [['exec', '--provider', 'soda'], 'exec needs a command after --: see --help.'],
    [['exec', '--'], 'exec needs a command after --: see --help.'],
    [['exec', '--', ''], 'exec needs a command after --: see --help.'],
    [
      ['exec', '--format', 'env', '--', 'x'],
      '--format does not apply to exec, which hands the token to the command in its environment: see --help.'
    ],
    [
      ['exec', 'hunter2', '--', 'x'],
      'unexpected argument (not shown, in case it is a secret); the command goes after --: see --help.'
    ]
  ])('refuses %j in one line', (argv, problem) => {
    expect(readArgs(argv)).toEqual({ problem })
  })

  it('reads exec --keep-fresh, with --refresh-every in seconds when given', () => {
    expect(readArgs(['exec', '--keep-fresh', '--provider', 'soda', '--', 'scan'])).toEqual({
      kind: 'exec',
      flags: { provider: 'soda' },
      verbose: false,
      command: ['scan'],
      keepFresh: {}
    })
    expect(readArgs(['exec', '--refresh-every', '600', '--keep-fresh', '--', 'scan'])).toMatchObject({
      keepFresh: { refreshEverySeconds: 600 },
      flags: {}
    })
    expect(readArgs(['exec', '--keep-fresh', '--refresh-every=1', '--', 'scan'])).toMatchObject({
      keepFresh: { refreshEverySeconds: 1 }
    })
    expect(readArgs(['exec', '--keep-fresh', '--refresh-every', '86400', '--', 'scan'])).toMatchObject({
      keepFresh: { refreshEverySeconds: 86_400 }
    })
  })

  it.each<[string[], string]>([
    [['--keep-fresh', '--provider', 'soda'], '--keep-fresh needs exec, as the first argument: see --help.'],
    [['--refresh-every', '60'], '--refresh-every needs exec --keep-fresh: see --help.'],
    [['exec', '--refresh-every', '60', '--', 'x'], '--refresh-every needs --keep-fresh: see --help.'],
    [['exec', '--keep-fresh=yes', '--', 'x'], '--keep-fresh takes no value: see --help.'],
    [['exec', '--keep-fresh', '--refresh-every', '--', 'x'], '--refresh-every needs a value: see --help.']
  ])('refuses %j, naming the flag', (argv, problem) => {
    expect(readArgs(argv)).toEqual({ problem })
  })

  it.each(['0', '86401', '100000', '1.5', '-5', '60s', ' 60', ''])('refuses --refresh-every %j', value => {
    expect(readArgs(['exec', '--keep-fresh', `--refresh-every=${value}`, '--', 'x'])).toEqual({
      problem: `--refresh-every must be a whole number of seconds from 1 to 86400 (got '${value}').`
    })
  })

  it('quotes at most 40 characters of a refused --refresh-every', () => {
    expect(readArgs(['exec', '--keep-fresh', `--refresh-every=${'9'.repeat(50)}`, '--', 'x'])).toEqual({
      problem: `--refresh-every must be a whole number of seconds from 1 to 86400 (got '${'9'.repeat(40)}').`
    })
  })

  it('reports the first problem only', () => {
    expect(readArgs(['--bogus', 'hunter2'])).toEqual({ problem: "unknown option '--bogus': see --help." })
  })
})

describe('the wording of input problems', () => {
  const problems = (flags: Record<string, string>, env: Record<string, string> = {}) => {
    try {
      parseSettings(flags, env)
    } catch (error) {
      if (error instanceof InputError) return error.problems.map(problem => flagProblem(problem, flags, env))
      throw error
    }
    throw new Error('no problem found')
  }

  it('names the flag a value came from', () => {
    expect(
      problems({ provider: 'soda', timeout: '30s', 'env-name': 'PATH' }, { SODA_USERNAME: 'u', SODA_PASSWORD: 'p' })
    ).toEqual([
      expect.stringMatching(/^--env-name must end in _TOKEN/),
      "--timeout must be a number of seconds above 0 and at most 600 (got '30s')."
    ])
  })

  it('names the variable a credential comes from', () => {
    expect(problems({ provider: 'SODA' })).toEqual([
      'SODA_USERNAME is required for soda: set it in the environment.',
      'SODA_PASSWORD is required for soda: set it in the environment.'
    ])
  })

  it('names both ways to give an input that has a flag and a variable, and the one that was used', () => {
    const credentials = { SIRDATA_LOGIN: 'u', SIRDATA_PASSWORD: 'p' }

    expect(problems({ provider: 'sirdata' }, credentials)).toEqual([
      '--partner-id (or SIRDATA_PARTNER_ID) is required for sirdata.'
    ])
    expect(problems({ provider: 'sirdata', 'partner-id': 'x' }, credentials)).toEqual([
      '--partner-id must be digits only: your Sirdata partner id.'
    ])
    expect(problems({ provider: 'sirdata' }, { ...credentials, SIRDATA_PARTNER_ID: 'x' })).toEqual([
      'SIRDATA_PARTNER_ID must be digits only: your Sirdata partner id.'
    ])
  })

  it('counts a flag or a variable that holds only blanks as not given, as the settings do', () => {
    const credentials = { SIRDATA_LOGIN: 'u', SIRDATA_PASSWORD: 'p' }

    expect(problems({ provider: 'sirdata', 'partner-id': '  ' }, { ...credentials, SIRDATA_PARTNER_ID: ' ' })).toEqual([
      '--partner-id (or SIRDATA_PARTNER_ID) is required for sirdata.'
    ])
  })

  it('keeps the core’s words for an input that is neither a flag nor a variable', () => {
    expect(flagProblem({ input: 'seal-key', message: 'is wrong.' }, {}, {})).toBe("Input 'seal-key' is wrong.")
    expect(flagProblem({ input: 'seal-key', message: 'is wrong.' }, { provider: 'soda' }, {})).toBe(
      "Input 'seal-key' is wrong."
    )
    expect(flagProblem({ input: 'username', message: 'is wrong.' }, { provider: 'constructor' }, {})).toBe(
      "Input 'username' is wrong."
    )
  })

  it('words a warning about an input as one about its flag', () => {
    expect(flagWarning("Input 'region' does not apply to sirdata and is ignored.")).toBe(
      '--region does not apply to sirdata and is ignored.'
    )
  })
})

describe('the command’s environment', () => {
  const env = { PATH: '/bin', SODA_USERNAME: 'u', SODA_PASSWORD: 'p', SODA_TOKEN: 'stale', UNSET: undefined }

  it('is ours, less the password, with the token', () => {
    expect(commandEnv(env, { SODA_TOKEN: 't' }, ['SODA_PASSWORD'], false)).toEqual({
      PATH: '/bin',
      SODA_USERNAME: 'u',
      SODA_TOKEN: 't'
    })
  })

  it('drops names in any case on Windows, where they are one variable', () => {
    const windows = { Path: 'C:\\bin', soda_password: 'p', Soda_Token: 'stale' }

    expect(commandEnv(windows, { SODA_TOKEN: 't' }, ['SODA_PASSWORD'], true)).toEqual({
      Path: 'C:\\bin',
      SODA_TOKEN: 't'
    })
    expect(commandEnv(windows, { SODA_TOKEN: 't' }, ['SODA_PASSWORD'], false)).toMatchObject({
      soda_password: 'p',
      Soda_Token: 'stale'
    })
  })
})

describe('runCli', () => {
  const fake = useFakeProvider()
  const run = async (argv: string[], env: Record<string, string> = {}) => {
    const io = { out: '', err: '' }
    const code = await runCli(argv, env, { out: text => void (io.out += text), err: text => void (io.err += text) })
    return { code, ...io }
  }
  const sodaEnv = () => ({ SODA_USERNAME: fake().credentials.username, SODA_PASSWORD: fake().credentials.password })

  it('prints the usage text with --help, and one line on a usage error', async () => {
    expect(await run(['--help'])).toEqual({ code: 0, out: usageText(), err: '' })
    expect(await run(['--bogus'])).toEqual({ code: 2, out: '', err: "error: unknown option '--bogus': see --help.\n" })
  })

  it('prints every input problem on a line of its own, with exit code 2', async () => {
    expect(await run(['--provider', 'soda', '--timeout', '0'])).toEqual({
      code: 2,
      out: '',
      err:
        "error: --timeout must be a number of seconds above 0 and at most 600 (got '0').\n" +
        'error: SODA_USERNAME is required for soda: set it in the environment.\n' +
        'error: SODA_PASSWORD is required for soda: set it in the environment.\n'
    })
  })

  it('prints the token as asked', async () => {
    const env = await run(['--provider', 'soda', '--base-url', fake().roots.soda, '--format', 'env'], sodaEnv())
    const json = await run(['--provider', 'soda', '--base-url', fake().roots.soda, '--format', 'json'], sodaEnv())

    expect(env.out).toBe(`export SODA_TOKEN='${fake().tokens[0]}'\n`)
    expect(JSON.parse(json.out)).toMatchObject({ token: fake().tokens[1] })
  })

  it('runs the command of exec with the token, and returns its exit code', async () => {
    const exec = ['exec', '--provider', 'soda', '--base-url', fake().roots.soda]
    const check = 'process.exit(/^soda-/.test(process.env.SODA_TOKEN) && !process.env.SODA_PASSWORD ? 5 : 6)'

    const quiet = await run([...exec, '--', process.execPath, '-e', check], sodaEnv())
    const verbose = await run([...exec, '--verbose', '--', process.execPath, '-e', 'process.exit(4)'], sodaEnv())

    expect(quiet).toEqual({ code: 5, out: '', err: '' })
    expect(verbose.code).toBe(4)
    expect(verbose.err).toMatch(/\nMinted a Soda Cloud token: /)
    expect(leakedSecrets(verbose.err, secretsOf(fake()))).toEqual([])
  })

  it('reports a command that cannot be started, with the exit code of a shell', async () => {
    const missing = await run(
      ['exec', '--provider', 'soda', '--base-url', fake().roots.soda, '--', 'no-such-command-here'],
      sodaEnv()
    )
    const refused = await run(['exec', '--provider', 'soda', '--base-url', fake().roots.soda, '--', 'x\0y'], sodaEnv())

    expect(missing).toEqual({
      code: 127,
      out: '',
      err: 'error: cannot run "no-such-command-here": no such command or file (check PATH, or give its path).\n'
    })
    expect(refused.code).toBe(126)
    expect(refused.err).toMatch(/^error: cannot run "x\\u0000y": /)
  })
})

describe('runCli exec --keep-fresh', () => {
  const fake = useFakeProvider({ tokenLifetimeSeconds: 3 })

  it('mints again while the command runs, with the same request, and hands it the files', async () => {
    const io = { out: '', err: '' }
    const argv = ['exec', '--keep-fresh', '--provider', 'soda', '--base-url', fake().roots.soda, '--min-validity', '1']
    const env = { SODA_USERNAME: fake().credentials.username, SODA_PASSWORD: fake().credentials.password }
    const script = `
      const fs = require('fs')
      setTimeout(() => process.exit(fs.readFileSync(process.env.SODA_TOKEN_FILE, 'utf8').trim() === process.env.SODA_TOKEN ? 8 : 9), 2600)
    `

    const code = await runCli([...argv, '--', process.execPath, '-e', script], env, {
      out: text => void (io.out += text),
      err: text => void (io.err += text)
    })

    expect(code).toBe(9)
    expect(io).toEqual({ out: '', err: '' })
    expect(fake().requests.map(request => request.headers.authorization)).toEqual([
      fake().requests[0]?.headers.authorization,
      fake().requests[0]?.headers.authorization
    ])
  })
})

describe('runCli under GitHub Actions', () => {
  const fake = useFakeProvider()
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-run-mask-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  interface Write {
    readonly to: 'out' | 'err' | 'mask'
    readonly text: string
    readonly at: number
  }
  /** runCli with every write stamped with when it came, the masks included. */
  const run = async (argv: string[], env: Record<string, string>) => {
    const writes: Write[] = []
    const write = (to: Write['to']) => (text: string) => void writes.push({ to, text, at: Date.now() })
    const credentials = { SODA_USERNAME: fake().credentials.username, SODA_PASSWORD: fake().credentials.password }
    const code = await runCli(
      argv,
      { ...credentials, ...env },
      { out: write('out'), err: write('err'), mask: write('mask') }
    )
    return { code, writes }
  }
  const soda = () => ['--provider', 'soda', '--base-url', fake().roots.soda]
  const actions = { GITHUB_ACTIONS: 'true' }
  // Writes when it started to the file it is given, and exits 3 when it has a token.
  const started =
    "require('fs').writeFileSync(process.argv[1], String(Date.now())); process.exit(process.env.SODA_TOKEN ? 3 : 4)"

  it.each(['env', 'json'])('masks the token before --format %s prints it, then waits for the runner', async format => {
    const { code, writes } = await run([...soda(), '--format', format], actions)

    expect(code).toBe(0)
    const token = fake().tokens[0] as string
    expect(writes.map(({ to }) => to)).toEqual(['mask', 'out'])
    expect(writes[0]?.text).toBe(token)
    expect(writes[1]?.text).toContain(token)
    expect((writes[1] as Write).at - (writes[0] as Write).at).toBeGreaterThanOrEqual(900)
  })

  it('masks the token before exec starts the command, then waits for the runner', async () => {
    const file = join(dir, 'started')

    const { code, writes } = await run(['exec', ...soda(), '--', process.execPath, '-e', started, file], actions)

    expect(code).toBe(3)
    expect(writes).toEqual([{ to: 'mask', text: fake().tokens[0], at: expect.any(Number) }])
    expect(Number(readFileSync(file, 'utf8')) - (writes[0] as Write).at).toBeGreaterThanOrEqual(900)
  })

  it('leaves the masks of exec --keep-fresh to it: the token masked once', async () => {
    const { code, writes } = await run(['exec', '--keep-fresh', ...soda(), '--', process.execPath, '-e', ''], actions)

    expect(code).toBe(0)
    expect(writes).toEqual([{ to: 'mask', text: fake().tokens[0], at: expect.any(Number) }])
  })

  it('masks nothing for the text format, which never prints the token', async () => {
    const { code, writes } = await run(soda(), actions)

    expect(code).toBe(0)
    expect(writes.map(({ to }) => to)).toEqual(['out'])
    expect(leakedSecrets(writes[0]?.text ?? '', secretsOf(fake()))).toEqual([])
  })

  it.each<Record<string, string>>([{}, { GITHUB_ACTIONS: 'false' }])(
    'masks nothing outside GitHub Actions (%j)',
    async env => {
      const asEnv = await run([...soda(), '--format', 'env'], env)
      const json = await run([...soda(), '--format', 'json'], env)
      const exec = await run(['exec', ...soda(), '--', process.execPath, '-e', started, join(dir, 'started')], env)

      expect([asEnv.code, json.code, exec.code]).toEqual([0, 0, 3])
      const writes = [...asEnv.writes, ...json.writes, ...exec.writes]
      expect(writes.map(({ to }) => to)).toEqual(['out', 'out'])
      expect(writes.map(({ text }) => text).join('')).not.toContain('::add-mask::')
    }
  )
})
