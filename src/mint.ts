import { STATUS_CODES } from 'node:http'
import { TokenRequestError, TransientFailureError } from './errors.js'
import { DEFAULT_RETRY, sendWithRetries, type AttemptReport, type RetryPolicy } from './http/retry.js'
import { AttemptError, formatSeconds, type AttemptOptions, type HttpResponse } from './http/transport.js'
import type { MintedToken, Provider, TokenRequest } from './providers/provider.js'
import type { MintSettings } from './settings.js'

/** Where the core writes what a person may want to read; the action and the CLI each supply one. */
export interface Log {
  debug(message: string): void
  warning(message: string): void
}

/** A token as this run holds it, minted or unsealed: what it is for, and when this run received it. */
export interface IssuedToken extends MintedToken {
  readonly provider: Provider
  /** Set for providers with regions. */
  readonly region?: string
  /** Lifetimes are counted from here. */
  readonly issuedAt: Date
}

export interface MintOptions {
  readonly log: Log
  /** Overrides for tests: a CA to trust, a resolver, short back-offs, an injected clock. */
  readonly attempt?: Partial<AttemptOptions>
  readonly retry?: Partial<Omit<RetryPolicy, 'maxAttempts'>>
  readonly now?: () => Date
}

/** Sends the token request and reads the answer into a token, or throws an error written for the workflow author. */
export async function mintToken(
  settings: MintSettings,
  request: TokenRequest,
  options: MintOptions
): Promise<IssuedToken> {
  const { provider } = settings
  const url = new URL(settings.apiRoot.href.replace(/\/+$/, '') + request.path)
  const where = `${provider.title} at ${url.origin}${url.pathname}`
  let response: HttpResponse
  try {
    response = await sendWithRetries(
      { method: request.method, url, headers: request.headers, body: request.body },
      { timeoutMs: settings.timeoutMs, ...options.attempt },
      { ...DEFAULT_RETRY, ...options.retry, maxAttempts: settings.maxAttempts },
      report => logAttempt(options.log, request.method, url, report)
    )
  } catch (error) {
    if (error instanceof TransientFailureError) {
      throw new TransientFailureError(`Could not get a token from ${where}: ${error.message}.`, error.attempts)
    }
    if (error instanceof AttemptError)
      throw new TokenRequestError(`Could not get a token from ${where}: ${error.message}.`)
    throw error
  }

  const { status } = response
  if (status >= 300 && status < 400) {
    const target = redirectHost(response.headers.location, url)
    throw new TokenRequestError(
      `${provider.title} answered HTTP ${status} ${STATUS_CODES[status] ?? ''}, a redirect to ${target}. ` +
        'The action does not follow redirects, since they would carry your credentials elsewhere: ' +
        'check region and base-url.'
    )
  }
  if (status < 200 || status >= 300) {
    const hint = provider.hint(status)
    throw new TokenRequestError(
      `${provider.title} refused the token request: HTTP ${status} ${STATUS_CODES[status] ?? ''}.${hint ? ` ${hint}` : ''}`
    )
  }

  const issuedAt = (options.now ?? (() => new Date()))()
  const minted = provider.parse(parseJson(response, provider.title), issuedAt)
  // The partner id the workflow asked for stands in when the answer leaves it out.
  const fromInputs: Record<string, string> = settings.partnerId ? { 'partner-id': settings.partnerId } : {}
  const region = provider.inputs.includes('region') ? settings.region : undefined
  return { ...minted, account: { ...fromInputs, ...minted.account }, provider, region, issuedAt }
}

function parseJson(response: HttpResponse, title: string): unknown {
  // Never quote the body: an unexpected answer can still hold a token or an echoed credential.
  const what =
    response.body.trim() === ''
      ? 'an empty body'
      : /^\s*</.test(response.body)
        ? 'an HTML or XML page'
        : 'a body that is not JSON'
  try {
    if (response.body.trim() !== '') return JSON.parse(response.body)
  } catch {
    // reported below
  }
  throw new TokenRequestError(
    `${title} answered HTTP ${response.status} with ${what} instead of the documented JSON token response: ` +
      'check region and base-url, which must point at the API root.'
  )
}

function redirectHost(location: string | undefined, from: URL): string {
  if (!location) return 'an unnamed location'
  try {
    return new URL(location, from).host
  } catch {
    return 'an unreadable location'
  }
}

function logAttempt(log: Log, method: string, url: URL, report: AttemptReport) {
  const outcome = report.status === undefined ? report.reason : `HTTP ${report.status}`
  log.debug(
    `${method} ${url.origin}${url.pathname}: ${outcome} in ${report.elapsedMs} ms (attempt ${report.attempt}/${report.maxAttempts})`
  )
  if (report.retryInMs !== undefined) {
    log.warning(
      `Attempt ${report.attempt} of ${report.maxAttempts} failed: ${report.reason}; retrying in ${formatSeconds(report.retryInMs)}.`
    )
  }
}
