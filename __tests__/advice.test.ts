import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { adviceAfterRetries, waitsBetween } from '../src/http/advice.js'

// What the error says to do once the last attempt failed: by the kind of failure, with figures that fit the settings.
const inputs = (name: string) => name
const flags = (name: string) => `--${name}`
const defaults = { maxAttempts: 3, timeoutMs: 30_000 }

describe('the advice after the last attempt', () => {
  it('on 429: wait, mint once per run, or raise max-attempts by two, with the waits that gives', () => {
    expect(adviceAfterRetries({ status: 429, timedOut: false }, defaults, inputs)).toBe(
      'The provider is throttling: wait a few minutes and run it again, and mint once per workflow run rather than ' +
        'once per job (seal-key shares one token between jobs); or raise max-attempts from 3 to 5: the waits ' +
        "between attempts then add up to 8–15 s, or what the provider's Retry-After asks."
    )
  })

  it('on a 5xx: wait and run again, or raise max-attempts', () => {
    expect(adviceAfterRetries({ status: 503, timedOut: false }, { ...defaults, maxAttempts: 9 }, flags)).toBe(
      'The provider is failing on its side: wait a few minutes and run it again; or raise --max-attempts from 9 ' +
        "to 10: the waits between attempts then add up to 122–243 s, or what the provider's Retry-After asks."
    )
  })

  it('on a timeout: double the timeout, raise max-attempts, and check the proxy if nothing ever answers', () => {
    expect(adviceAfterRetries({ timedOut: true }, defaults, flags)).toBe(
      'If the provider is slow to answer, raise --timeout from 30 s to 1 min; or raise --max-attempts from 3 to 5: ' +
        "the waits between attempts then add up to 8–15 s, or what the provider's Retry-After asks. If no attempt " +
        'ever gets an answer, check the proxy (https_proxy, no_proxy) and that the runner can reach the host.'
    )
  })

  it('on a network failure: check the host and the proxy first', () => {
    expect(adviceAfterRetries({ timedOut: false }, defaults, inputs)).toMatch(
      /^Check that the runner can reach the host \(region, base-url, DNS, firewall\) and the proxy \(https_proxy, no_proxy\); if the failure passes, wait a few minutes and run it again; or raise max-attempts from 3 to 5: /
    )
  })

  it('says when a setting is already at its most, instead of asking to raise it', () => {
    const most = { maxAttempts: 10, timeoutMs: 600_000 }

    expect(adviceAfterRetries({ timedOut: true }, most, inputs)).toBe(
      'If the provider is slow to answer, timeout is already 10 min, the most; max-attempts is already 10, the ' +
        'most. If no attempt ever gets an answer, check the proxy (https_proxy, no_proxy) and that the runner can ' +
        'reach the host.'
    )
    expect(adviceAfterRetries({ timedOut: true }, { maxAttempts: 1, timeoutMs: 400_000 }, inputs)).toContain(
      'raise timeout from 7 min to 10 min; or raise max-attempts from 1 to 3: the waits between attempts then add up to 2–3 s'
    )
  })
})

describe('waitsBetween', () => {
  it.each<[number, [number, number]]>([
    [1, [0, 0]],
    [2, [1, 1]],
    [3, [2, 3]],
    [5, [8, 15]],
    [8, [62, 123]],
    [10, [122, 243]]
  ])('%i attempts wait %j seconds in all, the back-off doubling from 0.5–1 s and capped at 60 s', (n, range) => {
    expect(waitsBetween(n)).toEqual(range)
  })
})

describe('docs/troubleshooting.md', () => {
  const troubleshooting = readFileSync(new URL('../docs/troubleshooting.md', import.meta.url), 'utf8')

  it.each<[string, { status?: number; timedOut: boolean }]>([
    ['HTTP 429', { status: 429, timedOut: false }],
    ['HTTP 503', { status: 503, timedOut: false }],
    ["timed out after 30 s waiting for a complete answer (input 'timeout')", { timedOut: true }]
  ])('quotes the advice after "%s" as the action words it with the default settings', (last, failure) => {
    expect(troubleshooting).toContain(`the last: ${last}. ${adviceAfterRetries(failure, defaults, inputs)}\n`)
  })
})
