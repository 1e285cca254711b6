import { ActionError, TransientFailureError } from '../errors.js'
import { sendOnce, type AttemptOptions, type HttpRequest, type HttpResponse } from './transport.js'

/** Statuses that say "not now" rather than "no". Every other 4xx fails on the first answer. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504])

export interface RetryPolicy {
  readonly maxAttempts: number
  /** The first back-off; each later one doubles. */
  readonly baseDelayMs: number
  /** A Retry-After above this is cut to it, so a hostile header cannot stall the job. */
  readonly maxDelayMs: number
  readonly sleep: (ms: number) => Promise<void>
  readonly random: () => number
}

export const DEFAULT_RETRY: Omit<RetryPolicy, 'maxAttempts'> = {
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
  random: Math.random
}

export interface AttemptReport {
  readonly attempt: number
  readonly maxAttempts: number
  readonly elapsedMs: number
  readonly status?: number
  readonly reason?: string
  /** Set when another attempt follows. */
  readonly retryInMs?: number
}

/**
 * Sends the request until it gets an answer that is not transient, or attempts run out.
 * Returns that answer (any status but the retryable ones); rethrows an ActionError that retrying cannot mend
 * (its class says so), and throws TransientFailureError when the last attempt failed too.
 */
export async function sendWithRetries(
  request: HttpRequest,
  attempt: AttemptOptions,
  policy: RetryPolicy,
  report: (report: AttemptReport) => void
): Promise<HttpResponse> {
  for (let n = 1; ; n++) {
    const started = Date.now()
    let reason: string
    let retryAfterMs: number | undefined
    let failure: unknown
    let status: number | undefined
    try {
      const response = await sendOnce(request, attempt)
      if (!RETRYABLE_STATUSES.has(response.status)) {
        report({
          attempt: n,
          maxAttempts: policy.maxAttempts,
          elapsedMs: Date.now() - started,
          status: response.status
        })
        return response
      }
      reason = `HTTP ${response.status}`
      status = response.status
      // RFC 9110 gives Retry-After its meaning on 429 and 503 only.
      if (response.status === 429 || response.status === 503) {
        retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now())
      }
    } catch (error) {
      if (!(error instanceof ActionError) || !error.retryable) throw error
      reason = error.message
      failure = error
    }
    const last = n >= policy.maxAttempts
    const retryInMs = last ? undefined : backoff(n, retryAfterMs, policy)
    report({ attempt: n, maxAttempts: policy.maxAttempts, elapsedMs: Date.now() - started, reason, retryInMs })
    if (retryInMs === undefined) {
      const timedOut = failure instanceof TransientFailureError && failure.timedOut
      throw new TransientFailureError(`failed after ${n} attempt${n === 1 ? '' : 's'}; the last: ${reason}`, n, {
        cause: failure,
        status,
        timedOut,
        reason,
        retryAfterMs
      })
    }
    await policy.sleep(retryInMs)
  }
}

/** Exponential back-off with jitter, or the server's Retry-After (capped) plus jitter so a throttled matrix spreads out. */
export function backoff(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: Omit<RetryPolicy, 'maxAttempts' | 'sleep'>
): number {
  const jitter = policy.random()
  if (retryAfterMs !== undefined) {
    return Math.round(Math.min(retryAfterMs, policy.maxDelayMs) + jitter * policy.baseDelayMs)
  }
  const ceiling = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs)
  return Math.round(ceiling / 2 + (jitter * ceiling) / 2)
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim()
  if (!text) return undefined
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // Date.parse reads '1.5' or '-5' as dates; an HTTP date always names its day or month and has a clock time.
  const date = /[a-z]/i.test(text) && /\d:\d/.test(text) ? Date.parse(text) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
}
