import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { CLI_BUNDLE, firstSeen, runCliProcess } from '../__fixtures__/run-action.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'

// `token-mint exec [flags] -- <command> [args...]`, the bundle run as a process: the command is node itself, running
// a short script that reports what it was given. The token never travels through stdout: the scripts print its
// SHA-256 at most, and every test checks that nothing the fake issued or accepted was printed.

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** A command that runs `script` with node; the script reads its own arguments as process.argv.slice(1). */
const node = (script: string, ...args: string[]) => [process.execPath, '-e', script, ...args]

// Prints what the command can see: a hash of each variable that might hold the token, and which credentials are set.
const REPORT = `
  const hash = name => process.env[name] === undefined ? null :
    require('crypto').createHash('sha256').update(process.env[name]).digest('hex')
  console.log(JSON.stringify({
    SODA_TOKEN: hash('SODA_TOKEN'), SIRDATA_TOKEN: hash('SIRDATA_TOKEN'), DQ_TOKEN: hash('DQ_TOKEN'),
    credentials: Object.keys(process.env).filter(name => /^(SODA|SIRDATA)_/.test(name) && !name.endsWith('_TOKEN')).sort(),
    args: process.argv.slice(1)
  }))
  process.exit(Number(process.env.EXIT_WITH ?? 0))
`
interface Report {
  SODA_TOKEN: string | null
  SIRDATA_TOKEN: string | null
  DQ_TOKEN: string | null
  credentials: string[]
  args: string[]
}

