import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { CLI_BUNDLE, runCliProcess } from '../__fixtures__/run-action.js'
import { leakedSecrets, secretsOf } from '../__fixtures__/secrets.js'

// `token-mint exec --keep-fresh`, the CLI bundle run as a process against a fake provider whose tokens live a few
// seconds, and its stand-in API, which accepts a token only while it lives. The command is a node script that
// reads the token file in a loop and calls the API with the header file, for longer than a token lives.

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

// Reads <NAME>_FILE and <NAME>_HEADER_FILE in a loop for `ms`, calling the API with the header line; prints each new
// token it reads (or its hash) as `read <token>`, then a summary line of JSON.
const READER = `
  const fs = require('fs'), http = require('http'), path = require('path'), crypto = require('crypto')
  const [url, ms, print] = process.argv.slice(2)
  const name = process.env.TOKEN_NAME
  const file = process.env[name + '_FILE'], headerFile = process.env[name + '_HEADER_FILE']
  const show = token => print === 'token' ? token : crypto.createHash('sha256').update(token).digest('hex')
  const mode = at => fs.statSync(at).mode & 0o777
  const modes = { dir: mode(path.dirname(file)), file: mode(file), header: mode(headerFile) }
  const call = line => new Promise(resolve => {
    const at = line.indexOf(': ')
    http.get(url, { headers: { [line.slice(0, at)]: line.slice(at + 2) } }, res => {
      res.resume()
      resolve(res.statusCode)
    }).on('error', () => resolve(0))
  })
  const seen = []
  let bad = 0, accepted = 0, rejected = 0
  const end = Date.now() + Number(ms)
  ;(async () => {
    while (Date.now() < end) {
      let text = '', header = ''
      try {
        text = fs.readFileSync(file, 'utf8')
        header = fs.readFileSync(headerFile, 'utf8')
      } catch {}
      if (!/^[\\x21-\\x7e]{8,}\\n$/.test(text) || !/^[A-Za-z_]+: [\\x21-\\x7e]{8,}\\n$/.test(header)) bad++
      const token = text.trim()
      if (token && !seen.includes(token)) {
        seen.push(token)
        console.log('read ' + show(token))
      }
      if (header && (await call(header.trimEnd())) === 200) accepted++
      else rejected++
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    const password = process.env.SODA_PASSWORD ?? process.env.SIRDATA_PASSWORD ?? null
    console.log(JSON.stringify({ first: show(process.env[name]), seen: seen.map(show), bad, accepted, rejected,
      dir: path.dirname(file), modes, password }))
    process.exit(rejected + bad > 0 ? 1 : 0)
  })()
`
interface ReaderSummary {
  first: string
  seen: string[]
  bad: number
  accepted: number
  rejected: number
  dir: string
  modes: { dir: number; file: number; header: number }
  password: string | null
}

/** One chunk a process wrote, with when the test received it. */
interface Chunk {
  readonly stream: 'stdout' | 'stderr'
  readonly text: string
  readonly at: number
}

interface Started {
  readonly chunks: Chunk[]
  readonly exited: Promise<{ code: number | null; stdout: string; stderr: string }>
  kill(signal: NodeJS.Signals): void
}

