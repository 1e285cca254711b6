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

  describe('through an outage', () => {
    /** The provider's answer while it is down: 503 after one attempt, as the CLI's refresh reports it. */
    const down = (retryAfterMs?: number) =>
      new TransientFailureError('Could not get a token: failed after 1 attempt; the last: HTTP 503.', 1, {
        status: 503,
        reason: 'HTTP 503',
        retryAfterMs
      })
    /** A provider down from now until `upAt` (ms since START), then issuing tokens that live `seconds`. */
    const outage = (upAt: number, seconds: number, failure: () => Error = () => down()) => {
      const calls: number[] = []
      const provider = jest.fn(() => {
        calls.push(Date.now() - START)
        if (Date.now() < START + upAt) return Promise.reject(failure())
        return Promise.resolve(issued(`soda-token-${calls.length}`, seconds))
      })
      return { calls, provider }
    }
    const gaps = (calls: number[]) => calls.slice(1).map((at, i) => at - (calls[i] as number))

    it('keeps trying past the token’s expiry, the files absent meanwhile, and says once that they went and once that they are back', async () => {
      // A token of 30 min, refreshed at 20 min; the provider is down from then until 40 min.
      const { calls, provider } = outage(40 * MINUTE, 1800)
      const files = await make({ mint: provider, random: () => 0.5 }).start(issued('soda-first-token', 1800))

      await advance(30 * MINUTE - 1)
      expect(read(files.token)).toBe('soda-first-token\n')
      expect(reports).toEqual([])
      await advance(1)
      expect(read(files.token)).toBeUndefined()
      expect(read(files.header)).toBeUndefined()
      expect(reports).toEqual([
        'warning: SODA_TOKEN_FILE is removed: its token expired at 2026-12-02T01:30:00.000Z and no new one could be ' +
          'minted (the last try met: HTTP 503). Refreshing goes on, trying at least once every 1 min; the file comes back ' +
          'with the next token.\n'
      ])
      await advance(10 * MINUTE - 1)
      expect(read(files.token)).toBeUndefined()
      expect(reports.length).toBe(1)
      await advance(MINUTE)

      const back = calls.at(-1) as number
      expect(read(files.token)).toBe(`soda-token-${calls.length}\n`)
      expect(read(files.header)).toBe(`SODA_TOKEN: soda-token-${calls.length}\n`)
      expect(back).toBeGreaterThanOrEqual(40 * MINUTE)
      expect(back).toBeLessThanOrEqual(41 * MINUTE)
      expect(reports).toEqual([
        expect.stringMatching(/^warning: SODA_TOKEN_FILE is removed: /),
        `notice: SODA_TOKEN_FILE holds a token again, after ${calls.length - 1} failed tries; it was absent for ` +
          `${Math.round((back - 30 * MINUTE) / MINUTE)} min.\n`
      ])
      // 20 minutes down cost tens of requests, growing apart up to a minute.
      expect(calls.length).toBeGreaterThanOrEqual(10)
      expect(calls.length).toBeLessThanOrEqual(60)
      expect(Math.max(...gaps(calls))).toBeLessThanOrEqual(MINUTE)
      expect(gaps(calls).slice(0, 4)).toEqual([750, 1500, 3000, 6000])
      // The next refresh is scheduled from the new token, and needs no report.
      await advance(20 * MINUTE)
      expect(read(files.token)).toBe(`soda-token-${calls.length}\n`)
      expect(reports.length).toBe(2)
    })

    it('waits at most a third of a short token’s lifetime between tries, and writes the next token that long after the provider is back, plus the mask’s settle time', async () => {
      const masked: string[] = []
      const mask = { register: (token: string) => void masked.push(token), settleMs: 1000 }
      // 30 s tokens, refreshed at 20 s less the settle time; the provider is back at 100 s.
      const { calls, provider } = outage(100_000, 30)
      const started = make({ mint: provider, mask, random: () => 1 }).start(issued('soda-first-token', 30))
      await advance(1000)
      const files = await started

      await advance(99_000 - 1)
      expect(read(files.token)).toBeUndefined()
      await advance(10_000 + 1000)

      expect(read(files.token)).toBe(`soda-token-${calls.length}\n`)
      expect(masked.at(-1)).toBe(`soda-token-${calls.length}`)
      expect(gaps(calls).slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 10_000])
      expect(Math.max(...gaps(calls))).toBe(10_000)
      expect(reports[0]).toContain('trying at least once every 10 s')
    })

    it('honours Retry-After within the same cap', async () => {
      const asks = [20_000, 300_000]
      // Refreshed at 20 min; down until 23 min.
      const { calls, provider } = outage(23 * MINUTE, 1800, () => down(asks.shift()))
      await make({ mint: provider, random: () => 1 }).start(issued('soda-first-token', 1800))

      await advance(20 * MINUTE + MINUTE + 21_000)

      // Asked 20 s: 20 s plus up to a second of jitter. Asked 5 min: the cap, 1 min.
      expect(gaps(calls).slice(0, 2)).toEqual([21_000, MINUTE])
    })

    it('honours a Retry-After only up to a third of a short token’s lifetime', async () => {
      const { calls, provider } = outage(40_000, 30, () => down(20_000))
      await make({ mint: provider, minValiditySeconds: 1, random: () => 0 }).start(issued('soda-first-token', 30))

      await advance(40_000)

      expect(calls[0]).toBe(20_000)
      expect(gaps(calls)).toEqual([10_000, 10_000])
    })

    it('stops at once on a refusal after an outage, says so once, and the files stay absent', async () => {
      let refused = false
      const { calls, provider } = outage(60_000, 30, () =>
        refused ? new TokenRequestError('Soda Cloud refused the token request: HTTP 401 Unauthorized.', 401) : down()
      )
      const files = await make({ mint: provider, minValiditySeconds: 1 }).start(issued('soda-first-token', 30))
      await advance(35_000)
      expect(reports.length).toBe(1)

      refused = true
      await advance(10_000)
      const count = calls.length
      await advance(60 * MINUTE)

      expect(calls.length).toBe(count)
      expect(read(files.token)).toBeUndefined()
      expect(reports).toEqual([
        expect.stringMatching(/^warning: SODA_TOKEN_FILE is removed: its token expired at 2026-12-02T01:00:30.000Z /),
        'error: Soda Cloud refused the token request: HTTP 401 Unauthorized. The token is not refreshed again: ' +
          'SODA_TOKEN_FILE stays absent until the command ends.\n'
      ])
    })

    it('says the refresh has no answer yet when the token expires while it waits for one', async () => {
      const files = await make({ minValiditySeconds: 1 }).start(issued('soda-first-token', 3))
      answers.push(() => new Promise(() => undefined))

      await advance(3000)

      expect(read(files.token)).toBeUndefined()
      expect(reports).toEqual([
        'warning: SODA_TOKEN_FILE is removed: its token expired at 2026-12-02T01:00:03.000Z and no new one could be ' +
          'minted (the refresh under way has no answer yet). Refreshing goes on, trying at least once every 1 s; the file ' +
          'comes back with the next token.\n'
      ])
    })

    it('names the last failure by its message when it gives no reason, and counts a single failed try as one', async () => {
      const files = await make({ minValiditySeconds: 1, random: () => 1 }).start(issued('soda-first-token', 3))
      // Minted again at 2 s, and again at 3 s (the cap, a third of 3 s): just after the token expired.
      script(new TransientFailureError('the connection closed'), ['soda-second-token', 3])

      await advance(3000)

      expect(read(files.token)).toBe('soda-second-token\n')
      expect(reports).toEqual([
        'warning: SODA_TOKEN_FILE is removed: its token expired at 2026-12-02T01:00:03.000Z and no new one could be ' +
          'minted (the last try met: the connection closed). Refreshing goes on, trying at least once every 1 s; the ' +
          'file comes back with the next token.\n',
        'notice: SODA_TOKEN_FILE holds a token again, after 1 failed try; it was absent for 0 s.\n'
      ])
    })

    it('names a failure without a reason of its own by its message, and waits a third of --refresh-every when the expiry is unknown', async () => {
      const { calls, provider } = outage(10 * MINUTE, 3600, () => new TransientFailureError('the connection closed'))
      await make({ mint: provider, refreshEverySeconds: 30, random: () => 1 }).start(
        issued('sirdata-first', undefined, sirdata)
      )

      await advance(5 * MINUTE)

      expect(Math.max(...gaps(calls))).toBe(10_000)
      expect(reports).toEqual([])
    })
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