describe('token-mint exec', () => {
  const fake = useFakeProvider()
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-exec-'))
  })
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  const sodaEnv = () => ({ SODA_USERNAME: fake().credentials.username, SODA_PASSWORD: fake().credentials.password })
  const soda = () => ['exec', '--provider', 'soda', '--base-url', fake().roots.soda]
  const noLeaks = (run: { stdout: string; stderr: string }) =>
    expect(leakedSecrets(run.stdout + run.stderr, secretsOf(fake()))).toEqual([])

  it('runs the command with the token in SODA_TOKEN, and exits with its exit code', async () => {
    const run = await runCliProcess([...soda(), '--', ...node(REPORT)], { ...sodaEnv(), EXIT_WITH: '7' })

    expect(run.code).toBe(7)
    const report = JSON.parse(run.stdout) as Report
    expect(report.SODA_TOKEN).toBe(sha256(fake().tokens[0] as string))
    expect(run.stderr).toBe('')
    noLeaks(run)
  })

  // The one command here that prints the token, as `sh -c 'echo $SODA_TOKEN'` in a workflow would: on both pipes.
  const ECHO = 'console.log(process.env.SODA_TOKEN); console.error(process.env.SODA_TOKEN)'

  it('masks the token on stderr under GitHub Actions, well before the command can print it', async () => {
    const run = await runCliProcess([...soda(), '--', ...node(ECHO)], { ...sodaEnv(), GITHUB_ACTIONS: 'true' })

    expect(run.code).toBe(0)
    const token = fake().tokens[0] as string
    expect(run.stdout).toBe(`${token}\n`)
    expect(run.stderr).toBe(`\n::add-mask::${token}\n${token}\n`)
    // The runner reads stdout and stderr on two pipes: the token comes on the other one well after its mask.
    const masked = firstSeen(run, 'stderr', `::add-mask::${token}\n`)
    expect(firstSeen(run, 'stdout', token) - masked).toBeGreaterThanOrEqual(500)
  })

  it('prints no mask outside GitHub Actions', async () => {
    const run = await runCliProcess([...soda(), '--', ...node(ECHO)], sodaEnv())

    expect(run.code).toBe(0)
    const token = fake().tokens[0] as string
    expect(run.stdout).toBe(`${token}\n`)
    expect(run.stderr).toBe(`${token}\n`)
  })

  it('keeps from the command the password of every provider, not only the one it mints for, and keeps the rest', async () => {
    const run = await runCliProcess([...soda(), '--', ...node(REPORT)], {
      ...sodaEnv(),
      SIRDATA_LOGIN: 'another-provider-login',
      SIRDATA_PASSWORD: 'another-provider-password'
    })

    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as Report).credentials).toEqual(['SIRDATA_LOGIN', 'SODA_USERNAME'])
  })

  it('names the variable after --env-name, the action’s name otherwise', async () => {
    const named = await runCliProcess([...soda(), '--env-name', 'DQ_TOKEN', '--', ...node(REPORT)], sodaEnv())
    const sirdata = await runCliProcess(
      ['exec', '--provider', 'sirdata', '--base-url', fake().roots.sirdata, '--', ...node(REPORT)],
      {
        SIRDATA_LOGIN: fake().credentials.username,
        SIRDATA_PASSWORD: fake().credentials.password,
        SIRDATA_PARTNER_ID: fake().credentials.partnerId
      }
    )

    expect(JSON.parse(named.stdout)).toMatchObject({ DQ_TOKEN: sha256(fake().tokens[0] as string), SODA_TOKEN: null })
    expect(JSON.parse(sirdata.stdout)).toMatchObject({ SIRDATA_TOKEN: sha256(fake().tokens[1] as string) })
    expect((JSON.parse(sirdata.stdout) as Report).credentials).toEqual(['SIRDATA_LOGIN', 'SIRDATA_PARTNER_ID'])
    noLeaks(named)
    noLeaks(sirdata)
  })

  it('passes the arguments as typed, with no shell to expand them, flags after -- included', async () => {
    const args = ['$SODA_TOKEN', '*', 'two words', '--provider', '--', "it's"]

    const run = await runCliProcess([...soda(), '--', ...node(REPORT, ...args)], sodaEnv())

    expect((JSON.parse(run.stdout) as Report).args).toEqual(args)
  })

  it('runs the command as the PowerShell launcher passes it: flagged, and without the -- PowerShell drops', async () => {
    const args = ['x&calc', '--', '$env:HEAD_REF']

    const run = await runCliProcess(['--from-powershell', ...soda(), ...node(REPORT, ...args)], sodaEnv())

    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ SODA_TOKEN: sha256(fake().tokens[0] as string), args })
    noLeaks(run)
  })

  it('prints the token’s facts on stderr with --verbose, never the token', async () => {
    const run = await runCliProcess([...soda(), '--verbose', '--', ...node('')], sodaEnv())

    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/\nMinted a Soda Cloud token: region eu, .*lifetime 30 min\.\n$/)
    noLeaks(run)
  })

  const posix = process.platform === 'win32' ? it.skip : it

  // The CLI, not the command, gets the signal (as from `kill`, a CI runner cancelling a job, or a closed terminal):
  // it must reach the command, which then decides how to end, and the CLI must report the command's exit code.
  posix.each(['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'] as const)('passes %s on to the command', async signal => {
    const [ready, got] = [join(dir, 'ready'), join(dir, 'got')]
    const script = `
      const fs = require('fs')
      const [ready, got] = process.argv.slice(1)
      process.on('${signal}', () => { fs.writeFileSync(got, 'got ${signal}'); process.exit(42) })
      fs.writeFileSync(ready, '')
      setTimeout(() => process.exit(99), 8000)
    `
    const cli = spawn(process.execPath, [CLI_BUNDLE, ...soda(), '--', ...node(script, ready, got)], {
      env: { PATH: process.env.PATH ?? '', ...sodaEnv() },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    cli.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<[number | null, string | null]>(resolve =>
      cli.on('close', (code, killedBy) => resolve([code, killedBy]))
    )
    await until(() => existsSync(ready))

    cli.kill(signal)

    expect(await exited).toEqual([42, null])
    expect(readFileSync(got, 'utf8')).toBe(`got ${signal}`)
    expect(leakedSecrets(output, secretsOf(fake()))).toEqual([])
  })

  posix('exits 128 + N when signal N ends the command, as a shell does', async () => {
    const run = await runCliProcess([...soda(), '--', ...node("process.kill(process.pid, 'SIGKILL')")], sodaEnv())

    expect(run.code).toBe(128 + 9)
  })

  it.each<[string, Record<string, string>, string[], number, RegExp]>([
    ['the provider refuses the credentials', { SODA_PASSWORD: 'wrong-password' }, [], 1, /^error: Soda Cloud refused/],
    ['a flag is invalid', {}, ['--timeout', '30s'], 2, /^error: --timeout must be a number of seconds/],
    ['a credential is missing', { SODA_PASSWORD: '' }, [], 2, /^error: SODA_PASSWORD is required for soda/]
  ])('does not run the command when %s, and exits as the mint does', async (_case, env, flags, code, message) => {
    const marker = join(dir, 'ran')

    const run = await runCliProcess(
      [...soda(), ...flags, '--', ...node("require('fs').writeFileSync(process.argv[1], '')", marker)],
      { ...sodaEnv(), ...env }
    )

    expect(run.code).toBe(code)
    expect(run.stderr).toMatch(message)
    expect(existsSync(marker)).toBe(false)
    expect(leakedSecrets(run.stdout + run.stderr, ['wrong-password', ...secretsOf(fake())])).toEqual([])
  })

  it('exits 127 when the command does not exist, naming the command but not its arguments', async () => {
    const missing = join(dir, 'no-such-command')

    const run = await runCliProcess([...soda(), '--', missing, 'hunter2'], sodaEnv())

    expect(run.code).toBe(127)
    expect(run.stderr).toBe(
      `error: cannot run ${JSON.stringify(missing)}: no such command or file (check PATH, or give its path).\n`
    )
    noLeaks(run)
  })

  it.each<[string, string[], RegExp]>([
    ['nothing after --', ['--'], /^error: exec needs a command after --: see --help\.\n$/],
    ['no --', [], /^error: exec needs a command after --: see --help\.\n$/],
    [
      'a command before --',
      ['hunter2', '--', 'true'],
      /^error: unexpected argument \(not shown, in case it is a secret\); the command goes after --: see --help\.\n$/
    ],
    [
      '--format',
      ['--format', 'json', '--', 'true'],
      /^error: --format does not apply to exec, which hands the token to the command in its environment: see --help\.\n$/
    ]
  ])('is a usage error with %s, before any request', async (_case, args, message) => {
    const run = await runCliProcess([...soda(), ...args], sodaEnv())

    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(fake().requests).toEqual([])
  })
})

/** Resolves once `done()` holds, checking every 20 ms; rejects after 10 s. */
async function until(done: () => boolean): Promise<void> {
  for (const start = Date.now(); !done();) {
    if (Date.now() - start > 10_000) throw new Error('timed out waiting for the command to start')
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}
