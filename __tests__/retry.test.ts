import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { useFakeProvider } from '../__fixtures__/jest-fake-provider.js'
import { rawHttp, startRawServer, type RawServer } from '../__fixtures__/raw-server.js'
import { NetworkError, TransientFailureError } from '../src/errors.js'
import {
  backoff,
  DEFAULT_RETRY,
  parseRetryAfter,
  RETRYABLE_STATUSES,
  sendWithRetries,
  type AttemptReport,
  type RetryPolicy
} from '../src/http/retry.js'

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-23T10:00:00Z')

  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Mon, 23 Nov 2026 10:00:05 GMT', 5_000],
    ['Mon, 23 Nov 2026 09:00:00 GMT', 0]
  ])('reads %p as %i ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms)
  })

  it.each([undefined, '', 'soon', '-5', '1.5', 'Mon, 23 Nov 2026', '2026-11-23 10:00:05', '10:00:05'])(
    'ignores %p',
    value => {
      expect(parseRetryAfter(value, now)).toBeUndefined()
    }
  )

  it('reads the first of repeated headers', () => {
    expect(parseRetryAfter(['7', '120'], now)).toBe(7_000)
  })
})

describe('backoff', () => {
  const policy = { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 60_000 }

  it('doubles with each attempt, jittered between half and all of the step', () => {
    const low = { ...policy, random: () => 0 }
    const high = { ...policy, random: () => 1 }

    expect([1, 2, 3].map(n => backoff(n, undefined, low))).toEqual([500, 1000, 2000])
    expect([1, 2, 3].map(n => backoff(n, undefined, high))).toEqual([1000, 2000, 4000])
  })

  it('honours Retry-After plus jitter, capped so a hostile header cannot stall the job', () => {
    expect(backoff(1, 3000, { ...policy, random: () => 0.5 })).toBe(3500)
    expect(backoff(1, 86_400_000, { ...policy, random: () => 0 })).toBe(60_000)
  })

  it('never grows past the cap', () => {
    expect(backoff(30, undefined, { ...policy, random: () => 1 })).toBe(60_000)
  })
})

describe('DEFAULT_RETRY', () => {
  it('starts at 1 s, caps at 60 s, and really sleeps', async () => {
    const started = Date.now()

    await DEFAULT_RETRY.sleep(50)

    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
    expect(DEFAULT_RETRY).toMatchObject({ baseDelayMs: 1000, maxDelayMs: 60_000, random: Math.random })
  })
})

describe('RETRYABLE_STATUSES', () => {
  it('are exactly the transient ones', () => {
    expect([...RETRYABLE_STATUSES].sort()).toEqual([429, 500, 502, 503, 504])
  })
})

