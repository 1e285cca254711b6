import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { CLI_BUNDLE } from '../__fixtures__/run-action.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'

// `token-mint exec --keep-fresh` through a provider outage longer than a token lives (issue 23): the CLI bundle as
// a process, against the fake provider on loopback, down for a few seconds by its clock while tokens live 3 s. The
// command watches its token file; the test compares what it saw with when each token expired at the provider.
// Timings are loose on purpose (2 busy cores): the assertions are on order and counts, with generous bounds.

const LIFETIME_SECONDS = 3
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

// Prints the path of the token file, then watches it every 50 ms for `ms`: one JSON line per change, with when the
// watcher saw it and the hash of the token (null while the file is absent).
const WATCHER = `
  const fs = require('fs'), crypto = require('crypto')
  const file = process.env.SODA_TOKEN_FILE
  console.log(JSON.stringify({ file }))
  let last
  const end = Date.now() + Number(process.argv[1])
  const timer = setInterval(() => {
    let token = null
    try { token = fs.readFileSync(file, 'utf8').trim() } catch (error) { if (error.code !== 'ENOENT') throw error }
    const hash = token && crypto.createHash('sha256').update(token).digest('hex')
    if (hash !== last) console.log(JSON.stringify({ at: Date.now(), hash }))
    last = hash
    if (Date.now() > end) clearInterval(timer)
  }, 50)
`

interface Seen {
  readonly at: number
  readonly hash: string | null
}

interface Started {
  /** When each stderr line arrived. */
  readonly stderrLines: { line: string; at: number }[]
  readonly exited: Promise<{ code: number | null; stdout: string; stderr: string }>
}

function startCli(args: string[], env: Record<string, string>): Started {
  const cli = spawn(process.execPath, [CLI_BUNDLE, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const stderrLines: { line: string; at: number }[] = []
  let stdout = ''
  let stderr = ''
  let pending = ''
  cli.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  cli.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
    const lines = (pending + chunk.toString()).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) stderrLines.push({ line, at: Date.now() })
  })
  return {
    stderrLines,
    exited: new Promise(resolve => cli.on('close', code => resolve({ code, stdout, stderr })))
  }
}

