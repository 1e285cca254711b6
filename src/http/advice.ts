import { formatDuration } from '../duration.js'
import { LIMITS } from '../settings/defaults.js'
import { DEFAULT_RETRY } from './retry.js'

// After the last attempt, what the person reading the failure can do next, as the 400/401/403 hints do: what the
// last failure suggests, and by how much to raise max-attempts or timeout when that can help.

/** What the last attempt met: an HTTP status (429, 5xx), a timeout, or else a network failure. */
export interface LastFailure {
  readonly status?: number
  readonly timedOut: boolean
}

export interface RetrySettings {
  readonly maxAttempts: number
  readonly timeoutMs: number
}

/** How a setting is named where the advice is read: `max-attempts` in a workflow, `--max-attempts` on a command line. */
export type SettingName = (setting: 'timeout' | 'max-attempts') => string

const wait = 'wait a few minutes and run it again'

/** The next step after the last attempt failed transiently, as one or two sentences. */
export function adviceAfterRetries(last: LastFailure, settings: RetrySettings, name: SettingName): string {
  const attempts = moreAttempts(settings.maxAttempts, name)
  if (last.status === 429) {
    return (
      `The provider is throttling: ${wait}, and mint once per workflow run rather than once per job ` +
      `(seal-key shares one token between jobs); ${attempts}.`
    )
  }
  if (last.status !== undefined) return `The provider is failing on its side: ${wait}; ${attempts}.`
  if (last.timedOut) {
    return (
      `If the provider is slow to answer, ${moreTime(settings.timeoutMs / 1000, name)}; ${attempts}. ` +
      'If no attempt ever gets an answer, check the proxy (https_proxy, no_proxy) and that the runner can reach the host.'
    )
  }
  return (
    'Check that the runner can reach the host (region, base-url, DNS, firewall) and the proxy (https_proxy, ' +
    `no_proxy); if the failure passes, ${wait}; ${attempts}.`
  )
}

function moreAttempts(current: number, name: SettingName): string {
  if (current >= LIMITS.maxAttempts) return `${name('max-attempts')} is already ${current}, the most`
  const raised = Math.min(current + 2, LIMITS.maxAttempts)
  const [shortest, longest] = waitsBetween(raised)
  return (
    `or raise ${name('max-attempts')} from ${current} to ${raised}: the waits between attempts then add up to ` +
    `${shortest}–${longest} s, or what the provider's Retry-After asks`
  )
}

function moreTime(seconds: number, name: SettingName): string {
  if (seconds >= LIMITS.timeoutSeconds) return `${name('timeout')} is already ${formatDuration(seconds)}, the most`
  const raised = Math.min(seconds * 2, LIMITS.timeoutSeconds)
  return `raise ${name('timeout')} from ${formatDuration(seconds)} to ${formatDuration(raised)}`
}

/** The shortest and longest sum of the back-offs before attempts 2 to `attempts`, in whole seconds. */
export function waitsBetween(attempts: number): [number, number] {
  let longest = 0
  for (let n = 1; n < attempts; n++) {
    longest += Math.min(DEFAULT_RETRY.baseDelayMs * 2 ** (n - 1), DEFAULT_RETRY.maxDelayMs)
  }
  return [Math.round(longest / 2000), Math.round(longest / 1000)]
}
