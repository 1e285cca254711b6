import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  execKeepingFresh,
  maskOnStderr,
  refreshAt,
  TokenKeeper,
  type KeeperOptions,
  type RefreshRule
} from '../src/cli/keep-fresh.js'
import { NetworkError, TokenRequestError, TransientFailureError } from '../src/errors.js'
import { sirdata } from '../src/providers/sirdata.js'
import { soda } from '../src/providers/soda.js'
import type { Provider } from '../src/providers/provider.js'
import type { IssuedToken } from '../src/token.js'

// The keep-fresh core (src/cli/keep-fresh.ts) in-process: when it mints, what it writes and when, what it says when
// a refresh fails, and what it leaves behind. Time is jest's fake clock; the files are real, in a temporary
// directory. cli-keep-fresh.process.test.ts runs the same through the bundle, with real time and a fake provider.

const MINUTE = 60_000
const START = Date.parse('2026-12-02T01:00:00.000Z')

/** A token issued now (on the fake clock) that lives `seconds`, or has no expiry. */
function issued(value: string, seconds?: number, provider = soda): IssuedToken {
  const now = Date.now()
  return {
    token: value,
    expiresAt: seconds === undefined ? undefined : new Date(now + seconds * 1000),
    account: {},
    provider,
    issuedAt: new Date(now),
    origin: 'minted'
  }
}

describe('refreshAt', () => {
  const rule = (extra: Partial<RefreshRule> = {}): RefreshRule => ({ minValiditySeconds: 60, settleMs: 0, ...extra })
  const at = (token: IssuedToken, extra?: Partial<RefreshRule>) => {
    const when = refreshAt(token, rule(extra))
    return when === undefined ? undefined : (when - token.issuedAt.getTime()) / 1000
  }
  const token = (seconds?: number) => ({ ...issued('t', seconds), issuedAt: new Date(START) }) as IssuedToken
  const lives = (seconds: number) =>
    ({ ...token(), expiresAt: new Date(START + seconds * 1000), issuedAt: new Date(START) }) as IssuedToken

  it('mints again once a third of the lifetime is left, when that is more than min-validity', () => {
    expect(at(lives(1800))).toBe(1200)
  })

  it('mints again once min-validity is left, when that is more than a third of the lifetime', () => {
    expect(at(lives(1800), { minValiditySeconds: 900 })).toBe(900)
  })

  it('mints earlier by the time a new token waits for its mask', () => {
    expect(at(lives(1800), { settleMs: 1000 })).toBe(1199)
    expect(at(lives(3), { minValiditySeconds: 1, settleMs: 1000 })).toBe(1)
  })

  it('never mints sooner than a third of the lifetime, nor within a second', () => {
    expect(at(lives(1800), { minValiditySeconds: 1800 })).toBe(600)
    expect(at(lives(0), { minValiditySeconds: 0 })).toBe(1)
    expect(at(lives(2), { minValiditySeconds: 0 })).toBeCloseTo(4 / 3, 2)
  })

  it('mints at least as often as --refresh-every', () => {
    expect(at(lives(1800), { refreshEverySeconds: 300 })).toBe(300)
    expect(at(lives(1800), { refreshEverySeconds: 1500 })).toBe(1200)
  })

  it('follows --refresh-every alone for a token without an expiry, and cannot tell without it', () => {
    expect(at(token(), { refreshEverySeconds: 45 })).toBe(45)
    expect(at(token())).toBeUndefined()
  })
})