/** Resolves once `done()` holds, checking every 20 ms; rejects after `ms`. */
async function until(done: () => boolean, ms = 15_000): Promise<void> {
  for (const start = Date.now(); !done();) {
    if (Date.now() - start > ms) throw new Error('timed out waiting')
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

const watched = (stdout: string): Seen[] =>
  stdout
    .trimEnd()
    .split('\n')
    .slice(1)
    .map(line => JSON.parse(line) as Seen)

/** The lines on stderr that are not masks (nor the empty line before each). */
const said = (stderr: string) => stderr.split('\n').filter(line => line !== '' && !line.startsWith('::add-mask::'))

describe(`token-mint exec --keep-fresh through an outage, with tokens that live ${LIFETIME_SECONDS} s`, () => {
  const fake = useFakeProvider({ tokenLifetimeSeconds: LIFETIME_SECONDS })
  const args = () => [
    'exec',
    '--keep-fresh',
    '--provider',
    'soda',
    '--base-url',
    fake().roots.soda,
    '--min-validity',
    '1'
  ]
  const env = () => ({ SODA_USERNAME: fake().credentials.username, SODA_PASSWORD: fake().credentials.password })
  /** The token each hash stands for, among those the fake issued. */
  const tokenOf = (hash: string) => fake().tokens.find(token => sha256(token) === hash) as string
  const watch = (ms: number) => ['--', process.execPath, '-e', WATCHER, String(ms)]

  it('removes the file when the token expires during the outage, says so once, and writes a new token (masked first) soon after the provider is back', async () => {
    const cli = startCli([...args(), ...watch(11_000)], { ...env(), GITHUB_ACTIONS: 'true' })
    await until(() => fake().requests.length === 1)
    const downFrom = Date.now()
    fake().outage(6000, { status: 503 })
    const upAt = downFrom + 6000

    const { code, stdout, stderr } = await cli.exited

    expect(code).toBe(0)
    const seen = watched(stdout)
    const tokens = seen.map(({ hash }) => (hash === null ? null : tokenOf(hash)))
    // The first token, then no file, then a token from after the outage (and maybe its successors).
    expect(tokens[0]).toBe(fake().tokens[0])
    const gone = tokens.indexOf(null)
    expect(gone).toBeGreaterThan(0)
    const back = seen.findIndex(({ hash }, i) => i > gone && hash !== null)
    expect(back).toBeGreaterThan(gone)
    expect(tokens.slice(back).includes(null)).toBe(false)
    // Absent from the first token's expiry until after the provider was back; then found within a third of the
    // lifetime plus the mask's settle time, with slack for a loaded machine.
    expect((seen[back] as Seen).at).toBeGreaterThanOrEqual(upAt)
    expect((seen[back] as Seen).at - upAt).toBeLessThan(1000 + 1000 + 2500)
    // Never an expired token: each one seen before its expiry at the provider (plus the answer's way back).
    for (const [i, { at }] of seen.entries()) {
      const token = tokens[i]
      if (token) expect(at).toBeLessThan((fake().expiryOf(token) as number) + 250)
    }
    // Each token the command saw was masked on stderr before.
    for (const [i, { at }] of seen.entries()) {
      const token = tokens[i]
      const mask = cli.stderrLines.find(({ line }) => line === `::add-mask::${token}`)
      if (token) expect(mask && mask.at <= at).toBe(true)
    }
    // A bounded number of tries while it was down: about one a second (a third of the lifetime), not a loop.
    const tries = fake().requests.filter(({ at }) => at > downFrom && at < upAt).length
    expect(tries).toBeGreaterThanOrEqual(3)
    expect(tries).toBeLessThanOrEqual(14)
    // One line when the file went, one when it was back; nothing per attempt.
    expect(said(stderr)).toEqual([
      expect.stringMatching(
        /^warning: SODA_TOKEN_FILE is removed: its token expired at \S+Z and no new one could be minted \(the last try met: HTTP 503\)\. Refreshing goes on, trying at least once every 1 s; the file comes back with the next token\.$/
      ),
      expect.stringMatching(
        /^notice: SODA_TOKEN_FILE holds a token again, after \d+ failed tries; it was absent for [\d.]+ s\.$/
      )
    ])
    expect(leakedSecrets(stdout + stderr, secretsOf(fake()))).toEqual([])
  }, 30_000)

  it('honours a Retry-After of a minute only up to a third of the token’s lifetime', async () => {
    const cli = startCli([...args(), ...watch(9000)], env())
    await until(() => fake().requests.length === 1)
    const downFrom = Date.now()
    fake().outage(5000, { status: 429, headers: { 'Retry-After': '60' } })
    const upAt = downFrom + 5000

    const { code, stdout, stderr } = await cli.exited

    expect(code).toBe(0)
    const seen = watched(stdout)
    const fresh = seen.find(({ at, hash }) => at >= upAt && hash !== null && tokenOf(hash) !== fake().tokens[0])
    expect(fresh).toBeDefined()
    expect((fresh as Seen).at - upAt).toBeLessThan(1000 + 2500)
    // Waits of the cap (1 s), not the back-off's 0.5 to 1 s nor the minute asked for.
    const during = fake().requests.filter(({ at }) => at > downFrom && at < upAt + 1000)
    expect(during.length).toBeGreaterThanOrEqual(2)
    expect(during.length).toBeLessThanOrEqual(7)
    for (let i = 1; i < during.length; i++) {
      expect((during[i] as { at: number }).at - (during[i - 1] as { at: number }).at).toBeGreaterThanOrEqual(950)
    }
    expect(said(stderr)).toEqual([
      expect.stringMatching(/^warning: SODA_TOKEN_FILE is removed: .*\(the last try met: HTTP 429\)/),
      expect.stringMatching(/^notice: SODA_TOKEN_FILE holds a token again, /)
    ])
    expect(leakedSecrets(stdout + stderr, secretsOf(fake()))).toEqual([])
  }, 30_000)

  it('stops at once on a refusal after the outage has removed the file, says so once, and the file stays away', async () => {
    const cli = startCli([...args(), ...watch(7000)], env())
    await until(() => fake().requests.length === 1)
    fake().outage(60_000, { fault: 'reset' })
    await until(() => cli.stderrLines.some(({ line }) => line.startsWith('warning: SODA_TOKEN_FILE is removed')))
    fake().script({ status: 401 })
    const asked = fake().requests.length
    await until(() => fake().requests.length === asked + 1, 5000)

    const { code, stdout, stderr } = await cli.exited

    expect(code).toBe(0)
    expect(fake().requests.length).toBe(asked + 1)
    const seen = watched(stdout)
    expect(seen.at(-1)?.hash).toBeNull()
    expect(seen.filter(({ hash }) => hash !== null).length).toBe(1)
    expect(said(stderr)).toEqual([
      expect.stringMatching(/^warning: SODA_TOKEN_FILE is removed: .*\(the last try met: .*\)\. Refreshing goes on/),
      expect.stringMatching(
        /^error: Soda Cloud refused the token request: HTTP 401 Unauthorized\. .* The token is not refreshed again: SODA_TOKEN_FILE stays absent until the command ends\.$/
      )
    ])
    const { file } = JSON.parse(stdout.split('\n')[0] as string) as { file: string }
    expect(existsSync(file)).toBe(false)
    expect(leakedSecrets(stdout + stderr, secretsOf(fake()))).toEqual([])
  }, 30_000)
})