describe('sendWithRetries', () => {
  const fake = useFakeProvider()
  let sleeps: number[]
  let reports: AttemptReport[]
  beforeEach(() => {
    sleeps = []
    reports = []
  })
  const policy = (maxAttempts = 3): RetryPolicy => ({
    maxAttempts,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    random: () => 0.5,
    sleep: ms => {
      sleeps.push(ms)
      return Promise.resolve()
    }
  })
  const send = (maxAttempts?: number, url = `${fake().origin}/v1/get_token`) =>
    sendWithRetries(
      { method: 'GET', url: new URL(url), headers: {} },
      { timeoutMs: 5000, env: {} },
      policy(maxAttempts),
      report => void reports.push(report)
    )

  it.each([429, 503])('honours Retry-After on a %i', async status => {
    fake().script({ status, headers: { 'Retry-After': '30' } }, { status: 200 })

    await send()

    expect(sleeps).toEqual([30_500])
  })

  it.each([500, 502, 504])('backs off exponentially on a %i, whatever its Retry-After says', async status => {
    fake().script({ status, headers: { 'Retry-After': '30' } }, { status, headers: { 'Retry-After': '30' } })

    await send()

    expect(sleeps).toEqual([750, 1500])
  })

  it('returns the first answer that is not transient, with one report per attempt', async () => {
    fake().script({ status: 503 }, { status: 404, body: 'gone' })

    const response = await send()

    expect(response).toMatchObject({ status: 404, body: 'gone' })
    expect(reports).toEqual([
      { attempt: 1, maxAttempts: 3, elapsedMs: expect.any(Number), reason: 'HTTP 503', retryInMs: 750 },
      { attempt: 2, maxAttempts: 3, elapsedMs: expect.any(Number), status: 404 }
    ])
    for (const report of reports) {
      expect(report.elapsedMs).toBeGreaterThanOrEqual(0)
      expect(report.elapsedMs).toBeLessThan(5000)
    }
  })

  it('fails after the last attempt, saying how many and why the last failed, without another back-off', async () => {
    fake().script({ status: 502 }, { status: 500 })

    const failure = send(2)

    await expect(failure).rejects.toThrow(new TransientFailureError('failed after 2 attempts; the last: HTTP 500'))
    await expect(failure).rejects.toMatchObject({ attempts: 2 })
    expect(sleeps).toEqual([750])
    expect(reports.at(-1)).toEqual({ attempt: 2, maxAttempts: 2, elapsedMs: expect.any(Number), reason: 'HTTP 500' })
  })

  it('tells a last attempt the server refused from one that ran out of time, for the advice that follows', async () => {
    fake().script({ status: 429 })
    const raw = await startRawServer({ bytes: '', then: 'hold' })
    const slow = sendWithRetries(
      { method: 'GET', url: new URL(raw.origin), headers: {} },
      { timeoutMs: 100, env: {} },
      policy(1),
      () => {}
    )

    await expect(send(1)).rejects.toMatchObject({ status: 429, timedOut: false })
    await expect(slow.finally(() => raw.close())).rejects.toMatchObject({ status: undefined, timedOut: true })
  })

  it('hands the last reason and Retry-After to a caller that keeps retrying on its own', async () => {
    fake().script({ status: 503, headers: { 'Retry-After': '30' } }, { status: 500, headers: { 'Retry-After': '30' } })

    await expect(send(1)).rejects.toMatchObject({ reason: 'HTTP 503', retryAfterMs: 30_000 })
    await expect(send(1)).rejects.toMatchObject({ reason: 'HTTP 500', retryAfterMs: undefined })
  })

  it('says "1 attempt" for a single one', async () => {
    fake().script({ status: 503 })

    await expect(send(1)).rejects.toThrow('failed after 1 attempt; the last: HTTP 503')
    expect(sleeps).toEqual([])
  })

  describe('against a server that drops connections', () => {
    let raw: RawServer
    beforeEach(async () => {
      raw = await startRawServer()
    })
    afterEach(async () => {
      await raw.close()
    })

    it('retries a connection dropped after the headers, and keeps the failure as the cause', async () => {
      raw.script(
        rawHttp(200, '{"tok', 'destroy', { 'Content-Length': '40' }),
        rawHttp(200, '{"token":"abc"}', 'hold', { 'Content-Length': '15' })
      )

      const response = await send(3, raw.origin)

      expect(response.body).toBe('{"token":"abc"}')
      expect(raw.requests).toHaveLength(2)
      expect(reports[0]?.reason).toMatch(/^(the connection closed mid-answer|connection reset \(ECONNRESET\))$/)
    })

    it('keeps the last failure as the cause when every attempt fails', async () => {
      raw.script({ bytes: '', then: 'destroy' }, { bytes: '', then: 'destroy' })

      const error = await send(2, raw.origin).then(
        () => {
          throw new Error('expected every attempt to fail')
        },
        (error: unknown) => error as TransientFailureError
      )

      expect(error).toBeInstanceOf(TransientFailureError)
      expect(error.message).toBe('failed after 2 attempts; the last: connection reset (ECONNRESET)')
      expect(error.cause).toBeInstanceOf(TransientFailureError)
      expect((error.cause as Error).message).toBe('connection reset (ECONNRESET)')
    })

    it('does not retry a failure that retrying cannot mend', async () => {
      raw.script(rawHttp(407, '', 'end'))

      const failure = sendWithRetries(
        { method: 'GET', url: new URL('https://soda.test/v1/get_token'), headers: {} },
        { timeoutMs: 5000, env: { https_proxy: raw.origin } },
        policy(3),
        report => void reports.push(report)
      )

      await expect(failure).rejects.toThrow(NetworkError)
      expect(raw.requests).toHaveLength(1)
      expect(reports).toEqual([])
    })
  })
})