/** Starts the CLI bundle as a shell would, with only `env` (and PATH), recording its output as it arrives. */
function startCli(args: string[], env: Record<string, string>): Started {
  const cli = spawn(process.execPath, [CLI_BUNDLE, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const chunks: Chunk[] = []
  for (const stream of ['stdout', 'stderr'] as const) {
    cli[stream].on('data', (chunk: Buffer) => chunks.push({ stream, text: chunk.toString(), at: Date.now() }))
  }
  const text = (stream: Chunk['stream']) =>
    chunks
      .filter(chunk => chunk.stream === stream)
      .map(chunk => chunk.text)
      .join('')
  return {
    chunks,
    exited: new Promise(resolve =>
      cli.on('close', code => resolve({ code, stdout: text('stdout'), stderr: text('stderr') }))
    ),
    kill: signal => void cli.kill(signal)
  }
}

/** When each line was received on `stream`: the first chunk that completes it. */
function lineTimes(chunks: readonly Chunk[], stream: Chunk['stream']): { line: string; at: number }[] {
  const lines: { line: string; at: number }[] = []
  let pending = ''
  for (const chunk of chunks.filter(c => c.stream === stream)) {
    pending += chunk.text
    const parts = pending.split('\n')
    pending = parts.pop() ?? ''
    for (const line of parts) lines.push({ line, at: chunk.at })
  }
  return lines
}

const summaryOf = (stdout: string) => JSON.parse(stdout.trimEnd().split('\n').pop() ?? '') as ReaderSummary

/** Resolves once `done()` holds, checking every 20 ms; rejects after 15 s. */
async function until(done: () => boolean): Promise<void> {
  for (const start = Date.now(); !done();) {
    if (Date.now() - start > 15_000) throw new Error('timed out waiting')
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

const LIFETIME_SECONDS = 3

describe('token-mint exec --keep-fresh', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-keep-fresh-'))
  })
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  describe(`with tokens that live ${LIFETIME_SECONDS} s`, () => {
    const fake = useFakeProvider({ tokenLifetimeSeconds: LIFETIME_SECONDS })
    const providers = {
      soda: {
        args: () => ['--provider', 'soda', '--base-url', fake().roots.soda],
        env: () => ({ SODA_USERNAME: fake().credentials.username, SODA_PASSWORD: fake().credentials.password }),
        api: () => `${fake().origin}/v1/check`,
        name: 'SODA_TOKEN'
      },
      sirdata: {
        args: () => ['--provider', 'sirdata', '--base-url', fake().roots.sirdata],
        env: () => ({
          SIRDATA_LOGIN: fake().credentials.username,
          SIRDATA_PASSWORD: fake().credentials.password,
          SIRDATA_PARTNER_ID: fake().credentials.partnerId
        }),
        api: () => `${fake().origin}/api/v1/check`,
        name: 'SIRDATA_TOKEN'
      }
    }
    const reader = (provider: keyof typeof providers, ms: number, print: 'token' | 'hash') => {
      writeFileSync(join(dir, 'reader.cjs'), READER)
      return [process.execPath, join(dir, 'reader.cjs'), providers[provider].api(), String(ms), print]
    }

    it.each(['soda', 'sirdata'] as const)(
      'keeps a %s command that outlives several tokens supplied, every token masked on stderr before it is read',
      async provider => {
        const { args, env, name } = providers[provider]
        const temp = mkdtempSync(join(dir, 'runner-temp-'))
        const cli = startCli(
          ['exec', '--keep-fresh', ...args(), '--min-validity', '1', '--', ...reader(provider, 7000, 'token')],
          { ...env(), TOKEN_NAME: name, GITHUB_ACTIONS: 'true', RUNNER_TEMP: temp }
        )

        const { code, stdout, stderr } = await cli.exited

        const summary = summaryOf(stdout)
        expect(summary).toMatchObject({ bad: 0, rejected: 0, password: null, first: fake().tokens[0] })
        expect(code).toBe(0)
        // Several lifetimes: the command read at least three tokens, each one the provider issued.
        expect(summary.seen.length).toBeGreaterThanOrEqual(3)
        expect(fake().tokens).toEqual(expect.arrayContaining(summary.seen))
        expect(fake().apiCalls.length).toBe(summary.accepted)
        expect(fake().apiCalls.every(call => call.accepted)).toBe(true)
        // Each token the command read and printed came well after its mask, which the runner has seen by then.
        const masks = lineTimes(cli.chunks, 'stderr')
        for (const { line, at } of lineTimes(cli.chunks, 'stdout').filter(({ line }) => line.startsWith('read '))) {
          const mask = masks.find(({ line: maskLine }) => maskLine === `::add-mask::${line.slice(5)}`)
          expect(mask).toBeDefined()
          expect(at - (mask as { at: number }).at).toBeGreaterThanOrEqual(500)
        }
        // The masks went to stderr only, and stderr holds nothing else but, on a machine loaded enough for a refresh
        // to time out (seen twice with three mutation runs on 2 cores), the retry's warning, which names no token.
        expect(stdout).not.toContain('::add-mask::')
        const retried = /^warning: Attempt \d of \d failed: [^:]*(: [^:]*)?; retrying in [\d.]+ s\.$/
        expect(
          stderr.split('\n').filter(line => line !== '' && !line.startsWith('::add-mask::') && !retried.test(line))
        ).toEqual([])
        for (const token of fake().tokens)
          expect(
            stderr
              .split('\n')
              .filter(line => !line.startsWith('::add-mask::'))
              .join('\n')
          ).not.toContain(token)
        // The files: 0600 in a 0700 directory of their own under RUNNER_TEMP, gone once the command has ended.
        expect(summary.modes).toEqual({ dir: 0o700, file: 0o600, header: 0o600 })
        expect(summary.dir.startsWith(temp)).toBe(true)
        expect(existsSync(summary.dir)).toBe(false)
        expect(readdirSync(temp)).toEqual([])
      },
      20_000
    )

    it('starts every mask on a line of its own while the command leaves a progress line unfinished on stderr', async () => {
      const { args, env } = providers.soda
      const stop = join(dir, 'stop')
      // A progress bar: redrawn with \r every 100 ms, never ending its line, until the test says stop.
      const progress = `
        const fs = require('fs')
        let percent = 0
        process.stderr.write('scan 0%')
        const timer = setInterval(() => {
          if (!fs.existsSync(process.argv[1])) return void process.stderr.write('\\rscan ' + ++percent + '%')
          clearInterval(timer)
          process.stderr.write('\\n')
        }, 100)
      `
      const cli = startCli(
        ['exec', '--keep-fresh', ...args(), '--min-validity', '1', '--', process.execPath, '-e', progress, stop],
        { ...env(), GITHUB_ACTIONS: 'true' }
      )
      // Two refreshes masked while the line was unfinished; a token is minted a second after the one before, so
      // the command ends between two mints, and every token minted was received.
      const masked = () =>
        cli.chunks
          .map(chunk => chunk.text)
          .join('')
          .split('::add-mask::').length - 1
      await until(() => masked() >= 3)
      writeFileSync(stop, '')

      const { code, stdout, stderr } = await cli.exited

      expect(code).toBe(0)
      expect(stdout).toBe('')
      // The runner reads a line as ending at \r or \n, and a command only at a line's start.
      const lines = stderr.split(/[\r\n]/)
      const masks = lines.filter(line => line.includes('::add-mask::'))
      expect(masks.filter(line => !line.startsWith('::add-mask::'))).toEqual([])
      expect(fake().tokens.length).toBeGreaterThanOrEqual(3)
      expect(masks).toEqual(fake().tokens.map(token => `::add-mask::${token}`))
      expect(lines.filter(line => line !== '' && !masks.includes(line) && !/^scan \d+%$/.test(line))).toEqual([])
    })

    it('prints nothing outside GitHub Actions, and keeps its files in the system’s temporary directory', async () => {
      const { args, env, name } = providers.soda
      const temp = mkdtempSync(join(dir, 'tmp-'))

      const run = await runCliProcess(
        ['exec', '--keep-fresh', ...args(), '--min-validity', '1', '--', ...reader('soda', 2500, 'hash')],
        { ...env(), TOKEN_NAME: name, TMPDIR: temp, TMP: temp, TEMP: temp }
      )

      const summary = summaryOf(run.stdout)
      expect(run.code).toBe(0)
      expect(run.stderr).toBe('')
      expect(summary.first).toBe(sha256(fake().tokens[0] as string))
      expect(summary.seen.length).toBeGreaterThanOrEqual(2)
      expect(summary.dir.startsWith(temp)).toBe(true)
      expect(readdirSync(temp)).toEqual([])
      expect(leakedSecrets(run.stdout + run.stderr, secretsOf(fake()))).toEqual([])
    })

    it('retries a refresh that meets a 503 in time, silently, the API never seeing an expired token', async () => {
      const { args, env, name } = providers.soda
      const cli = startCli(
        ['exec', '--keep-fresh', ...args(), '--min-validity', '2', '--', ...reader('soda', 5000, 'hash')],
        { ...env(), TOKEN_NAME: name }
      )
      await until(() => fake().requests.length === 1)
      fake().script({ status: 503 })

      const { code, stdout, stderr } = await cli.exited

      expect(summaryOf(stdout)).toMatchObject({ bad: 0, rejected: 0 })
      expect(code).toBe(0)
      expect(fake().requests.length).toBeGreaterThanOrEqual(3)
      // The file never went: nothing to say, and no line per attempt.
      expect(stderr).toBe('')
      expect(leakedSecrets(stdout + stderr, secretsOf(fake()))).toEqual([])
    })

    it('reports a refused refresh once, mints no more, and removes the file when the token expires', async () => {
      const { args, env } = providers.soda
      // Notes every 50 ms whether the file is there, for longer than the first token lives.
      const watcher = `
        const file = process.env.SODA_TOKEN_FILE, fs = require('fs'), seen = []
        const timer = setInterval(() => seen.push(fs.existsSync(file)), 50)
        setTimeout(() => { clearInterval(timer); console.log(JSON.stringify(seen)) }, 4500)
      `
      const cli = startCli(
        ['exec', '--keep-fresh', ...args(), '--min-validity', '1', '--', process.execPath, '-e', watcher],
        env()
      )
      await until(() => fake().requests.length === 1)
      fake().script({ status: 401 })

      const { code, stdout, stderr } = await cli.exited

      expect(code).toBe(0)
      const seen = JSON.parse(stdout) as boolean[]
      // There, then gone for good: removed at the first token's expiry, with no token after it.
      expect(seen[0]).toBe(true)
      expect(seen.at(-1)).toBe(false)
      expect(seen.slice(seen.indexOf(false))).not.toContain(true)
      expect(fake().requests.length).toBe(2)
      expect(stderr).toMatch(
        /^error: Soda Cloud refused the token request: HTTP 401 Unauthorized\. Check username .* The token is not refreshed again: SODA_TOKEN_FILE is removed when the current token expires, at \d{4}-.*Z\.\n$/
      )
    })

    it('ends at once when the command ends during a refresh that hangs, leaving nothing behind', async () => {
      const { args, env } = providers.soda
      const cli = startCli(
        [
          'exec',
          '--keep-fresh',
          ...args(),
          '--min-validity',
          '1',
          '--timeout',
          '60',
          '--',
          process.execPath,
          '-e',
          'console.log(process.env.SODA_TOKEN_FILE); setTimeout(() => process.exit(5), 2600)'
        ],
        { ...env(), TMPDIR: dir }
      )
      await until(() => fake().requests.length === 1)
      fake().script({ fault: 'hang' })
      await until(() => fake().requests.length === 2)
      const refreshing = Date.now()

      const { code, stdout } = await cli.exited

      expect(code).toBe(5)
      expect(Date.now() - refreshing).toBeLessThan(10_000)
      expect(existsSync(stdout.trim())).toBe(false)
    })

    const posix = process.platform === 'win32' ? it.skip : it

    posix.each(['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'] as const)(
      'passes %s on to the command, then stops refreshing and removes the directory',
      async signal => {
        const { args, env } = providers.soda
        const ready = join(dir, 'ready')
        const script = `
          const fs = require('fs')
          process.on('${signal}', () => process.exit(42))
          fs.writeFileSync(process.argv[1], process.env.SODA_TOKEN_FILE)
          setTimeout(() => process.exit(99), 8000)
        `
        const cli = startCli(
          ['exec', '--keep-fresh', ...args(), '--min-validity', '1', '--', process.execPath, '-e', script, ready],
          env()
        )
        await until(() => existsSync(ready) && readFileSync(ready, 'utf8') !== '')
        const file = readFileSync(ready, 'utf8')
        expect(existsSync(file)).toBe(true)

        cli.kill(signal)

        const { code, stdout, stderr } = await cli.exited
        expect(code).toBe(42)
        expect(existsSync(join(file, '..'))).toBe(false)
        expect(fake().requests.length).toBe(1)
        expect(leakedSecrets(stdout + stderr, secretsOf(fake()))).toEqual([])
      }
    )
    posix('refuses a temporary directory others can write into without the sticky bit, and runs nothing', async () => {
      const { args, env } = providers.soda
      const shared = mkdtempSync(join(dir, 'shared-'))
      chmodSync(shared, 0o777)
      const marker = join(dir, 'ran')
      const run = (where: Record<string, string>) =>
        runCliProcess(
          [
            ...['exec', '--keep-fresh', ...args(), '--min-validity', '1', '--'],
            ...[process.execPath, '-e', "require('fs').writeFileSync(process.argv[1], '')", marker]
          ],
          { ...env(), ...where }
        )

      const runnerTemp = await run({ RUNNER_TEMP: shared })
      const tmp = await run({ TMPDIR: shared })

      expect([runnerTemp.code, tmp.code]).toEqual([1, 1])
      expect(runnerTemp.stderr).toBe(
        'error: --keep-fresh will not keep a token in RUNNER_TEMP: other users can write into it and it has no ' +
          'sticky bit, so one of them could swap the token directory for their own. Remove their write access ' +
          '(chmod go-w) or set the sticky bit (chmod +t), or point RUNNER_TEMP elsewhere.\n'
      )
      expect(tmp.stderr).toMatch(
        /^error: --keep-fresh will not keep a token in the temporary directory \(TMPDIR\): [^\n]*TMPDIR elsewhere\.\n$/
      )
      expect(existsSync(marker)).toBe(false)
      expect(readdirSync(shared)).toEqual([])
      expect(leakedSecrets(runnerTemp.stdout + runnerTemp.stderr + tmp.stderr, secretsOf(fake()))).toEqual([])
    })

    // Another user (uid nobody) renames the token directory aside and plants its own, with a token and a header file
    // carrying an injected header, once the parent has become writable by others (a parent that changed after the
    // check, or a directory above it that others can write into).
    const ATTACK = `
      const fs = require('fs'), dir = process.argv[1]
      fs.renameSync(dir, dir + '-aside')
      fs.mkdirSync(dir, { mode: 0o755 })
      fs.writeFileSync(dir + '/token', 'planted-token\\n')
      fs.writeFileSync(dir + '/header', 'Authorization: planted-token\\nX-Injected: yes\\n')
    `

    posix(
      'notices another user swapping the token directory, writes nothing into theirs and leaves it alone',
      async () => {
        const { args, env } = providers.soda
        chmodSync(dir, 0o711)
        const temp = mkdtempSync(join(dir, 'runner-temp-'))
        chmodSync(temp, 0o755)
        const ready = join(dir, 'ready')
        const command = `require('fs').writeFileSync(process.argv[1], process.env.SODA_TOKEN_FILE); setTimeout(() => {}, 5000)`
        const cli = startCli(
          ['exec', '--keep-fresh', ...args(), '--min-validity', '1', '--', process.execPath, '-e', command, ready],
          { ...env(), RUNNER_TEMP: temp }
        )
        await until(() => existsSync(ready) && readFileSync(ready, 'utf8') !== '')
        const tokenDir = dirname(readFileSync(ready, 'utf8'))
        chmodSync(temp, 0o777)

        const attack = spawnSync(
          'setpriv',
          ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', ATTACK, tokenDir],
          { encoding: 'utf8' }
        )

        expect(attack.stderr).toBe('')
        expect(attack.status).toBe(0)
        const { code, stdout, stderr } = await cli.exited
        // The command succeeded, but the step fails: someone interfered with its token.
        expect(code).toBe(1)
        expect(stdout).toBe('')
        expect(stderr).toMatch(
          /^error: the token directory is no longer the one token-mint made: someone moved or replaced it \(can other users write into RUNNER_TEMP or a directory above it\?\)\. The token is not refreshed again, whatever is in its place is left alone, and the last token lives in the moved directory until \d{4}-[^\n]*Z\.\n$/
        )
        // Theirs is untouched: neither written to by a refresh nor removed at the end.
        expect(readdirSync(tokenDir).sort()).toEqual(['header', 'token'])
        expect(readFileSync(join(tokenDir, 'token'), 'utf8')).toBe('planted-token\n')
        expect(fake().requests.length).toBe(2)
        expect(leakedSecrets(stdout + stderr, secretsOf(fake()))).toEqual([])
      }
    )
  })

  describe('with Sirdata tokens that come without an expiry', () => {
    const fake = useFakeProvider({ sirdataExpiration: null })
    const sirdata = () => ['exec', '--keep-fresh', '--provider', 'sirdata', '--base-url', fake().roots.sirdata]
    const env = () => ({
      SIRDATA_LOGIN: fake().credentials.username,
      SIRDATA_PASSWORD: fake().credentials.password,
      SIRDATA_PARTNER_ID: fake().credentials.partnerId
    })

    it('refuses a token without an expiry unless --refresh-every says how often to mint, and then mints that often', async () => {
      const marker = join(dir, 'ran')
      const refused = await runCliProcess(
        [...sirdata(), '--', process.execPath, '-e', "require('fs').writeFileSync(process.argv[1], '')", marker],
        env()
      )
      const every = await runCliProcess(
        [...sirdata(), '--refresh-every', '1', '--', process.execPath, '-e', 'setTimeout(() => {}, 2600)'],
        env()
      )

      expect(refused.code).toBe(2)
      expect(refused.stderr).toContain(
        'error: Sirdata did not say when the token expires, so --keep-fresh cannot tell when to mint the next one: add --refresh-every SECONDS (how often to mint a new token).\n'
      )
      expect(existsSync(marker)).toBe(false)
      expect(every.code).toBe(0)
      // The first token, then one a second while the command ran.
      expect(fake().requests.length).toBeGreaterThanOrEqual(1 + 3)
      expect(leakedSecrets(refused.stderr + every.stderr, secretsOf(fake()))).toEqual([])
    })
  })

  it('is bad usage without exec, naming the flag', async () => {
    const run = await runCliProcess(['--keep-fresh', '--provider', 'soda'])

    expect(run.code).toBe(2)
    expect(run.stderr).toBe('error: --keep-fresh needs exec, as the first argument: see --help.\n')
  })
})