describe('TokenKeeper', () => {
  let temp: string
  let reports: string[]
  let answers: (() => Promise<IssuedToken>)[]
  let cancels: AbortSignal[]
  let keeper: TokenKeeper | undefined
  beforeEach(() => {
    jest.useFakeTimers({ now: START })
    temp = mkdtempSync(join(tmpdir(), 'keeper-'))
    reports = []
    answers = []
    cancels = []
  })
  afterEach(() => {
    keeper?.stop()
    keeper = undefined
    jest.useRealTimers()
    rmSync(temp, { recursive: true, force: true })
  })

  const mint = jest.fn((cancel: AbortSignal) => {
    cancels.push(cancel)
    const next = answers.shift()
    return next ? next() : Promise.reject(new Error('no answer scripted'))
  })
  beforeEach(() => void mint.mockClear())
  /** Each later mint answers with these, in order: a token issued when it is asked for, or an error to throw. */
  const script = (...replies: ([string, number?, Provider?] | Error)[]) =>
    answers.push(
      ...replies.map(
        reply => () => (reply instanceof Error ? Promise.reject(reply) : Promise.resolve(issued(...reply)))
      )
    )
  const make = (options: Partial<KeeperOptions> = {}) =>
    (keeper = new TokenKeeper({
      mint,
      minValiditySeconds: 60,
      envName: 'SODA_TOKEN',
      env: { RUNNER_TEMP: temp },
      report: line => void reports.push(line),
      ...options
    }))
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined)
  const advance = (ms: number) => jest.advanceTimersByTimeAsync(ms)

  it('writes the token and its header line, 0600 in a 0700 directory of its own under RUNNER_TEMP', async () => {
    const files = await make().start(issued('soda-first-token', 1800))

    expect(read(files.token)).toBe('soda-first-token\n')
    expect(read(files.header)).toBe('SODA_TOKEN: soda-first-token\n')
    expect(dirname(files.dir)).toBe(temp)
    expect(files.token).toBe(join(files.dir, 'token'))
    expect(files.header).toBe(join(files.dir, 'header'))
    expect(readdirSync(files.dir).sort()).toEqual(['header', 'token'])
    expect(statSync(files.dir).mode & 0o777).toBe(0o700)
    expect(statSync(files.token).mode & 0o777).toBe(0o600)
    expect(statSync(files.header).mode & 0o777).toBe(0o600)
  })

  it('writes the header the provider documents', async () => {
    const files = await make().start(issued('sirdata-token-1', 3600, sirdata))

    expect(read(files.header)).toBe('Authorization: sirdata-token-1\n')
  })

  it('masks a token, then waits, before any file holds it', async () => {
    const masked: string[] = []
    const mask = { register: (token: string) => void masked.push(token), settleMs: 1000 }
    const started = make({ mask }).start(issued('soda-first-token', 1800))

    expect(masked).toEqual(['soda-first-token'])
    await advance(999)
    expect(readdirSync(temp)).toEqual([])
    await advance(1)
    const files = await started
    expect(read(files.token)).toBe('soda-first-token\n')

    // Issued at 0 s for 1800 s: minted again at 1199 s, a second before a third of its lifetime is left.
    script(['soda-second-token', 1800])
    await advance(1198 * 1000 - 1)
    expect(masked).toEqual(['soda-first-token'])
    await advance(1)
    expect(masked).toEqual(['soda-first-token', 'soda-second-token'])
    await advance(999)
    expect(read(files.token)).toBe('soda-first-token\n')
    await advance(1)
    expect(read(files.token)).toBe('soda-second-token\n')
    expect(read(files.header)).toBe('SODA_TOKEN: soda-second-token\n')
  })

  it('mints nothing until the refresh is due, then replaces both files', async () => {
    const files = await make().start(issued('soda-first-token', 1800))
    script(['soda-second-token', 1800])

    await advance(20 * MINUTE - 1)
    expect(mint).not.toHaveBeenCalled()
    await advance(1)

    expect(mint).toHaveBeenCalledTimes(1)
    expect(read(files.token)).toBe('soda-second-token\n')
    expect(read(files.header)).toBe('SODA_TOKEN: soda-second-token\n')
    expect(readdirSync(files.dir).sort()).toEqual(['header', 'token'])
  })

  it('keeps going, each token scheduled from its own lifetime, and the old expiry no longer removes the file', async () => {
    const files = await make().start(issued('soda-first-token', 1800))
    script(['soda-second-token', 600], ['soda-third-token', 1800])

    await advance(20 * MINUTE)
    expect(read(files.token)).toBe('soda-second-token\n')
    // 600 s: minted again when a third is left, after 400 s.
    await advance(400 * 1000 - 1)
    expect(mint).toHaveBeenCalledTimes(1)
    await advance(1)
    expect(mint).toHaveBeenCalledTimes(2)
    expect(read(files.token)).toBe('soda-third-token\n')
    // Past the expiry of the first two tokens (30 min), well before the third's next refresh.
    await advance(15 * MINUTE)
    expect(read(files.token)).toBe('soda-third-token\n')
    expect(reports).toEqual([])
  })

  it('tries a transient failure again after a back-off, while the current token has time left', async () => {
    const files = await make().start(issued('soda-first-token', 1800))
    script(new TransientFailureError('failed after 3 attempts; the last: HTTP 503'), ['soda-second-token', 1800])

    await advance(20 * MINUTE)
    expect(mint).toHaveBeenCalledTimes(1)
    expect(read(files.token)).toBe('soda-first-token\n')
    await advance(1000)

    expect(mint).toHaveBeenCalledTimes(2)
    expect(read(files.token)).toBe('soda-second-token\n')
    expect(reports).toEqual([])
  })

  it('backs off longer at each transient failure', async () => {
    await make().start(issued('soda-first-token', 1800))
    const busy = () => new TransientFailureError('HTTP 503')
    script(busy(), busy(), busy(), busy())

    await advance(20 * MINUTE)
    const calls = () => mint.mock.calls.length
    const times: number[] = []
    for (let second = 0; second < 20 && calls() < 4; second++) {
      const before = calls()
      await advance(1000)
      if (calls() > before) times.push(second + 1)
    }

    expect(times.length).toBe(3)
    expect((times[2] as number) - (times[1] as number)).toBeGreaterThanOrEqual(2)
  })

  it('gives up on a transient failure once the token would expire before the next try, and says so once', async () => {
    const files = await make({ minValiditySeconds: 1 }).start(issued('soda-first-token', 3))
    // Minted again at 2 s; the mint's own attempts take 700 ms, leaving less than the shortest back-off.
    const busy = new TransientFailureError('Could not get a token: failed after 3 attempts; the last: HTTP 503.')
    answers.push(() => new Promise((_resolve, reject) => setTimeout(() => reject(busy), 700)))

    await advance(2700)

    expect(mint).toHaveBeenCalledTimes(1)
    expect(reports).toEqual([
      'error: Could not get a token: failed after 3 attempts; the last: HTTP 503. The token is not refreshed again: ' +
        'SODA_TOKEN_FILE is removed when the current token expires, at 2026-12-02T01:00:03.000Z.\n'
    ])
    expect(read(files.token)).toBe('soda-first-token\n')
    await advance(299)
    expect(read(files.token)).toBe('soda-first-token\n')
    await advance(1)
    expect(read(files.token)).toBeUndefined()
    expect(read(files.header)).toBeUndefined()
    expect(existsSync(files.dir)).toBe(true)
  })

  it.each([
    ['a refusal', new TokenRequestError('Soda Cloud refused the token request: HTTP 401 Unauthorized. Check.', 401)],
    ['a network problem', new NetworkError('TLS certificate not trusted.')],
    ['anything else', new Error('something odd.')]
  ])('reports %s once, in the core’s words, and mints no more', async (_case, error) => {
    const files = await make().start(issued('soda-first-token', 1800))
    script(error)

    await advance(20 * MINUTE)
    await advance(10 * MINUTE)

    expect(mint).toHaveBeenCalledTimes(1)
    expect(reports).toEqual([
      `error: ${error.message} The token is not refreshed again: SODA_TOKEN_FILE is removed when the current token ` +
        'expires, at 2026-12-02T01:30:00.000Z.\n'
    ])
    expect(read(files.token)).toBeUndefined()
  })

  it('names the file after the variable', async () => {
    await make({ envName: 'DQ_TOKEN' }).start(issued('soda-first-token', 1800))
    script(new TokenRequestError('Refused.'))

    await advance(20 * MINUTE)

    expect(reports[0]).toContain(' DQ_TOKEN_FILE is removed ')
  })

  it('mints every --refresh-every for tokens without an expiry, and keeps the last one when a refresh is refused', async () => {
    const files = await make({ refreshEverySeconds: 60 }).start(issued('sirdata-first', undefined, sirdata))
    script(['sirdata-second', undefined, sirdata], new TokenRequestError('Sirdata refused.'))

    await advance(59_999)
    expect(mint).not.toHaveBeenCalled()
    await advance(1)
    expect(read(files.header)).toBe('Authorization: sirdata-second\n')
    await advance(60_000)

    expect(mint).toHaveBeenCalledTimes(2)
    expect(reports).toEqual([
      'error: Sirdata refused. The token is not refreshed again: SODA_TOKEN_FILE keeps the current token, whose ' +
        'expiry is unknown, until the command ends.\n'
    ])
    await advance(24 * 60 * MINUTE)
    expect(read(files.token)).toBe('sirdata-second\n')
  })

  it('keeps retrying a transient failure when the expiry is unknown', async () => {
    await make({ refreshEverySeconds: 60 }).start(issued('sirdata-first', undefined, sirdata))
    script(new TransientFailureError('busy'), new TransientFailureError('busy'), ['sirdata-second', 600, sirdata])

    await advance(60_000 + 5000)

    expect(mint).toHaveBeenCalledTimes(3)
    expect(reports).toEqual([])
  })

  it('stops refreshing when a new token comes without an expiry and --refresh-every is not set', async () => {
    const files = await make().start(issued('soda-first-token', 1800))
    script(['soda-second-token'])

    await advance(20 * MINUTE)
    await advance(24 * 60 * MINUTE)

    expect(mint).toHaveBeenCalledTimes(1)
    expect(read(files.token)).toBe('soda-second-token\n')
    expect(reports).toEqual([
      'error: Soda Cloud did not say when the new token expires, and --refresh-every is not set. The token is not ' +
        'refreshed again: SODA_TOKEN_FILE keeps the current token, whose expiry is unknown, until the command ends.\n'
    ])
  })

  it('waits out lifetimes longer than a timer can hold, in steps', async () => {
    const files = await make().start(issued('soda-first-token', 90 * 86_400))
    script(['soda-second-token', 90 * 86_400])

    await advance(2 ** 31)
    expect(mint).not.toHaveBeenCalled()
    await advance(60 * 86_400_000 - 2 ** 31)

    expect(mint).toHaveBeenCalledTimes(1)
    expect(read(files.token)).toBe('soda-second-token\n')
  })

  it('stops: no timer left, the refresh under way cancelled and ignored, the directory removed', async () => {
    const files = await make().start(issued('soda-first-token', 1800))
    let answer: (token: IssuedToken) => void = () => undefined
    answers.push(() => new Promise(resolve => (answer = resolve)))
    await advance(20 * MINUTE)
    expect(cancels[0]?.aborted).toBe(false)

    keeper?.stop()
    answer(issued('soda-late-token', 1800))
    await advance(60 * MINUTE)

    expect(cancels[0]?.aborted).toBe(true)
    expect(existsSync(files.dir)).toBe(false)
    expect(readdirSync(temp)).toEqual([])
    expect(jest.getTimerCount()).toBe(0)
    expect(reports).toEqual([])
  })

  it('ignores a refresh that fails after stop', async () => {
    await make().start(issued('soda-first-token', 1800))
    let fail: (error: Error) => void = () => undefined
    answers.push(() => new Promise((_resolve, reject) => (fail = reject)))
    await advance(20 * MINUTE)

    keeper?.stop()
    fail(new TokenRequestError('Refused.'))
    await advance(1000)

    expect(reports).toEqual([])
    expect(jest.getTimerCount()).toBe(0)
  })

  it('writes nothing when stopped while a new token waits for its mask', async () => {
    const mask = { register: () => undefined, settleMs: 1000 }
    void make({ mask }).start(issued('soda-first-token', 1800))

    keeper?.stop()
    await advance(1000)

    expect(readdirSync(temp)).toEqual([])
  })

  it('reports a token file it cannot write as a failed refresh', async () => {
    const files = await make().start(issued('soda-first-token', 1800))
    // A directory where the file goes: the rename over it fails (EISDIR), in a directory that is still ours.
    rmSync(files.token)
    mkdirSync(files.token)
    script(['soda-second-token', 1800])

    await advance(20 * MINUTE)

    expect(reports).toEqual([
      'error: --keep-fresh cannot write the token file (EISDIR). The token is not refreshed again: SODA_TOKEN_FILE ' +
        'is removed when the current token expires, at 2026-12-02T01:30:00.000Z.\n'
    ])
  })

  it('writes nothing into a directory put in place of its own, says so once, and leaves it alone at the end', async () => {
    const keeper = make()
    const files = await keeper.start(issued('soda-first-token', 1800))
    renameSync(files.dir, `${files.dir}-moved`)
    mkdirSync(files.dir, { mode: 0o700 })
    writeFileSync(files.token, 'planted\n')
    script(['soda-second-token', 1800], ['soda-third-token', 1800])

    await advance(20 * MINUTE)
    await advance(30 * MINUTE)
    keeper.stop()

    expect(mint).toHaveBeenCalledTimes(1)
    expect(keeper.replaced).toBe(true)
    expect(reports).toEqual([
      'error: the token directory is no longer the one token-mint made: someone moved or replaced it (can other ' +
        'users write into RUNNER_TEMP or a directory above it?). The token is not refreshed again, whatever is in ' +
        'its place is left alone, and the last token lives in the moved directory until 2026-12-02T01:30:00.000Z.\n'
    ])
    expect(readdirSync(files.dir)).toEqual(['token'])
    expect(readFileSync(files.token, 'utf8')).toBe('planted\n')
    expect(readFileSync(join(`${files.dir}-moved`, 'token'), 'utf8')).toBe('soda-first-token\n')
  })

  it('says at the end, once, that the directory was replaced when no refresh came to notice', async () => {
    const keeper = make()
    const files = await keeper.start(issued('soda-first-token', 1800))
    renameSync(files.dir, `${files.dir}-moved`)
    mkdirSync(files.dir, { mode: 0o700 })

    keeper.stop()
    keeper.stop()

    expect(keeper.replaced).toBe(true)
    expect(reports).toEqual([
      'error: the token directory was moved or replaced. The token is not refreshed again, whatever is in its ' +
        'place is left alone, and the last token lives in the moved directory until 2026-12-02T01:30:00.000Z.\n'
    ])
    expect(existsSync(files.dir)).toBe(true)
  })
})

