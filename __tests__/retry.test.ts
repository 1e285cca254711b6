import { describe, expect, it } from '@jest/globals'
import { backoff, DEFAULT_RETRY, parseRetryAfter, RETRYABLE_STATUSES } from '../src/http/retry.js'

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

  it.each([undefined, '', 'soon', '-5', '1.5'])('ignores %p', value => {
    expect(parseRetryAfter(value, now)).toBeUndefined()
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

describe('RETRYABLE_STATUSES', () => {
  it('are exactly the transient ones', () => {
    expect([...RETRYABLE_STATUSES].sort()).toEqual([429, 500, 502, 503, 504])
  })
})
