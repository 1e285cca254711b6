import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { SODA_ORGANIZATION } from '../__fixtures__/fake-provider.js'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { listeningPorts, listeningPortsOf, socketInodes } from '../__fixtures__/listening.js'
import { fakeInputs } from '../__fixtures__/mint.js'
import { BUNDLE, runAction, runCliProcess } from '../__fixtures__/run-action.js'
import { maskLine, readAsRunner, runnerLines } from '../__fixtures__/runner-commands.js'

// Issue 22's masking findings, through the bundles started as the runner or a shell starts them.

const linux = process.platform === 'linux'

/** A token of `length` printable characters, with `%25` in it: what the runner would unescape. */
function longToken(length: number): string {
  const chars = 'AbCdEfGh0123456789-_.~'
  return `pct%25${Array.from({ length: length - 6 }, (_, i) => chars[i % chars.length]).join('')}`
}

describe('a SIGUSR1 sent to token-mint', () => {
  const fake = useFakeProvider()

  // The command signals its parent, then lists what that parent (token-mint) listens on, from /proc.
  const SIGNAL_PARENT = [
    'kill -USR1 "$PPID"',
    'sleep 1',
    'echo "--- fd"; ls -l /proc/$PPID/fd',
    'echo "--- tcp"; cat /proc/$PPID/net/tcp /proc/$PPID/net/tcp6'
  ].join('\n')

  it('from a command run by token-mint exec opens no inspector', async () => {
    if (!linux) return
    const { username, password } = fake().credentials

    const run = await runCliProcess(
      ['exec', '--provider', 'soda', '--base-url', fake().roots.soda, '--password-stdin', '--'].concat([
        'sh',
        '-c',
        SIGNAL_PARENT
      ]),
      { SODA_USERNAME: username },
      `${password}\n`
    )

    expect(run.code).toBe(0)
    const [fds = '', tcp = ''] = run.stdout.split('--- fd')[1]?.split('--- tcp') ?? []
    expect(socketInodes(fds).size).toBeGreaterThan(0)
    expect(listeningPorts(tcp, socketInodes(fds))).toEqual([])
    expect(run.stderr).not.toMatch(/Debugger listening/)
  })

  it('while the action waits for the provider opens no inspector', async () => {
    if (!linux) return
    fake().script({ fault: 'hang' })
    const dir = mkdtempSync(join(tmpdir(), 'sigusr1-action-'))
    const inputs = fakeInputs(fake(), 'soda', { timeout: '3', retries: '0' })
    const files = Object.fromEntries(
      ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY'].map(name => [name, join(dir, name)])
    )
    for (const file of Object.values(files)) writeFileSync(file, '')
    const env = Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
    )
    const action = spawn(process.execPath, [BUNDLE], {
      env: { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true', ...files, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    action.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    action.stdout.resume()
    const exited = new Promise(resolve => action.on('close', resolve))
    try {
      while (fake().requests.length === 0) await sleep(20)

      action.kill('SIGUSR1')
      await sleep(1000)
      const ports = listeningPortsOf(action.pid as number)

      expect(ports).toEqual([])
      await exited
      expect(stderr).not.toMatch(/Debugger listening/)
    } finally {
      action.kill()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the masks the command line writes, as the runner reads them', () => {
  const fake = useFakeProvider()
  const sodaEnv = () => ({
    SODA_USERNAME: fake().credentials.username,
    SODA_PASSWORD: fake().credentials.password,
    GITHUB_ACTIONS: 'true'
  })

  it.each([
    ['a token holding %25', 'token%25with%250Apercent'],
    ['a 6,000-character token holding %25', longToken(6000)]
  ])('hide %s wherever it shows, with no mask line longer than one pipe write', async (_, token) => {
    fake().script({ status: 200, body: { token, expires_in: 1800, organization_id: SODA_ORGANIZATION } })

    const run = await runCliProcess(
      ['exec', '--provider', 'soda', '--base-url', fake().roots.soda, '--', 'sh', '-c', 'echo "got $SODA_TOKEN" >&2'],
      sodaEnv()
    )

    expect(run.code).toBe(0)
    const view = readAsRunner(runnerLines(run.stderr))
    expect(view.masks.join('')).toBe(token)
    expect(view.printed.filter(line => line !== '')).toEqual(['got ***'])
    for (const line of run.stderr.split('\n').filter(line => line.includes('::add-mask::'))) {
      expect(Buffer.byteLength(`\n${line}\n`)).toBeLessThanOrEqual(512)
    }
  })

  it('hide a token holding %25 that --format env prints on stdout', async () => {
    const token = 'token%25with%2525percent'
    fake().script({ status: 200, body: { token, expires_in: 1800, organization_id: SODA_ORGANIZATION } })

    const run = await runCliProcess(
      ['--provider', 'soda', '--base-url', fake().roots.soda, '--format', 'env'],
      sodaEnv()
    )

    const { masks } = readAsRunner(runnerLines(run.stderr))
    expect(maskLine(run.stdout, masks)).toBe("export SODA_TOKEN='***'\n")
  })
})

describe('the masks the action writes, as the runner reads them', () => {
  const fake = useFakeProvider()

  it('hide a token holding %25 and a 6,000-character one (written through @actions/core)', async () => {
    for (const token of ['token%25with%250Apercent', longToken(6000)]) {
      fake().script({ status: 200, body: { token, expires_in: 1800, organization_id: SODA_ORGANIZATION } })

      const run = await runAction(fakeInputs(fake(), 'soda'))

      expect(run.code).toBe(0)
      expect(readAsRunner(runnerLines(run.stdout)).masks).toContain(token)
      expect(run.outputs['token']).toBe(token)
    }
  })
})

describe('outputs that a later echo could turn into a command', () => {
  const fake = useFakeProvider()

  it.each([['  ::warning::INJ'], ['\u00a0::warning::INJ'], ['\u3000::error::INJ'], ['\u2003::notice::INJ']])(
    'never carry a user %j from the provider, in the action or the CLI',
    async user => {
      const body = { token: 'soda-token-0123456789', expires_in: 1800, organization_id: SODA_ORGANIZATION, user }
      fake().script({ status: 200, body }, { status: 200, body })

      const action = await runAction(fakeInputs(fake(), 'soda'))
      const cli = await runCliProcess(['--provider', 'soda', '--base-url', fake().roots.soda, '--format', 'json'], {
        SODA_USERNAME: fake().credentials.username,
        SODA_PASSWORD: fake().credentials.password
      })

      const command = /^\p{White_Space}*::/u
      const values = [
        ...Object.values(action.outputs),
        ...Object.values(action.env),
        ...Object.values(JSON.parse(cli.stdout || '{}') as Record<string, string>)
      ]
      expect(values.filter(value => command.test(value))).toEqual([])
      expect(runnerLines(action.stdout).filter(line => command.test(line) && !/^::[a-z-]+::/.test(line))).toEqual([])
    }
  )
})

/** The lines of both pipes in the order they were received whole: the order in which a runner could read them. */
function receivedLines(run: { chunks: readonly { stream: 'stdout' | 'stderr'; text: string }[] }): string[] {
  const pending = { stdout: '', stderr: '' }
  const lines: string[] = []
  for (const { stream, text } of run.chunks) {
    const parts = (pending[stream] + text).split(/\r\n|\r|\n/)
    pending[stream] = parts.pop() as string
    lines.push(...parts)
  }
  return lines.concat([pending.stdout, pending.stderr].filter(rest => rest !== ''))
}

describe('exec --keep-fresh while the command has stopped workflow commands', () => {
  // Tokens that live 6 s: the first refresh comes about 3 s in.
  const fake = useFakeProvider({ tokenLifetimeSeconds: 6 })
  const keepFresh = (script: string, env: Record<string, string> = {}) =>
    runCliProcess(
      [
        'exec',
        '--provider',
        'soda',
        '--base-url',
        fake().roots.soda,
        '--keep-fresh',
        '--min-validity',
        '1',
        '--',
        'sh',
        '-c',
        script
      ],
      {
        SODA_USERNAME: fake().credentials.username,
        SODA_PASSWORD: fake().credentials.password,
        GITHUB_ACTIONS: 'true',
        ...env
      }
    )

  it.each([
    ['on stderr, where the masks go', '>&2'],
    ['on stdout, the other pipe', '']
  ])(
    'still masks each refreshed token, and leaves them stopped, when they were stopped %s',
    async (_, to) => {
      const script = [
        `echo "::stop-commands::untrusted-1234" ${to}`,
        `echo "::warning::from untrusted output" ${to}`,
        'sleep 5',
        `echo "::untrusted-1234::" ${to}`,
        `echo "now: $(cat "$SODA_TOKEN_FILE")" ${to}`
      ].join('\n')

      const run = await keepFresh(script)

      expect(run.code).toBe(0)
      expect(fake().tokens.length).toBeGreaterThanOrEqual(2)
      const view = readAsRunner(receivedLines(run))
      for (const token of fake().tokens) expect(view.printed.filter(line => line.includes(token))).toEqual([])
      // The first token, and at least one refreshed (a mint under way when the command ends is never used).
      expect(
        fake()
          .tokens.slice(0, 2)
          .every(token => view.masks.includes(token))
      ).toBe(true)
      // The command's own stop held: its warning was printed as text, its resume ended it.
      expect(view.printed).toContain('::warning::from untrusted output')
      expect(view.printed).toContain('now: ***')
      expect(view.stoppedBy).toBeUndefined()
    },
    30000
  )

  it('refuses a refreshed token it cannot mask, when commands were stopped by a token no command can resume', async () => {
    const run = await keepFresh(
      'echo "::stop-commands::with space" >&2; sleep 5; echo "now: $(cat "$SODA_TOKEN_FILE")"'
    )

    const view = readAsRunner(receivedLines(run))
    expect(run.stderr).toContain('stopped workflow commands (::stop-commands::) with a token that cannot be resumed')
    for (const token of fake().tokens) expect(view.printed.join('\n')).not.toContain(token)
  }, 30000)

  it('passes the command’s output on as it comes, byte for byte, with its exit code', async () => {
    const script = 'printf "first\\n"; sleep 1; printf "\\000\\377\\376 no line end" >&2; printf "second"; exit 7'

    const started = Date.now()
    const run = await keepFresh(script)

    expect(run.code).toBe(7)
    expect(run.stdout).toBe('first\nsecond')
    expect(run.stderr.endsWith('\u0000\ufffd\ufffd no line end')).toBe(true)
    const first = run.chunks.find(chunk => chunk.text.includes('first'))?.at ?? Infinity
    const second = run.chunks.find(chunk => chunk.text.includes('second'))?.at ?? 0
    expect(second - first).toBeGreaterThanOrEqual(800)
    expect(Date.now() - started).toBeLessThan(8000)
  }, 30000)
})