describe('maskOnStderr', () => {
  it('writes the whole ::add-mask:: line to the descriptor, synchronously, after a line break of its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mask-'))
    const file = join(dir, 'stderr')
    const fd = openSync(file, 'w')
    try {
      // The command shares stderr and may have left a line unfinished: the runner reads :: only at a line's start.
      writeSync(fd, 'scan 10%')
      maskOnStderr('soda-token-value', fd)
      expect(readFileSync(file, 'utf8')).toBe('scan 10%\n::add-mask::soda-token-value\n')
    } finally {
      closeSync(fd)
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('throws what it cannot write past', () => {
    expect(() => maskOnStderr('soda-token-value', 987_654)).toThrow(/EBADF/)
  })
})

describe('execKeepingFresh', () => {
  let temp: string
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'exec-keep-fresh-'))
  })
  afterEach(() => rmSync(temp, { recursive: true, force: true }))

  const errors: string[] = []
  beforeEach(() => void errors.splice(0))
  const run = (first: IssuedToken, command: [string, ...string[]], extra: Record<string, unknown> = {}) =>
    execKeepingFresh(first, {
      command,
      mint: () => Promise.reject(new Error('not expected')),
      minValiditySeconds: 60,
      envName: 'SODA_TOKEN',
      env: { RUNNER_TEMP: temp, PATH: process.env.PATH, SODA_PASSWORD: 'hunter2', KEEP: 'kept' },
      without: ['SODA_PASSWORD'],
      err: text => void errors.push(text),
      ...extra
    })
  // Exits 0 when the command sees what it should: the token, its files, no password.
  const check = `
    const fs = require('fs'), e = process.env
    const ok = e.SODA_TOKEN === 'soda-first-token' && fs.readFileSync(e.SODA_TOKEN_FILE, 'utf8') === 'soda-first-token\\n'
      && fs.readFileSync(e.SODA_TOKEN_HEADER_FILE, 'utf8') === 'SODA_TOKEN: soda-first-token\\n'
      && e.SODA_PASSWORD === undefined && e.KEEP === 'kept'
    process.exit(ok ? 3 : 4)
  `

  it('runs the command with the token, its files and no password, returns its exit code, and removes the files', async () => {
    const code = await run(issued('soda-first-token', 1800), [process.execPath, '-e', check])

    expect(code).toBe(3)
    expect(errors).toEqual([])
    expect(readdirSync(temp)).toEqual([])
  })

  it('under GitHub Actions, waits a second after the mask before the command can read the token', async () => {
    const started = Date.now()
    const code = await run(issued('soda-first-token', 1800), [process.execPath, '-e', 'process.exit(0)'], {
      env: { RUNNER_TEMP: temp, GITHUB_ACTIONS: 'true' }
    })
    const waited = Date.now() - started
    const quick = Date.now()
    await run(issued('soda-first-token', 1800), [process.execPath, '-e', 'process.exit(0)'], {
      env: { RUNNER_TEMP: temp, GITHUB_ACTIONS: 'false' }
    })

    expect(code).toBe(0)
    expect(waited).toBeGreaterThanOrEqual(1000)
    expect(Date.now() - quick).toBeLessThan(waited)
  })

  it('refuses a token without an expiry unless --refresh-every is set, without running the command', async () => {
    const marker = join(temp, 'ran')
    const command: [string, ...string[]] = [
      process.execPath,
      '-e',
      "require('fs').writeFileSync(process.argv[1], '')",
      marker
    ]

    const refused = await run(issued('sirdata-token', undefined, sirdata), command)
    const allowed = await run(issued('sirdata-token', undefined, sirdata), command, { refreshEverySeconds: 600 })

    expect(refused).toBe(2)
    expect(errors).toEqual([
      'error: Sirdata did not say when the token expires, so --keep-fresh cannot tell when to mint the next one: ' +
        'add --refresh-every SECONDS (how often to mint a new token).\n'
    ])
    expect(allowed).toBe(0)
    expect(existsSync(marker)).toBe(true)
  })

  it('says so when the token file cannot be made, and does not run the command', async () => {
    const code = await run(issued('soda-first-token', 1800), [process.execPath, '-e', check], {
      env: { RUNNER_TEMP: join(temp, 'missing') }
    })

    expect(code).toBe(1)
    expect(errors).toEqual([
      'error: --keep-fresh cannot write the token file (ENOENT): check RUNNER_TEMP or the temporary directory.\n'
    ])
  })
})
